#!/usr/bin/env bash
# The cold start a peer sees: how long a freshly started jsctp echo-server takes to answer the
# first INIT (INIT ACK) and the first COOKIE ECHO (COOKIE ACK) of its life, from a capture on
# loopback in a network namespace made for the run. The client is bench/c/upeer.c (usrsctp), so
# that only the server's JVM is cold. Each run starts a new server process.
#
#   sudo bench/first-handshake.sh [--runs 3] [--jars A.jar,B.jar]
#
# --jars compares builds (for example before and after a change), alternating them run by run;
# the default is the examples jar of this tree. Prints one line per run and the medians.
source "$(dirname "$0")/lib.sh"

RUNS=3
JARS=$JAR
while (($#)); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --jars) JARS=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

require_root_tools
build_c upeer -lusrsctp -lpthread
ns_create first; NS=$NS_NAME
LOGDIR=$BENCH_DIR/results/first-handshake-$(date -u +%Y%m%dT%H%M%SZ).logs
mkdir -p "$LOGDIR"
SPORT=22001
CPORT=22002
IFS=, read -r -a JAR_LIST <<<"$JARS"
RESULTS=()

one_run() {
  local jar=$1 run=$2 cap="$LOGDIR/run$2-$(basename "$1" .jar).pcapng" spid tpid line
  in_ns "$NS" dumpcap -q -i lo -w "$cap" -f udp 2>/dev/null & tpid=$!
  sleep 1
  ip netns exec "$NS" "$JAVA" $JAVA_OPTS -jar "$jar" echo-server --local 127.0.0.1 --port 7 \
    --udp-port "$SPORT" >/dev/null 2>&1 & spid=$!
  wait_udp_bound "$NS" "$SPORT" 60
  sleep 1
  in_ns "$NS" "$BUILD_DIR/upeer" client --remote 127.0.0.1 --port 7 --udp-port "$CPORT" \
    --remote-udp-port "$SPORT" --rate 200 --duration 1 --size 100 >/dev/null 2>&1 ||
    log "run $run: upeer exited $?"
  kill "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  sleep 0.5
  kill "$tpid" 2>/dev/null || true
  wait "$tpid" 2>/dev/null || true
  line=$(tshark -r "$cap" -d "udp.port==$SPORT,sctp" -T fields -e frame.time_relative \
    -e sctp.chunk_type 2>/dev/null | awk '
      $2 == "1" && !n[1]++ { i = $1 } $2 == "2" && !n[2]++ { ia = $1 }
      $2 ~ /^10(,|$)/ && !n[10]++ { ce = $1 } $2 ~ /^11(,|$)/ && !n[11]++ { ca = $1 }
      END { if (n[1] && n[2] && n[10] && n[11]) printf "%.1f %.1f", (ia - i) * 1000, (ca - ce) * 1000 }')
  [ -n "$line" ] || die "run $run: no complete handshake in $cap"
  echo "$(basename "$jar") run $run: INIT -> INIT ACK ${line% *} ms, COOKIE ECHO -> COOKIE ACK ${line#* } ms (load $(loadavg))"
  RESULTS+=("$(basename "$jar") $line")
}

log "cold handshakes of $RUNS runs per jar [${JAR_LIST[*]}]; captures in $LOGDIR"
for ((run = 1; run <= RUNS; run++)); do
  for jar in "${JAR_LIST[@]}"; do
    [ -f "$jar" ] || die "no jar $jar"
    one_run "$jar" "$run"
  done
done
printf '%s\n' "${RESULTS[@]}" | python3 -c '
import sys, statistics
by = {}
for line in sys.stdin:
    name, init, cookie = line.split()
    by.setdefault(name, []).append((float(init), float(cookie)))
for name, rows in by.items():
    i = [r[0] for r in rows]; c = [r[1] for r in rows]
    print(f"{name}: INIT -> INIT ACK median {statistics.median(i):.1f} ms ({min(i):.1f}-{max(i):.1f}), "
          f"COOKIE ECHO -> COOKIE ACK median {statistics.median(c):.1f} ms ({min(c):.1f}-{max(c):.1f}), {len(rows)} runs")
'
