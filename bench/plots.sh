#!/usr/bin/env bash
# Redraws the plots of docs/benchmarks.md from the newest results files (or the ones given):
#   bench/plots.sh [compare-*.csv [failover-*.csv [warmup-*.csv]]]
set -euo pipefail
cd "$(dirname "$0")/.."
compare=${1:-$(ls -t bench/results/compare-*.csv | head -1)}
failover=${2:-$(ls -t bench/results/failover-*.csv | head -1)}
warmup=${3:-$(ls -t bench/results/warmup-*.csv 2>/dev/null | head -1)}
mkdir -p docs/benchmarks
python3 bench/summarize.py plot-compare "$compare" docs/benchmarks/throughput.svg
python3 bench/summarize.py plot-failover "$failover" docs/benchmarks/failover.svg
if [[ -n $warmup ]]; then
  python3 bench/summarize.py plot-warmup "$warmup" docs/benchmarks/warmup.svg
fi
