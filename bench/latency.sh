#!/usr/bin/env bash
# Echo round-trip latency at a low rate, jsctp against usrsctp, on loopback in a network
# namespace made for the run: 100-byte messages at 200 messages/s for 20 s (one message in
# flight at a time in practice), p50/p90/p99/max of the round trip as the client measures it
# (send call to the complete echo read), also over the later half of the samples only (the
# clients' LATENCY_SECOND_HALF line: the run without the first half, where a fresh JVM warms up).
#
# Clients: our `echo-client --latency` and bench/c/upeer.c (usrsctp, built here). Servers: our
# `echo-server`, upeer's server mode (SCTP_NODELAY, quiet) and usrsctp's own echo_server (Debian
# build: it prints one line per message; run with the debug-off shim).
#
#   sudo bench/latency.sh [--rate 200] [--duration 20] [--size 100] [--runs 3] [--out FILE]
#
# Writes bench/results/latency-<UTC date>.csv and prints the medians over the runs.
source "$(dirname "$0")/lib.sh"

RATE=200
DURATION=20
SIZE=100
RUNS=3
CASES="ours-ours upeer-upeer upeer-echo_server ours-echo_server upeer-ours"
OUT=""
while (($#)); do
  case $1 in
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

require_root_tools
build_shim
build_c upeer -lusrsctp -lpthread
mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/latency-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
ns_create lat; NS=$NS_NAME
OURS=("$JAVA" $JAVA_OPTS -jar "$JAR")
PORT=22000

{
  machine_info
  echo "# rate ${RATE}/s, ${SIZE}-byte messages, ${DURATION}s per run, $RUNS runs"
  echo "case,run,samples,p50_us,p90_us,p99_us,max_us,sent,echoed,max_gap_ms,loadavg1,half_p50_us,half_p90_us,half_p99_us,half_max_us"
} >"$OUT"

one_run() {
  local kase=$1 run=$2 sport cport spid lat res
  local base="$LOGDIR/$kase-$run"
  next_port; sport=$PORT
  next_port; cport=$PORT
  case $kase in
    *-ours)
      ip netns exec "$NS" "${OURS[@]}" echo-server --local 127.0.0.1 --port 7 --udp-port "$sport" \
        >"$base.server.out" 2>"$base.server.err" & spid=$! ;;
    *-upeer)
      ip netns exec "$NS" "$BUILD_DIR/upeer" server --local 127.0.0.1 --port 7 --udp-port "$sport" \
        --remote-udp-port "$cport" >"$base.server.out" 2>"$base.server.err" & spid=$! ;;
    *-echo_server)
      ip netns exec "$NS" env LD_PRELOAD="$SHIM" "$USRSCTP_BIN/echo_server" "$sport" "$cport" \
        >"$base.server.out" 2>"$base.server.err" & spid=$! ;;
  esac
  wait_udp_bound "$NS" "$sport" 60
  case $kase in
    ours-*)
      in_ns "$NS" "${OURS[@]}" echo-client --remote 127.0.0.1 --port 7 --remote-udp-port "$sport" \
        --udp-port "$cport" --rate "$RATE" --duration "$DURATION" --size "$SIZE" --latency \
        >"$base.client.out" 2>"$base.client.err" || log "$kase: echo-client exited $?" ;;
    upeer-*)
      in_ns "$NS" "$BUILD_DIR/upeer" client --remote 127.0.0.1 --port 7 --udp-port "$cport" \
        --remote-udp-port "$sport" --rate "$RATE" --duration "$DURATION" --size "$SIZE" \
        >"$base.client.out" 2>"$base.client.err" || log "$kase: upeer client exited $?" ;;
  esac
  kill "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  lat=$(grep -m1 '^LATENCY ' "$base.client.out") || die "no LATENCY line in $base.client.out"
  res=$(grep -m1 '^RESULT ' "$base.client.out") || die "no RESULT line in $base.client.out"
  half=$(grep -m1 '^LATENCY_SECOND_HALF ' "$base.client.out") || half=""
  echo "$kase,$run,$(kv "$lat" samples),$(kv "$lat" p50_us),$(kv "$lat" p90_us),$(kv "$lat" p99_us),$(kv "$lat" max_us),$(kv "$res" sent),$(kv "$res" echoed),$(kv "$res" max_gap_ms),$(cut -d' ' -f1 /proc/loadavg),$(kv "$half" p50_us),$(kv "$half" p90_us),$(kv "$half" p99_us),$(kv "$half" max_us)" |
    tee -a "$OUT" >&2
}

log "results: $OUT; cases [$CASES], $RUNS runs of ${DURATION}s"
for ((run = 1; run <= RUNS; run++)); do
  for kase in $CASES; do
    log "run $run $kase (load $(loadavg))"
    one_run "$kase" "$run"
  done
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"
python3 "$BENCH_DIR/summarize.py" latency "$OUT" | tee "${OUT%.csv}.summary.txt"
