#!/usr/bin/env bash
# Failover gap in real network namespaces, jsctp against usrsctp under the same settings.
#
# Two namespaces made for the run, A (client) and B (server), joined by two veth pairs: path 1
# (p1: 10.202.1.1 in A, 10.202.1.2 in B) and path 2 (p2: 10.202.2.1, 10.202.2.2). Both ends
# bind both addresses; the client connects to 10.202.1.2 first, so path 1 is the primary. The
# client echoes 100-byte messages at 100/s; --blackhole-at seconds after COMM_UP, path 1 is
# blackholed silently in both directions with an nftables drop of UDP on the input hook of the
# receiving side (in A for packets from B and in B for packets from A; a drop on the output hook
# would make the sender see EPERM instead of silence). The figure is the client's max_gap_ms:
# the longest time without any echo while messages were outstanding (both ends must fail over:
# the client for its messages, the server for its echoes).
#
# jsctp: echo-client and echo-server of the examples jar. usrsctp: bench/c/upeer.c (built here),
# client and server, with the same settings on both ends:
#   defaults      each stack's own defaults: jsctp has SCTP-PF on with pf_retrans 0 (as Linux),
#                 usrsctp has PF off; both RTO.min 1 s, Path.Max.Retrans 5
#   pf-off        PF off on both (jsctp net.sctp.pf_enable=0)
#   pf0           PF threshold 0 on both (usrsctp SCTP_PEER_ADDR_THLDS spt_pathpfthld 0)
#   pf0-rto100    PF threshold 0 and RTO.min 100 ms on both
#
# A run sends for --duration seconds (25), or --duration-nopf (80) for the settings where a
# stack runs without PF (defaults and pf-off): without PF a path is declared INACTIVE only after
# Path.Max.Retrans + 1 = 6 timeouts of 1, 2, 4, 8, 16 and 32 s, so recovery can take about a
# minute and a shorter run would cut the gap short. The client then waits up to 10 s for the last
# echoes; a gap still open at the end counts up to the end, and unanswered messages are listed.
#
#   sudo bench/failover.sh [--runs 3] [--duration 25] [--duration-nopf 80] [--blackhole-at 5]
#                          [--settings "defaults pf-off pf0 pf0-rto100"] [--stacks "ours usrsctp"]
#
# Writes bench/results/failover-<UTC date>.csv and prints it.
source "$(dirname "$0")/lib.sh"

RUNS=3
DURATION=25
DURATION_NOPF=80
BLACKHOLE_AT=5
RATE=100
SETTINGS="defaults pf-off pf0 pf0-rto100"
STACKS="ours usrsctp"
OUT=""
while (($#)); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --duration-nopf) DURATION_NOPF=$2; shift 2 ;;
    --blackhole-at) BLACKHOLE_AT=$2; shift 2 ;;
    --settings) SETTINGS=$2; shift 2 ;;
    --stacks) STACKS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

require_root_tools nft
build_c upeer -lusrsctp -lpthread
mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/failover-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
OURS=("$JAVA" $JAVA_OPTS -jar "$JAR")
# extra arguments for both jsctp programs, e.g. OURS_EXTRA_ARGS=--verbose for the stack's debug log
read -r -a OURS_EXTRA <<<"${OURS_EXTRA_ARGS:-}"
SPORT=24001
CPORT=24002

{
  machine_info
  echo "# rate ${RATE}/s of 100 B, ${DURATION}s per run (${DURATION_NOPF}s for defaults and pf-off), blackhole of path 1 at COMM_UP + ${BLACKHOLE_AT}s"
  echo "stack,settings,run,max_gap_ms,sent,echoed,dropped_pkts,events_after_blackhole,loadavg1,duration_s"
} >"$OUT"

# A fresh pair of namespaces per run, so no state (ARP, conntrack, nft) carries over.
topology() {
  ns_create "a$1"; A=$NS_NAME
  ns_create "b$1"; B=$NS_NAME
  local k
  for k in 1 2; do
    ip link add "p$k" netns "$A" type veth peer name "p$k" netns "$B"
    in_ns "$A" ip addr add "10.202.$k.1/24" dev "p$k"
    in_ns "$B" ip addr add "10.202.$k.2/24" dev "p$k"
    in_ns "$A" ip link set "p$k" up
    in_ns "$B" ip link set "p$k" up
  done
  check_ports "$A" "$CPORT"
  check_ports "$B" "$SPORT"
}

blackhole() {
  local ns
  for ns in "$A" "$B"; do
    in_ns "$ns" nft -f - <<'NFT'
table inet jsctp_bench_bh {
  chain input {
    type filter hook input priority 0; policy accept;
    iifname "p1" meta l4proto udp counter drop
  }
}
NFT
  done
}

dropped() {
  local ns total=0 n
  for ns in "$A" "$B"; do
    n=$(in_ns "$ns" nft list table inet jsctp_bench_bh 2>/dev/null | sed -nE 's/.*counter packets ([0-9]+).*/\1/p' | head -1)
    total=$((total + ${n:-0}))
  done
  echo "$total"
}

ours_opts() {
  case $1 in
    defaults) ;;
    pf-off) echo "--sysctl net.sctp.pf_enable=0" ;;
    pf0) echo "--sysctl net.sctp.pf_retrans=0" ;;
    pf0-rto100) echo "--sysctl net.sctp.pf_retrans=0 --sysctl net.sctp.rto_min=100" ;;
  esac
}
usrsctp_opts() {
  case $1 in
    defaults|pf-off) ;;
    pf0) echo "--pf 0" ;;
    pf0-rto100) echo "--pf 0 --rto-min 100" ;;
  esac
}

one_run() {
  local stack=$1 setting=$2 run=$3 spid cpid up line t_up t_bh events duration=$DURATION
  case $setting in defaults|pf-off) duration=$DURATION_NOPF ;; esac
  local base="$LOGDIR/$stack-$setting-$run"
  topology "$run"
  case $stack in
    ours)
      # shellcheck disable=SC2046
      ip netns exec "$B" "${OURS[@]}" echo-server --local 10.202.1.2 --local 10.202.2.2 --port 7 \
        --udp-port "$SPORT" --expose-pf $(ours_opts "$setting") "${OURS_EXTRA[@]}" >"$base.server.out" 2>"$base.server.err" &
      spid=$! ;;
    usrsctp)
      # shellcheck disable=SC2046
      ip netns exec "$B" "$BUILD_DIR/upeer" server --local 10.202.1.2 --local 10.202.2.2 --port 7 \
        --udp-port "$SPORT" --remote-udp-port "$CPORT" $(usrsctp_opts "$setting") >"$base.server.out" 2>"$base.server.err" &
      spid=$! ;;
  esac
  wait_udp_bound "$B" "$SPORT" 60
  case $stack in
    ours)
      # shellcheck disable=SC2046
      ip netns exec "$A" "${OURS[@]}" echo-client --local 10.202.1.1 --local 10.202.2.1 \
        --remote 10.202.1.2 --remote 10.202.2.2 --port 7 --udp-port "$CPORT" --remote-udp-port "$SPORT" \
        --rate "$RATE" --duration "$duration" --size 100 --expose-pf $(ours_opts "$setting") "${OURS_EXTRA[@]}" \
        >"$base.client.out" 2>"$base.client.err" &
      cpid=$! ;;
    usrsctp)
      # shellcheck disable=SC2046
      ip netns exec "$A" "$BUILD_DIR/upeer" client --local 10.202.1.1 --local 10.202.2.1 \
        --remote 10.202.1.2 --remote 10.202.2.2 --port 7 --udp-port "$CPORT" --remote-udp-port "$SPORT" \
        --rate "$RATE" --duration "$duration" --size 100 $(usrsctp_opts "$setting") \
        >"$base.client.out" 2>"$base.client.err" &
      cpid=$! ;;
  esac
  local i
  for ((i = 0; i < 600; i++)); do
    grep -q 'COMM_UP' "$base.client.out" 2>/dev/null && break
    sleep 0.1
  done
  grep -q 'COMM_UP' "$base.client.out" || die "no COMM_UP in $base.client.out"
  sleep "$BLACKHOLE_AT"
  blackhole
  echo "blackhole of path 1 at $(date +%H:%M:%S.%N)" >"$base.blackhole"
  t_bh=$(grep -c . "$base.client.out")
  wait "$cpid" || true
  line=$(grep -m1 '^RESULT ' "$base.client.out") || die "no RESULT in $base.client.out"
  # path and association events printed after the blackhole, ';'-joined
  events=$(tail -n +"$((t_bh + 1))" "$base.client.out" | { grep -vE '^(RESULT|LATENCY)' || true; } | tr ',' ' ' | paste -sd';' | cut -c1-300)
  echo "$stack,$setting,$run,$(kv "$line" max_gap_ms),$(kv "$line" sent),$(kv "$line" echoed),$(dropped),${events},$(cut -d' ' -f1 /proc/loadavg),$duration" |
    tee -a "$OUT" >&2
  kill -TERM "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  cleanup_namespaces
}

log "results: $OUT; stacks [$STACKS], settings [$SETTINGS], $RUNS runs of ${DURATION}s"
for ((run = 1; run <= RUNS; run++)); do
  for setting in $SETTINGS; do
    for stack in $STACKS; do
      log "run $run $stack $setting (load $(loadavg))"
      one_run "$stack" "$setting" "$run"
    done
  done
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"
python3 "$BENCH_DIR/summarize.py" failover "$OUT" | tee "${OUT%.csv}.summary.txt"
