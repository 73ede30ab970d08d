#!/usr/bin/env bash
# Throughput of jsctp against usrsctp 0.9.5 on loopback, in one network namespace made for the
# run: tsctp->tsctp, ours->ours, ours->tsctp (our tput-client to the tsctp server) and
# tsctp->ours (the tsctp client to our tput-server), for several message sizes, several runs
# each, interleaved; plus the raw UDP packet rate between two processes (bench/c/udprate.c) as
# the physical reference. Both stacks send IP packets of at most 1500 bytes (our
# net.sctp.path_mtu default; usrsctp assumes the same over UDP), so one DATA chunk carries at
# most 1500 - 20 (IP) - 8 (UDP) - 12 (SCTP common header) - 16 (DATA header) = 1444 bytes.
#
# The figure of a run is the receiver's: bytes counted by the server from the association's
# first message to its end. usrsctp's tsctp runs with a preloaded shim that turns its debug
# output off (it costs it about 2.7x otherwise).
#
#   sudo bench/compare.sh [--duration S] [--runs N] [--sizes "1024 8192 65536"] [--cases "..."] [--out FILE]
#
# Cases (default "tsctp-tsctp ours-ours ours-tsctp tsctp-ours"): our tools run with their default
# transport (epoll with sendmmsg on Linux x86_64); oursnio-oursnio and oursgso-oursgso are ours ->
# ours on NIO and on epoll with UDP GSO/GRO, for the transport comparison. (Results files of
# 2026-12-07 15:02 name epoll without GSO oursepoll-oursepoll and epoll with GSO ours-ours.)
#
# Writes bench/results/compare-<UTC date>.csv (machine description as # lines first) and prints
# the medians and the ratios ours/usrsctp and ours/raw UDP. Packets per second of an SCTP run
# are DATA packets computed from the message size (ceil(size / 1444) per message; messages of
# at most 1444 bytes are never bundled two to a packet at 1024 bytes), compared with the raw
# UDP datagrams per second received at the same packet size (1052 = 1024 + 28 bytes of SCTP
# headers, 1472 = a full 1500-byte IP packet). The UDP datagrams the namespace delivered during
# each run (/proc/net/snmp Udp InDatagrams, DATA and SACK packets together) are recorded too.
source "$(dirname "$0")/lib.sh"

DURATION=10
RUNS=3
SIZES="1024 8192 65536"
CASES="tsctp-tsctp ours-ours ours-tsctp tsctp-ours"
OUT=""
while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

require_root_tools
build_shim
build_c udprate
mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/compare-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
ns_create tput; NS=$NS_NAME
TSCTP=(env LD_PRELOAD="$SHIM" "$USRSCTP_BIN/tsctp")
OURS=("$JAVA" $JAVA_OPTS -jar "$JAR")
PORT=21000

# next_port: sets PORT to the next UDP port free in the namespace (not in a subshell)
udp_in() { in_ns "$NS" awk '/^Udp: [0-9]/ {print $2; exit}' /proc/net/snmp; }
udp_rcvbuf_errors() { in_ns "$NS" awk '/^Udp: [0-9]/ {print $6; exit}' /proc/net/snmp; }

{
  machine_info
  echo "# duration per run: ${DURATION}s, runs: $RUNS"
  echo "case,size,run,mbit_per_s,msgs_per_s,data_pkts_per_s,udp_in_per_s,rx_cpu_s,seconds,loadavg1,udp_rcvbuf_errors"
} >"$OUT"

# ours_args CASE: the transport of our tools in CASE: oursnio-oursnio NIO, oursgso-oursgso epoll
# with UDP GSO/GRO (--udp-offload), ours-* and *-ours the tools' default (epoll with sendmmsg where
# it works)
ours_args() {
  case $1 in
    oursnio*) echo "--transport NIO" ;;
    oursgso*) echo "--transport EPOLL --udp-offload" ;;
  esac
}

# one_run CASE SIZE RUN: one association, server and client fresh; appends a CSV row.
one_run() {
  local kase=$1 size=$2 run=$3 sport cport spid cpid line bytes secs msgs cpu u0 u1
  local base="$LOGDIR/$kase-$size-$run"
  next_port; sport=$PORT
  next_port; cport=$PORT
  # server
  case $kase in
    *-tsctp)
      ip netns exec "$NS" "${TSCTP[@]}" -E "$sport" >"$base.server.out" 2>"$base.server.err" &
      spid=$! ;;
    *-ours*)
      ip netns exec "$NS" "${OURS[@]}" tput-server --local 127.0.0.1 --udp-port "$sport" --count 1 \
        $(ours_args "$kase") \
        >"$base.server.out" 2>"$base.server.err" &
      spid=$! ;;
  esac
  wait_udp_bound "$NS" "$sport" 60
  u0=$(udp_in); e0=$(udp_rcvbuf_errors)
  # client
  case $kase in
    tsctp-*)
      in_ns "$NS" "${TSCTP[@]}" -E "$cport" -U "$sport" -n 0 -T "$DURATION" -l "$size" 127.0.0.1 \
        >"$base.client.out" 2>"$base.client.err" || log "$kase $size: tsctp client exited $?" ;;
    ours*)
      in_ns "$NS" "${OURS[@]}" tput-client --remote 127.0.0.1 --remote-udp-port "$sport" $(ours_args "$kase") \
        --udp-port "$cport" --size "$size" --duration "$DURATION" \
        >"$base.client.out" 2>"$base.client.err" || log "$kase $size: tput-client exited $?" ;;
  esac
  u1=$(udp_in); e1=$(udp_rcvbuf_errors)
  case $kase in
    *-tsctp)
      line=$(wait_line "$base.server.out" '^[0-9]+, [0-9]+, ' 30) || { kill "$spid" 2>/dev/null; die "no tsctp server line in $base.server.out"; }
      cpu=$(proc_cpu_s "$spid")
      kill "$spid" 2>/dev/null || true
      IFS=', ' read -r _ msgs _ bytes secs _ <<<"$line" ;;
    *-ours*)
      line=$(wait_line "$base.server.out" '^RESULT ' 60) || { kill "$spid" 2>/dev/null; die "no RESULT in $base.server.out"; }
      msgs=$(kv "$line" messages); bytes=$(kv "$line" bytes); secs=$(kv "$line" seconds); cpu=$(kv "$line" cpu_s) ;;
  esac
  wait "$spid" 2>/dev/null || true
  awk -v k="$kase" -v s="$size" -v r="$run" -v m="$msgs" -v b="$bytes" -v t="$secs" -v c="$cpu" \
      -v du="$((u1 - u0))" -v d="$DURATION" -v l="$(cut -d' ' -f1 /proc/loadavg)" -v de="$((e1 - e0))" 'BEGIN {
    ppm = int((s + 1443) / 1444)
    printf "%s,%d,%d,%.1f,%.0f,%.0f,%.0f,%.2f,%.3f,%s,%d\n", k, s, r, b * 8 / t / 1e6, m / t, m / t * ppm, du / d, c, t, l, de
  }' | tee -a "$OUT" >&2
}

udp_run() {
  local payload=$1 run=$2 port rpid line
  local base="$LOGDIR/udp-$payload-$run"
  next_port; port=$PORT
  ip netns exec "$NS" "$BUILD_DIR/udprate" recv 127.0.0.1 "$port" $((DURATION + 30)) >"$base.recv.out" 2>&1 &
  rpid=$!
  wait_udp_bound "$NS" "$port" 10
  in_ns "$NS" "$BUILD_DIR/udprate" send 127.0.0.1 "$port" "$payload" "$DURATION" >"$base.send.out" 2>&1
  wait "$rpid" || true
  line=$(grep '^UDP received' "$base.recv.out") || die "no udprate line in $base.recv.out"
  awk -v p="$payload" -v r="$run" -v n="$(kv "$line" received)" -v t="$(kv "$line" seconds)" \
      -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "udp-raw,%d,%d,%.1f,%.0f,%.0f,%.0f,,%.3f,%s,\n", p, r, n * p * 8 / t / 1e6, n / t, n / t, n / t, t, l
  }' | tee -a "$OUT" >&2
}

log "results: $OUT (logs in $LOGDIR); $RUNS runs x sizes [$SIZES] x cases [$CASES], ${DURATION}s each"
for ((run = 1; run <= RUNS; run++)); do
  for size in $SIZES; do
    for kase in $CASES; do
      log "run $run size $size $kase (load $(loadavg))"
      one_run "$kase" "$size" "$run"
    done
  done
  for payload in 1052 1472; do
    log "run $run raw UDP $payload bytes"
    udp_run "$payload" "$run"
  done
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"

python3 "$BENCH_DIR/summarize.py" compare "$OUT" | tee "${OUT%.csv}.summary.txt"
