#!/usr/bin/env bash
# The standby takeover demo (README, docs/ha.md): builds the examples jar when needed, then runs
# `ha-demo`: an active and a standby echo server on 127.0.0.20, a peer on 127.0.0.21, the active
# killed mid-run, a timeline and a summary. Arguments go to ha-demo (e.g. --replicator jgroups).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=sctp-examples/target/sctp-examples.jar
if [[ ! -f $jar ]] || [[ -n $(find sctp-core/src sctp-netty/src sctp-ha-jgroups/src sctp-examples/src pom.xml */pom.xml -newer "$jar" -print -quit 2>/dev/null) ]]; then
  mvn -B -q -DskipTests package
fi
exec java -jar "$jar" ha-demo "$@"
