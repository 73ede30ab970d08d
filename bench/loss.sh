#!/usr/bin/env bash
# Loss recovery (issue 15): our echo-client sends --count messages of --size bytes on --streams
# streams (its default window of 32 in flight) to usrsctp's echo_server (case ours-echo_server)
# and to our echo-server (case ours-ours), on loopback in a network namespace made for the run,
# while nftables in that namespace drops --loss percent of the UDP datagrams of the association
# at random, both directions (input hook, `numgen random mod 100 < LOSS`; no netem).
#
# Per run: the client's seconds from its first send to its last echo and max_gap_ms (RESULT
# line), whether every message came back intact, and from a dumpcap capture of the namespace's
# lo (taken before the drop, so it shows every transmission) decoded by tshark, per direction:
# DATA chunks (TSNs) sent more than once, and those sent again >= 0.9 s after their first
# transmission (timeout retransmissions; RTO.min is 1 s on both stacks). The client is jsctp in
# both cases: client -> server retransmissions are always ours, server -> client ones are
# usrsctp's in ours-echo_server and ours in ours-ours. Runs alternate between the cases.
#
#   sudo bench/loss.sh [--runs 3] [--loss 5] [--count 2000] [--size 2000] [--streams 4]
#                      [--cases "ours-echo_server ours-ours"] [--out FILE]
#
# Writes bench/results/loss-<UTC date>.csv (captures and outputs in <file>.logs/) and prints
# medians, minima and maxima per case (bench/summarize.py loss).
source "$(dirname "$0")/lib.sh"

RUNS=3
LOSS=5
COUNT=2000
SIZE=2000
STREAMS=4
CASES="ours-echo_server ours-ours"
OUT=""
while (($#)); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --loss) LOSS=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --streams) STREAMS=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ $LOSS =~ ^[0-9]+$ && $LOSS -le 100 ]] || die "--loss takes a whole percentage 0..100, got $LOSS"

require_root_tools nft dumpcap tshark python3
build_shim
mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/loss-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
ns_create loss; NS=$NS_NAME
OURS=("$JAVA" $JAVA_OPTS -jar "$JAR")
PORT=23000

{
  machine_info
  echo "# loss ${LOSS}% of UDP datagrams each way (nftables input hook), $COUNT echoes of $SIZE bytes on $STREAMS streams, window 32, $RUNS runs"
  echo "# c2s = client (jsctp) -> server, s2c = server -> client; rtx = DATA chunks sent more than once, rtx_timeout = sent again >= 0.9 s after the first transmission"
  echo "case,run,seconds,max_gap_ms,sent,echoed,mismatched,all_echoed,c2s_tsns,c2s_rtx,c2s_rtx_timeout,s2c_tsns,s2c_rtx,s2c_rtx_timeout,nft_dropped,udp_captured,capture_dropped,loadavg1"
} >"$OUT"

# drop_on SPORT CPORT: the random drop of the association's datagrams, both directions
drop_on() {
  in_ns "$NS" nft -f - <<NFT
table inet jsctp_bench_loss {
  chain input {
    type filter hook input priority 0; policy accept;
    udp dport { $1, $2 } numgen random mod 100 < $LOSS counter drop
  }
}
NFT
}
drop_off() { in_ns "$NS" nft delete table inet jsctp_bench_loss 2>/dev/null || true; }
nft_dropped() {
  in_ns "$NS" nft list table inet jsctp_bench_loss 2>/dev/null | sed -nE 's/.*counter packets ([0-9]+).*/\1/p' | head -1
}

one_run() {
  local kase=$1 run=$2 sport cport spid dpid res rc dropped rtx captured capdrop i
  local base="$LOGDIR/$kase-$run"
  next_port; sport=$PORT
  next_port; cport=$PORT
  rm -f "$base.pcapng"
  ip netns exec "$NS" dumpcap -i lo -B 64 -f "udp port $sport or udp port $cport" -w "$base.pcapng" \
    >"$base.dumpcap.out" 2>"$base.dumpcap.err" & dpid=$!
  for ((i = 0; i < 100; i++)); do grep -q "Capturing on" "$base.dumpcap.err" 2>/dev/null && break; sleep 0.1; done
  grep -q "Capturing on" "$base.dumpcap.err" || die "dumpcap did not start (see $base.dumpcap.err)"
  case $kase in
    *-ours)
      ip netns exec "$NS" "${OURS[@]}" echo-server --local 127.0.0.1 --port 7 --udp-port "$sport" \
        >"$base.server.out" 2>"$base.server.err" & spid=$! ;;
    *-echo_server)
      ip netns exec "$NS" env LD_PRELOAD="$SHIM" "$USRSCTP_BIN/echo_server" "$sport" "$cport" \
        >"$base.server.out" 2>"$base.server.err" & spid=$! ;;
    *) die "unknown case $kase" ;;
  esac
  wait_udp_bound "$NS" "$sport" 60
  drop_on "$sport" "$cport"
  rc=0
  in_ns "$NS" timeout 300 "${OURS[@]}" echo-client --remote 127.0.0.1 --port 7 --remote-udp-port "$sport" \
    --udp-port "$cport" --count "$COUNT" --size "$SIZE" --streams "$STREAMS" \
    >"$base.client.out" 2>"$base.client.err" || rc=$?
  ((rc == 0)) || log "$kase run $run: echo-client exited $rc"
  dropped=$(nft_dropped)
  drop_off
  kill "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  sleep 0.5
  kill -INT "$dpid" 2>/dev/null || true
  wait "$dpid" 2>/dev/null || true
  res=$(grep -m1 '^RESULT ' "$base.client.out") || die "no RESULT line in $base.client.out"
  rtx=$(tshark -r "$base.pcapng" -o sctp.relative_tsns:FALSE -d "udp.port==$sport,sctp" -d "udp.port==$cport,sctp" \
    -Y sctp.data_tsn_raw -T fields -e frame.time_relative -e udp.srcport -e sctp.data_tsn_raw 2>"$base.tshark.err" |
    python3 "$BENCH_DIR/loss_rtx.py" "$cport")
  captured=$(grep -oE 'Packets captured: [0-9]+' "$base.dumpcap.err" | grep -oE '[0-9]+$' | tail -1)
  capdrop=$(grep -oE '[0-9]+/[0-9]+ \(pcap' "$base.dumpcap.err" | sed -E 's/^[0-9]+\/([0-9]+).*/\1/' | tail -1)
  local sent echoed mism all=no
  sent=$(kv "$res" sent); echoed=$(kv "$res" echoed); mism=$(kv "$res" mismatched)
  [[ $rc -eq 0 && $sent == "$COUNT" && $echoed == "$COUNT" && $mism == 0 ]] && all=yes
  echo "$kase,$run,$(kv "$res" seconds),$(kv "$res" max_gap_ms),$sent,$echoed,$mism,$all,${rtx// /,},${dropped:-},${captured:-},${capdrop:-},$(cut -d' ' -f1 /proc/loadavg)" |
    tee -a "$OUT" >&2
}

log "results: $OUT; cases [$CASES], $RUNS runs, ${LOSS}% loss, $COUNT x $SIZE bytes on $STREAMS streams"
for ((run = 1; run <= RUNS; run++)); do
  for kase in $CASES; do
    log "run $run $kase (load $(loadavg))"
    one_run "$kase" "$run"
  done
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"
python3 "$BENCH_DIR/summarize.py" loss "$OUT" | tee "${OUT%.csv}.summary.txt"
