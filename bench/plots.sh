#!/usr/bin/env bash
# Redraws the plots of docs/benchmarks.md from the newest results files (or the ones given):
#   bench/plots.sh [compare-*.csv [failover-*.csv]]
set -euo pipefail
cd "$(dirname "$0")/.."
compare=${1:-$(ls -t bench/results/compare-*.csv | head -1)}
failover=${2:-$(ls -t bench/results/failover-*.csv | head -1)}
mkdir -p docs/benchmarks
python3 bench/summarize.py plot-compare "$compare" docs/benchmarks/throughput.svg
python3 bench/summarize.py plot-failover "$failover" docs/benchmarks/failover.svg
