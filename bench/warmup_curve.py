#!/usr/bin/env python3
"""Per-second throughput curves of bench/warmup.sh (standard library only).

  warmup_curve.py sample TABLE PERIOD_S OUT   run inside the namespace: every PERIOD_S seconds
      appends "monotonic_s packets bytes" of the nftables counter "data" of table inet TABLE to
      OUT, until killed (reads it through libnftables, no process per sample)
  warmup_curve.py curve SAMPLES DURATION_S    prints "second packets payload_bytes" per 1-s bin
      from the first datagram the counter saw (the INIT) for DURATION_S bins; the counter's
      cumulative values are interpolated linearly between samples at the bin edges

Payload bytes are the counted IP bytes minus 56 per packet (IPv4 20, UDP 8, SCTP common header
12, DATA chunk header 16): exact when every packet carries one DATA chunk, which holds for both
stacks at 1024 and 8192 bytes (two 1040-byte chunks do not fit a 1452-byte packet; 8192 = 5 x
1444 + 972 and the next message starts with a full fragment).
"""
import ctypes
import json
import signal
import sys
import time

HEADERS = 20 + 8 + 12 + 16


def sample(table, period, out):
    lib = ctypes.CDLL("libnftables.so.1")
    lib.nft_ctx_new.restype = ctypes.c_void_p
    lib.nft_ctx_buffer_output.argtypes = [ctypes.c_void_p]
    lib.nft_ctx_output_set_flags.argtypes = [ctypes.c_void_p, ctypes.c_uint]
    lib.nft_run_cmd_from_buffer.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.nft_ctx_get_output_buffer.argtypes = [ctypes.c_void_p]
    lib.nft_ctx_get_output_buffer.restype = ctypes.c_char_p
    ctx = lib.nft_ctx_new(0)
    lib.nft_ctx_buffer_output(ctx)
    lib.nft_ctx_output_set_flags(ctx, 1 << 4)  # NFT_CTX_OUTPUT_JSON
    cmd = f"list counter inet {table} data".encode()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(out, "w", buffering=1) as f:
        nxt = time.monotonic()
        while True:
            if lib.nft_run_cmd_from_buffer(ctx, cmd) != 0:
                sys.exit(f"nft {cmd.decode()} failed")
            t = time.monotonic()
            doc = json.loads(lib.nft_ctx_get_output_buffer(ctx))
            c = next(o["counter"] for o in doc["nftables"] if "counter" in o)
            f.write(f"{t:.4f} {c['packets']} {c['bytes']}\n")
            nxt += period
            time.sleep(max(0.0, nxt - time.monotonic()))


def curve(path, duration):
    pts = []
    with open(path) as f:
        for line in f:
            t, p, b = line.split()
            pts.append((float(t), int(p), int(b)))
    first = next((i for i, s in enumerate(pts) if s[1] > 0), None)
    if first is None or first == 0:
        sys.exit(f"{path}: no sample before the first datagram or none after it")
    # the first datagram arrived between these two samples: take the middle
    t0 = (pts[first - 1][0] + pts[first][0]) / 2

    def at(t):
        for (ta, pa, ba), (tb, pb, bb) in zip(pts, pts[1:]):
            if ta <= t <= tb:
                w = (t - ta) / (tb - ta) if tb > ta else 0
                return pa + w * (pb - pa), ba + w * (bb - ba)
        sys.exit(f"{path}: no samples around t0+{t - t0:.2f}s")

    prev = (0.0, 0.0)
    for s in range(1, duration + 1):
        cur = at(t0 + s)
        pk, by = cur[0] - prev[0], cur[1] - prev[1]
        print(f"{s} {pk:.0f} {max(0.0, by - HEADERS * pk):.0f}")
        prev = cur


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "curve":
        curve(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
