#!/usr/bin/env bash
# Regenerates the failover table and timelines of docs/failover.md from simulator runs
# (virtual time, fixed seed: the output is the same on every machine).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl sctp-core test -Dtest=FailoverReportTest -Dfailover.report.dir="$PWD/docs/failover" -Dsurefire.failIfNoSpecifiedTests=false
echo "wrote docs/failover/failover-table.md and docs/failover/failover-timeline-*.svg"
