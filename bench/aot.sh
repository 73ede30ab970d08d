#!/usr/bin/env bash
# What the AOT cache of bench/aot-train.sh gains: the tools on JDK 17, on JDK 25 without a cache
# and on JDK 25 with it, each run in fresh processes, the three configurations alternating in a
# rotating order, in one network namespace made for the run (nothing leaves it).
#   start: a fresh echo-server, then a fresh echo-client --count 1; from the client's process
#     start to its COMM_UP line, to its first echo answered (COMM_UP + the message's round
#     trip), and to its exit; the client's CPU time (user + system) to its exit and the server's
#     at that moment, less sensitive to the load of the machine than the times. The server is as
#     cold as the client, so its first handshake counts.
#   tput: a fresh tput-server --count 1 and a fresh tput-client --duration 5 --size 8192; the
#     receiver's Mbit/s over those first 5 s of the association, and the client's.
#
#   sudo JAVA25=/path/to/jdk-25/bin/java bench/aot.sh [--runs 7] [--cache FILE] [--out FILE]
#
# JAVA (default java) is the JDK 17 of reference. The cache (default
# sctp-examples/target/jsctp-tools.aot) must have been trained with JAVA25 on this jar. Writes
# bench/results/aot-<UTC date>.csv (machine description as # lines) and prints medians with
# minima and maxima (bench/summarize.py aot FILE).
source "$(dirname "$0")/lib.sh"

RUNS=7
CACHE=$REPO_DIR/sctp-examples/target/jsctp-tools.aot
OUT=""
JAVA25=${JAVA25:-}
TPUT_SECONDS=5
while (($#)); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --cache) CACHE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --java25) JAVA25=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

[[ $(id -u) -eq 0 ]] || die "run as root (ip netns)"
[[ -n $JAVA25 ]] || die "set JAVA25=/path/to/jdk-25/bin/java"
[[ -f $JAR ]] || die "missing $JAR: build it with mvn -B -q -pl sctp-examples -am clean package -DskipTests"
[[ -f $CACHE ]] || die "missing $CACHE: train it with JAVA=$JAVA25 bench/aot-train.sh"
"$JAVA25" -XX:AOTCache="$CACHE" -XX:AOTMode=on -jar "$JAR" --version >/dev/null ||
  die "JDK 25 does not map $CACHE (another JDK or jar?): retrain it with bench/aot-train.sh"

declare -A CMD
CMD[jdk17]="$JAVA $JAVA_OPTS -jar $JAR"
CMD[jdk25]="$JAVA25 $JAVA_OPTS -jar $JAR"
CMD[jdk25-aot]="$JAVA25 $JAVA_OPTS -XX:AOTCache=$CACHE -XX:AOTMode=on -jar $JAR"
CONFIGS=(jdk17 jdk25 jdk25-aot)

mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/aot-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
ns_create aot; NS=$NS_NAME
PORT=24000

{
  machine_info
  echo "# java25: $("$JAVA25" -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "# cache: $(basename "$CACHE") $(stat -c %s "$CACHE") bytes, $(date -u -r "$CACHE" +%Y-%m-%dT%H:%M:%SZ)"
  echo "# runs: $RUNS per configuration, rotating order; tput ${TPUT_SECONDS}s at 8192 bytes"
  echo "config,run,commup_ms,first_echo_ms,client_exit_ms,client_cpu_ms,server_cpu_ms,tput_rx_mbit,tput_tx_mbit,loadavg1"
} >"$OUT"

# stamp: prefixes every line of stdin with the time it was read (microseconds since the epoch)
stamp() { local line; while IFS= read -r line; do printf '%s %s\n' "${EPOCHREALTIME/./}" "$line"; done; }

# start_run CONFIG RUN: echoes "commup_ms first_echo_ms client_exit_ms client_cpu_ms server_cpu_ms"
start_run() {
  local cfg=$1 run=$2 base="$LOGDIR/$1-$2-start" sport spid t0 t1 up rtt scpu
  next_port; sport=$PORT
  # shellcheck disable=SC2086
  ip netns exec "$NS" ${CMD[$cfg]} echo-server --local 127.0.0.1 --udp-port "$sport" \
    >"$base.server.out" 2>&1 & spid=$!
  wait_udp_bound "$NS" "$sport" 60
  sleep 0.5
  t0=${EPOCHREALTIME/./}
  # shellcheck disable=SC2086
  in_ns "$NS" /usr/bin/time -f 'CPU %U %S' -o "$base.client.time" ${CMD[$cfg]} echo-client \
    --remote 127.0.0.1 --remote-udp-port "$sport" --count 1 --latency 2>&1 | stamp >"$base.client.out" || true
  t1=${EPOCHREALTIME/./}
  scpu=$(proc_cpu_s "$spid")
  kill "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  up=$(awk '/COMM_UP/ {print $1; exit}' "$base.client.out")
  rtt=$(sed -nE 's/.*LATENCY samples=1 p50_us=([0-9]+).*/\1/p' "$base.client.out")
  [[ -n $up && -n $rtt ]] || die "$cfg run $run: no COMM_UP or LATENCY in $base.client.out"
  awk -v t0="$t0" -v t1="$t1" -v up="$up" -v rtt="$rtt" -v scpu="$scpu" '
    /^CPU / { printf "%.1f %.1f %.1f %.0f %.0f", (up - t0) / 1000, (up - t0 + rtt) / 1000, (t1 - t0) / 1000,
      ($2 + $3) * 1000, scpu * 1000 }' "$base.client.time"
}

# tput_run CONFIG RUN: echoes "rx_mbit tx_mbit"
tput_run() {
  local cfg=$1 run=$2 base="$LOGDIR/$1-$2-tput" sport spid rx tx
  next_port; sport=$PORT
  # shellcheck disable=SC2086
  ip netns exec "$NS" ${CMD[$cfg]} tput-server --local 127.0.0.1 --udp-port "$sport" --count 1 \
    >"$base.server.out" 2>&1 & spid=$!
  wait_udp_bound "$NS" "$sport" 60
  sleep 0.5
  # shellcheck disable=SC2086
  in_ns "$NS" ${CMD[$cfg]} tput-client --remote 127.0.0.1 --remote-udp-port "$sport" --size 8192 \
    --duration "$TPUT_SECONDS" >"$base.client.out" 2>&1 || log "$cfg run $run: tput-client exited $?"
  rx=$(wait_line "$base.server.out" '^RESULT ' 30) || { kill "$spid" 2>/dev/null || true; die "no RESULT in $base.server.out"; }
  wait "$spid" 2>/dev/null || true
  tx=$(grep -m1 '^RESULT ' "$base.client.out" || true)
  echo "$(kv "$rx" mbit_per_s) $(kv "$tx" mbit_per_s)"
}

log "results: $OUT (logs in $LOGDIR); $RUNS runs x [${CONFIGS[*]}]"
for ((run = 1; run <= RUNS; run++)); do
  for ((k = 0; k < ${#CONFIGS[@]}; k++)); do
    cfg=${CONFIGS[$(((run - 1 + k) % ${#CONFIGS[@]}))]}
    read -r up first exit_ms ccpu scpu <<<"$(start_run "$cfg" "$run")"
    read -r rx tx <<<"$(tput_run "$cfg" "$run")"
    [[ -n $up && -n $rx ]] || die "$cfg run $run failed (logs in $LOGDIR)"
    echo "$cfg,$run,$up,$first,$exit_ms,$ccpu,$scpu,$rx,$tx,$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT" >&2
  done
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"
python3 "$BENCH_DIR/summarize.py" aot "$OUT"
