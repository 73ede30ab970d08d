#!/usr/bin/env bash
# The first seconds of a throughput run (issue 15): tsctp->tsctp (usrsctp 0.9.5) and ours->ours
# (tput-client to tput-server), both processes started fresh for every run, on loopback in one
# network namespace made for the run, message sizes 1024 and 8192, one association sending for
# --duration seconds (default 30). Runs alternate between the stacks.
#
# The per-second curve is measured the same way for both stacks, outside them: an nftables
# counter on the server's UDP port in the namespace's input hook (client -> server datagrams:
# the handshake's INIT and COOKIE ECHO, then DATA), read every 100 ms through libnftables by
# bench/warmup_curve.py and cut into 1-s bins from the first datagram (the INIT; the midpoint
# between the last sample without it and the first with it). Payload = IP bytes - 56 per packet
# (one DATA chunk per packet at these sizes). Our tput-server also runs with --interval 1; its
# INTERVAL lines (exact payload, seconds from COMM_UP) go in the CSV next to the counter's.
#
#   sudo bench/warmup.sh [--duration S] [--runs N] [--sizes "1024 8192"] [--out FILE]
#
# Writes bench/results/warmup-<UTC date>.csv (machine description as # lines first), one row per
# run and second, and prints per case the medians over the runs (summarize.py warmup) of: the
# first 5 s (mean of bins 1-5, warm-up included), the whole run (bins 1-N), the steady state
# (median of the last 10 bins) and t90 (end of the first bin >= 0.9 x steady state).
source "$(dirname "$0")/lib.sh"

DURATION=30
RUNS=2
SIZES="1024 8192"
CASES="tsctp-tsctp ours-ours"
OUT=""
while (($#)); do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
((DURATION >= 10)) || die "--duration must be at least 10 (the steady state is the last 10 s)"

require_root_tools nft python3
build_shim
mkdir -p "$BENCH_DIR/results"
OUT=${OUT:-$BENCH_DIR/results/warmup-$(date -u +%Y%m%dT%H%M%SZ).csv}
LOGDIR=${OUT%.csv}.logs
mkdir -p "$LOGDIR"
ns_create warmup; NS=$NS_NAME
TSCTP=(env LD_PRELOAD="$SHIM" "$USRSCTP_BIN/tsctp")
OURS=("$JAVA" $JAVA_OPTS -jar "$JAR")
PORT=22000
TABLE=jsctp_bench_warmup

{
  machine_info
  echo "# duration per run: ${DURATION}s, runs: $RUNS, sizes: $SIZES; per-second figures from an nftables counter on the server's UDP port (input hook), sampled every 100 ms, bins from the first datagram (INIT); mbit_per_s = payload (IP bytes - 56 per packet); interval_mbit_per_s = our tput-server's INTERVAL line (--interval 1, from COMM_UP)"
  echo "case,size,run,second,mbit_per_s,pkts_per_s,interval_mbit_per_s,loadavg1"
} >"$OUT"

# count_on SPORT: a fresh counter of the datagrams to the server's port
count_on() {
  in_ns "$NS" nft delete table inet $TABLE 2>/dev/null || true
  in_ns "$NS" nft -f - <<NFT
table inet $TABLE {
  counter data {
  }
  chain input {
    type filter hook input priority 0; policy accept;
    udp dport $1 counter name "data"
  }
}
NFT
}

# wait_samples FILE N: waits (up to 30 s) until the sampler has written N lines (the zero baseline)
wait_samples() {
  local i
  for ((i = 0; i < 300; i++)); do
    [[ -f $1 && $(wc -l <"$1") -ge $2 ]] && return 0
    sleep 0.1
  done
  die "the counter sampler wrote nothing to $1"
}

# one_run CASE SIZE RUN: server, counter sampler and client fresh; appends DURATION CSV rows.
one_run() {
  local kase=$1 size=$2 run=$3 sport cport spid mpid load
  local base="$LOGDIR/$kase-$size-$run"
  next_port; sport=$PORT
  next_port; cport=$PORT
  load=$(cut -d' ' -f1 /proc/loadavg)
  case $kase in
    *-tsctp)
      ip netns exec "$NS" "${TSCTP[@]}" -E "$sport" >"$base.server.out" 2>"$base.server.err" &
      spid=$! ;;
    *-ours)
      ip netns exec "$NS" "${OURS[@]}" tput-server --local 127.0.0.1 --udp-port "$sport" --count 1 \
        --interval 1 >"$base.server.out" 2>"$base.server.err" &
      spid=$! ;;
  esac
  wait_udp_bound "$NS" "$sport" 60
  count_on "$sport"
  ip netns exec "$NS" python3 "$BENCH_DIR/warmup_curve.py" sample $TABLE 0.1 "$base.samples" &
  mpid=$!
  wait_samples "$base.samples" 3
  case $kase in
    tsctp-*)
      in_ns "$NS" "${TSCTP[@]}" -E "$cport" -U "$sport" -n 0 -T "$DURATION" -l "$size" 127.0.0.1 \
        >"$base.client.out" 2>"$base.client.err" || log "$kase $size: tsctp client exited $?" ;;
    ours-*)
      in_ns "$NS" "${OURS[@]}" tput-client --remote 127.0.0.1 --remote-udp-port "$sport" \
        --udp-port "$cport" --size "$size" --duration "$DURATION" \
        >"$base.client.out" 2>"$base.client.err" || log "$kase $size: tput-client exited $?" ;;
  esac
  sleep 1.5
  kill "$mpid" 2>/dev/null || true
  wait "$mpid" 2>/dev/null || true
  case $kase in
    *-tsctp) sleep 1; kill "$spid" 2>/dev/null || true ;;
  esac
  wait "$spid" 2>/dev/null || true
  python3 "$BENCH_DIR/warmup_curve.py" curve "$base.samples" "$DURATION" >"$base.curve"
  awk -v k="$kase" -v s="$size" -v r="$run" -v l="$load" '
    FNR == NR { if ($1 == "INTERVAL") { split($2, t, "="); split($5, m, "="); iv[int(t[2] + 0.5)] = m[2] } next }
    { printf "%s,%d,%d,%d,%.1f,%d,%s,%s\n", k, s, r, $1, $3 * 8 / 1e6, $2, ($1 in iv ? iv[$1] : ""), l }
  ' "$base.server.out" "$base.curve" >>"$OUT"
  awk -F, -v k="$kase" -v s="$size" -v r="$run" '$1 == k && $2 == s && $3 == r && $4 <= 5 {f += $5} $1 == k && $2 == s && $3 == r {a += $5; n++}
    END {printf "  %s %d run %d: first 5 s %.1f Mbit/s, %d s %.1f Mbit/s\n", k, s, r, f / 5, n, a / n}' "$OUT" >&2
}

log "results: $OUT (logs in $LOGDIR); $RUNS runs x sizes [$SIZES] x cases [$CASES], ${DURATION}s each"
for ((run = 1; run <= RUNS; run++)); do
  for size in $SIZES; do
    for kase in $CASES; do
      log "run $run size $size $kase (load $(loadavg))"
      one_run "$kase" "$size" "$run"
    done
  done
done
echo "# loadavg at end: $(loadavg)" >>"$OUT"

python3 "$BENCH_DIR/summarize.py" warmup "$OUT" | tee "${OUT%.csv}.summary.txt"
