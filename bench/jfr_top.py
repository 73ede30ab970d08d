#!/usr/bin/env python3
"""Top costs in a JFR recording, with the JDK's `jfr` tool and the standard library only.

  jfr_top.py RECORDING.jfr [N]

Prints, from jdk.ExecutionSample (Java threads on CPU): the top N methods by self samples (the
top frame) and by inclusive samples (anywhere in the stack, counted once per sample), the share
per thread; from jdk.ObjectAllocationSample: allocation weight by class and by the allocating
method; from jdk.GarbageCollection: count and total pause.
"""
import collections
import json
import subprocess
import sys


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    t = m["type"]["name"].replace("/", ".")
    return f"{t}.{m['name']}"


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    samples = events(path, "jdk.ExecutionSample")
    total = len(samples)
    self_c, incl_c, threads = collections.Counter(), collections.Counter(), collections.Counter()
    for e in samples:
        v = e["values"]
        frames = (v.get("stackTrace") or {}).get("frames") or []
        threads[(v.get("sampledThread") or {}).get("javaName", "?")] += 1
        if not frames:
            continue
        self_c[frame_name(frames[0])] += 1
        for name in {frame_name(f) for f in frames}:
            incl_c[name] += 1
    print(f"{path}: {total} execution samples")
    print("\nthreads:")
    for t, c in threads.most_common(8):
        print(f"  {100 * c / max(total, 1):5.1f}%  {t}")
    print(f"\ntop {n} methods by self samples (top frame):")
    for m, c in self_c.most_common(n):
        print(f"  {100 * c / max(total, 1):5.1f}%  {m}")
    print(f"\ntop {n} methods by inclusive samples (jsctp and netty frames):")
    shown = 0
    for m, c in incl_c.most_common():
        if not (m.startswith("org.jsctp") or m.startswith("io.netty")):
            continue
        print(f"  {100 * c / max(total, 1):5.1f}%  {m}")
        shown += 1
        if shown >= n:
            break
    native = events(path, "jdk.NativeMethodSample")
    nat = collections.Counter()
    for e in native:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if frames:
            nat[frame_name(frames[0])] += 1
    print(f"\nnative samples (threads in native code, e.g. blocked in epoll or a socket call): {len(native)}")
    for m, c in nat.most_common(6):
        print(f"  {100 * c / max(len(native), 1):5.1f}%  {m}")
    alloc = events(path, "jdk.ObjectAllocationSample")
    by_class, by_site = collections.Counter(), collections.Counter()
    for e in alloc:
        v = e["values"]
        w = v.get("weight", 0)
        by_class[(v.get("objectClass") or {}).get("name", "?")] += w
        frames = (v.get("stackTrace") or {}).get("frames") or []
        site = next((frame_name(f) for f in frames if frame_name(f).startswith("org.jsctp")),
                    frame_name(frames[0]) if frames else "?")
        by_site[site] += w
    tw = sum(by_class.values())
    print(f"\nallocation (sampled weight {tw / 1e9:.2f} GB) by class:")
    for k, w in by_class.most_common(10):
        print(f"  {100 * w / max(tw, 1):5.1f}%  {k}")
    print("allocation by first jsctp frame:")
    for k, w in by_site.most_common(12):
        print(f"  {100 * w / max(tw, 1):5.1f}%  {k}")
    gcs = events(path, "jdk.GarbageCollection")

    def dur(d):
        # JFR JSON durations look like "PT0.00123S"
        try:
            return float(d.strip("PTS"))
        except (AttributeError, ValueError):
            return 0.0

    pauses = sum(dur(e["values"].get("sumOfPauses")) for e in gcs)
    print(f"\nGC: {len(gcs)} collections, {pauses * 1000:.0f} ms of pauses in total")


if __name__ == "__main__":
    main()
