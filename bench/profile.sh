#!/usr/bin/env bash
# JFR profile of jsctp during a throughput run (ours -> ours, one association, in a network
# namespace made for the run): both the tput-client and the tput-server run with
# -XX:StartFlightRecording (settings=profile: execution samples every 10 ms, allocation
# samples, GC). Prints the top costs of each side with bench/jfr_top.py.
#
#   sudo bench/profile.sh [--size 1024] [--duration 20]
#
# Leaves bench/results/profile-<UTC date>-{client,server}.jfr (not committed: open them with
# JDK Mission Control or `jfr print`) and the text summary next to them.
source "$(dirname "$0")/lib.sh"

SIZE=1024
DURATION=20
while (($#)); do
  case $1 in
    --size) SIZE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
require_root_tools jfr
mkdir -p "$BENCH_DIR/results"
STEM=$BENCH_DIR/results/profile-$(date -u +%Y%m%dT%H%M%SZ)-$SIZE
ns_create prof; NS=$NS_NAME
SPORT=25001
CPORT=25002
check_ports "$NS" "$SPORT" "$CPORT"
JFR="-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="

ip netns exec "$NS" "$JAVA" "${JFR}$STEM-server.jfr" -jar "$JAR" tput-server --local 127.0.0.1 \
  --udp-port "$SPORT" --count 1 >"$STEM-server.out" 2>&1 &
spid=$!
wait_udp_bound "$NS" "$SPORT" 60
in_ns "$NS" "$JAVA" "${JFR}$STEM-client.jfr" -jar "$JAR" tput-client --remote 127.0.0.1 \
  --remote-udp-port "$SPORT" --udp-port "$CPORT" --size "$SIZE" --duration "$DURATION" >"$STEM-client.out" 2>&1
wait "$spid" || true
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) ours -> ours, $SIZE-byte messages, ${DURATION}s, load $(loadavg)"
  grep -h '^RESULT' "$STEM-client.out" | sed 's/^/# client /'
  grep -h '^RESULT' "$STEM-server.out" | sed 's/^/# server /'
  for side in client server; do
    echo
    echo "## $side"
    python3 "$BENCH_DIR/jfr_top.py" "$STEM-$side.jfr" 25
  done
} | tee "$STEM.txt"
