#!/usr/bin/env bash
# Scale of one jsctp endpoint: heap after a full GC and CPU of one echo-server process (one
# one-to-many endpoint) holding many associations, each opened by `scale-client` (a separate
# process; one endpoint per association: its own channel, SCTP port and ephemeral UDP port).
# In a network namespace made for the run, on its loopback. When one UDP socket per association
# does not fit in `ulimit -n` (N + 1000 file descriptors), the client's endpoints share
# ceil(N / 100) UDP sockets (100 SCTP ports on each, as usrsctp runs every SCTP port over one
# encapsulation port). Above 10,000 associations the client spreads them over ceil(N / 10000)
# loopback addresses 127.0.0.1, 127.0.0.2, ... (a client stack picks ephemeral SCTP ports from
# 49152-65535 per address). The server gets net.sctp.max_associations and
# max_associations_per_peer of at least N (defaults 16384 and 4096).
#
# Scenarios (default): 1,000 idle associations, 10,000 idle associations, 1,000 associations
# echoing one 100-byte message per second each. Idle means heartbeats only (default
# hb_interval 30 s, so each path is probed about every 30 s plus its RTO, from both sides).
#
# For each: the server's heap used after `jcmd PID GC.run` (a full collection with G1) before any
# association (baseline) and once every association is up and settled; (used - baseline) / N is
# the heap per association (the server's class histogram then goes to the logs). Then its CPU
# time (utime + stime from /proc/PID/stat) over a window of --window seconds (default 60), and the UDP datagrams the namespace delivered per second in
# that window (/proc/net/snmp), which shows the heartbeats running.
#
#   sudo bench/scale.sh [--window 60] [--settle 10] [--scenarios "idle:1000 idle:10000 echo:1000"]
#
# Writes bench/results/scale-<UTC date>.csv and prints it.
source "$(dirname "$0")/lib.sh"

WINDOW=60
SETTLE=10
SCENARIOS="idle:1000 idle:10000 echo:1000"
OUT=""
SERVER_OPTS=${SERVER_OPTS:-}
CLIENT_OPTS=${CLIENT_OPTS:-}
# Extra class path of the server, e.g. Netty's native epoll jar (the stack then uses epoll).
SERVER_CP=${SERVER_CP:-}
# Extra echo-server options, e.g. "--transport EPOLL" (with SERVER_CP).
SERVER_ARGS=${SERVER_ARGS:-}
while (($#)); do
  case $1 in
    --window) WINDOW=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

require_root_tools jcmd
mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/scale-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
ns_create scale; NS=$NS_NAME
PORT=23000
udp_in() { in_ns "$NS" awk '/^Udp: [0-9]/ {print $2; exit}' /proc/net/snmp; }

{
  machine_info
  echo "# ulimit -n: $(ulimit -n); server JVM options: ${SERVER_OPTS:-default}; server extra class path: ${SERVER_CP:-none}; server options: ${SERVER_ARGS:-none}; client JVM options: ${CLIENT_OPTS:-default}; window ${WINDOW}s, settle ${SETTLE}s"
  echo "scenario,associations,up,setup_s,heap_base_kb,heap_used_kb,heap_per_assoc_b,server_rss_kb,server_cpu_s,window_s,server_cpu_pct,cpu_us_per_assoc_s,udp_in_per_s,client_result,loadavg1,client_udp_sockets,client_ips"
} >"$OUT"

# heap used (KB) after a full GC
heap_after_gc() {
  local pid=$1
  jcmd "$pid" GC.run >/dev/null
  sleep 1
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | sed -nE 's/.* heap +total [0-9]+K, used ([0-9]+)K.*/\1/p' | head -1
}

scenario() {
  local kind=$1 n=$2 sport spid cpid base up setup used cpu0 cpu1 u0 u1 t0 t1 rss result rate duration
  local logs="$LOGDIR/$kind-$n" sockets=0 ips=1 limit i
  local client_args=()
  if ((n + 1000 > $(ulimit -n))); then
    sockets=$(((n + 99) / 100))
    ((sockets + 1000 <= $(ulimit -n))) || die "ulimit -n $(ulimit -n) is too low for $sockets UDP sockets in the client"
    client_args+=(--udp-sockets "$sockets" --first-udp-port 30000)
  fi
  if ((n > 10000)); then
    ips=$(((n + 9999) / 10000))
    for ((i = 1; i <= ips; i++)); do client_args+=(--local "127.0.0.$i"); done
  fi
  limit=$((n > 16384 ? n : 16384))
  next_port; sport=$PORT
  local server_jar=(-jar "$JAR")
  [[ -n $SERVER_CP ]] && server_jar=(-cp "$JAR:$SERVER_CP" org.jsctp.examples.Main)
  ip netns exec "$NS" "$JAVA" $SERVER_OPTS "${server_jar[@]}" echo-server --local 127.0.0.1 --port 7 --udp-port "$sport" \
    --sysctl "net.sctp.max_associations=$limit" --sysctl "net.sctp.max_associations_per_peer=$limit" $SERVER_ARGS \
    >"$logs.server.out" 2>"$logs.server.err" &
  spid=$!
  wait_udp_bound "$NS" "$sport" 60
  sleep 2
  base=$(heap_after_gc "$spid")
  rate=0; duration=0
  if [[ $kind == echo ]]; then rate=1; duration=$((SETTLE + WINDOW + 15)); fi
  ip netns exec "$NS" "$JAVA" $CLIENT_OPTS -jar "$JAR" scale-client --remote 127.0.0.1 --port 7 --remote-udp-port "$sport" \
    --associations "$n" --rate "$rate" --duration "$duration" "${client_args[@]}" >"$logs.client.out" 2>"$logs.client.err" &
  cpid=$!
  # The whole line: seconds= ends with its one decimal (a line read while being written lacks it).
  up=$(wait_line "$logs.client.out" '^UP .* seconds=[0-9]+\.[0-9]' 1800) || die "associations not up: $logs.client.out"
  log "$kind $n: $up; settling ${SETTLE}s"
  sleep "$SETTLE"
  used=$(heap_after_gc "$spid")
  jcmd "$spid" GC.class_histogram >"$logs.histogram.txt" 2>&1 || true
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$spid/status")
  log "$kind $n: heap base ${base}K, used ${used}K; CPU window ${WINDOW}s (load $(loadavg))"
  cpu0=$(proc_cpu_s "$spid"); u0=$(udp_in); t0=$(date +%s.%N)
  sleep "$WINDOW"
  cpu1=$(proc_cpu_s "$spid"); u1=$(udp_in); t1=$(date +%s.%N)
  if [[ $kind == echo ]]; then
    result=$(wait_line "$logs.client.out" '^RESULT ' $((duration + 60))) || result="no RESULT"
  else
    result=$(grep -E -c 'COMM_UP' "$logs.server.out" | sed 's/^/server COMM_UP lines /')
  fi
  kill -TERM "$cpid" 2>/dev/null || true
  wait "$cpid" 2>/dev/null || true
  kill -TERM "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  awk -v k="$kind" -v n="$n" -v up="$(kv "$up" associations)" -v s="$(kv "$up" seconds)" -v b="$base" -v u="$used" \
      -v rss="$rss" -v c0="$cpu0" -v c1="$cpu1" -v t0="$t0" -v t1="$t1" -v u0="$u0" -v u1="$u1" \
      -v res="${result//,/;}" -v l="$(cut -d' ' -f1 /proc/loadavg)" -v so="$sockets" -v ips="$ips" 'BEGIN {
    w = t1 - t0; c = c1 - c0
    printf "%s,%d,%d,%s,%d,%d,%.0f,%d,%.2f,%.1f,%.2f,%.2f,%.0f,%s,%s,%s,%d\n", k, n, up, s, b, u, (u - b) * 1024 / n, rss, c, w, 100 * c / w, 1e6 * c / w / n, (u1 - u0) / w, res, l, (so ? so : "one each"), ips
  }' | tee -a "$OUT" >&2
}

log "results: $OUT; scenarios [$SCENARIOS]"
for sc in $SCENARIOS; do
  scenario "${sc%%:*}" "${sc##*:}"
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"
column -s, -t < <(grep -v '^#' "$OUT") | tee "${OUT%.csv}.summary.txt"
