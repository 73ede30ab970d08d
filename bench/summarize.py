#!/usr/bin/env python3
"""Medians, ratios and plots of the bench/ results files (standard library only).

  summarize.py compare FILE.csv      medians and ratios of bench/compare.sh (text + markdown)
  summarize.py latency FILE.csv      medians of bench/latency.sh
  summarize.py failover FILE.csv     medians of bench/failover.sh
  summarize.py loss FILE.csv         medians, minima and maxima of bench/loss.sh
  summarize.py aot FILE.csv...       medians, minima, maxima and ratios of bench/aot.sh (files pooled)
  summarize.py plot-compare FILE.csv OUT.svg   bar chart: receiver Mbit/s per case and size
  summarize.py plot-failover FILE.csv OUT.svg  bar chart: median failover gap per setting
  summarize.py warmup FILE.csv...    first 5 s, whole run, steady state, t90 of bench/warmup.sh
                                     (several files: their runs together, numbered file.run)
  summarize.py plot-warmup FILE.csv OUT.svg    per-second curves, median of runs, per stack and size
"""
import csv
import statistics
import sys
from collections import defaultdict

USRSCTP = "tsctp-tsctp"
OURS = "ours-ours"


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def med(values):
    values = [float(v) for v in values if v not in ("", None)]
    return statistics.median(values) if values else float("nan")


def compare_medians(path):
    by = defaultdict(list)
    for r in rows(path):
        by[(r["case"], int(r["size"]))].append(r)
    out = {}
    for key, rs in by.items():
        out[key] = {
            "n": len(rs),
            "mbit": med(r["mbit_per_s"] for r in rs),
            "msgs": med(r["msgs_per_s"] for r in rs),
            "pkts": med(r["data_pkts_per_s"] for r in rs),
            "udp_in": med(r["udp_in_per_s"] for r in rs),
            "cpu": med(r["rx_cpu_s"] for r in rs),
            "cpu_per_gb": med(float(r["rx_cpu_s"]) / (float(r["mbit_per_s"]) * float(r["seconds"]) / 8e3)
                              for r in rs if r["rx_cpu_s"] not in ("", None) and float(r["mbit_per_s"]) > 0),
            "drops": sum(int(r.get("udp_rcvbuf_errors") or 0) for r in rs),
            "runs": [float(r["mbit_per_s"]) for r in rs],
        }
    return out


def raw_payload(size):
    """The raw UDP payload a DATA packet of this message size corresponds to."""
    return 1052 if size + 28 <= 1472 else 1472


def compare(path):
    m = compare_medians(path)
    sizes = sorted({s for (c, s) in m if c != "udp-raw"})
    cases = [c for c in ["tsctp-tsctp", "ours-ours", "ours-tsctp", "tsctp-ours", "oursnio-oursnio",
                         "oursepoll-oursepoll", "oursgso-oursgso"] if any((c, s) in m for s in sizes)]
    print(f"# {path}")
    print("## Throughput, receiver side, median of runs (Mbit/s of user data; all runs in brackets)\n")
    print("| message | " + " | ".join(cases) + " | ours/usrsctp |")
    print("| ---: | " + " | ".join("---:" for _ in cases) + " | ---: |")
    for s in sizes:
        cells = []
        for c in cases:
            v = m.get((c, s))
            cells.append(f"{v['mbit']:.0f} ({', '.join(f'{x:.0f}' for x in v['runs'])})" if v else "-")
        ratio = m[(OURS, s)]["mbit"] / m[(USRSCTP, s)]["mbit"] if (OURS, s) in m and (USRSCTP, s) in m else float("nan")
        print(f"| {s} | " + " | ".join(cells) + f" | {ratio:.2f} |")
    print("\n## Messages and packets per second (medians)\n")
    print("| message | case | msgs/s | DATA pkts/s (computed) | UDP datagrams/s in namespace (DATA+SACK) | receiver CPU s per run | receiver CPU s per GB | UDP RcvbufErrors (all runs) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for s in sizes:
        for c in cases:
            v = m.get((c, s))
            if v:
                print(f"| {s} | {c} | {v['msgs']:.0f} | {v['pkts']:.0f} | {v['udp_in']:.0f} | {v['cpu']:.1f} | {v['cpu_per_gb']:.2f} | {v['drops']} |")
    raws = sorted(s for (c, s) in m if c == "udp-raw")
    if raws:
        print("\n## Raw UDP between two processes (median datagrams/s received)\n")
        print("| payload | datagrams/s | Mbit/s | runs (datagrams/s) |")
        print("| ---: | ---: | ---: | --- |")
        for p in raws:
            v = m[("udp-raw", p)]
            rr = [float(r["msgs_per_s"]) for r in rows(path) if r["case"] == "udp-raw" and int(r["size"]) == p]
            print(f"| {p} | {v['msgs']:.0f} | {v['mbit']:.0f} | {', '.join(f'{x:.0f}' for x in rr)} |")
        print("\n## Ratios (medians)\n")
        print("| message | ours/usrsctp (Mbit/s) | ours DATA pkts/s / raw UDP pkts/s | usrsctp DATA pkts/s / raw UDP pkts/s |")
        print("| ---: | ---: | ---: | ---: |")
        for s in sizes:
            raw = m.get(("udp-raw", raw_payload(s)))
            o, u = m.get((OURS, s)), m.get((USRSCTP, s))
            r1 = o["mbit"] / u["mbit"] if o and u else float("nan")
            r2 = o["pkts"] / raw["msgs"] if o and raw else float("nan")
            r3 = u["pkts"] / raw["msgs"] if u and raw else float("nan")
            print(f"| {s} | {r1:.2f} | {r2:.2f} (raw {raw_payload(s)} B) | {r3:.2f} |")


def plot_compare(path, out):
    m = compare_medians(path)
    sizes = sorted({s for (c, s) in m if c != "udp-raw"})
    cases = [c for c in ["tsctp-tsctp", "ours-ours", "ours-tsctp", "tsctp-ours", "oursnio-oursnio",
                         "oursepoll-oursepoll", "oursgso-oursgso"] if any((c, s) in m for s in sizes)]
    colors = {"tsctp-tsctp": "#4e79a7", "ours-ours": "#e15759", "ours-tsctp": "#f28e2b", "tsctp-ours": "#76b7b2"}
    labels = {"tsctp-tsctp": "usrsctp → usrsctp", "ours-ours": "jsctp → jsctp",
              "ours-tsctp": "jsctp → usrsctp", "tsctp-ours": "usrsctp → jsctp"}
    top = max(v["mbit"] for (c, s), v in m.items() if c != "udp-raw")
    top = max(100, ((int(top) // 200) + 1) * 200)
    W, H, L, B, T = 760, 400, 70, 60, 50
    pw, ph = W - L - 20, H - B - T
    group = pw / len(sizes)
    bw = group * 0.8 / len(cases)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W/2}" y="20" text-anchor="middle" font-size="15">Throughput on loopback, receiver side, median of runs (Mbit/s)</text>']
    for i in range(0, top + 1, top // 4):
        y = T + ph - ph * i / top
        svg.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W-20}" y2="{y:.1f}" stroke="#ddd"/>')
        svg.append(f'<text x="{L-6}" y="{y+4:.1f}" text-anchor="end">{i}</text>')
    for gi, s in enumerate(sizes):
        x0 = L + gi * group + group * 0.1
        for ci, c in enumerate(cases):
            v = m.get((c, s))
            if not v:
                continue
            h = ph * v["mbit"] / top
            x = x0 + ci * bw
            svg.append(f'<rect x="{x:.1f}" y="{T+ph-h:.1f}" width="{bw-2:.1f}" height="{h:.1f}" fill="{colors[c]}"/>')
            svg.append(f'<text x="{x+bw/2-1:.1f}" y="{T+ph-h-4:.1f}" text-anchor="middle" font-size="10">{v["mbit"]:.0f}</text>')
        svg.append(f'<text x="{L + gi*group + group/2:.1f}" y="{T+ph+18}" text-anchor="middle">{s}-byte messages</text>')
    lx = L
    for c in cases:
        svg.append(f'<rect x="{lx}" y="{H-22}" width="12" height="12" fill="{colors[c]}"/>')
        svg.append(f'<text x="{lx+16}" y="{H-12}">{labels[c]}</text>')
        lx += 160
    svg.append(f'<line x1="{L}" y1="{T}" x2="{L}" y2="{T+ph}" stroke="black"/>')
    svg.append(f'<line x1="{L}" y1="{T+ph}" x2="{W-20}" y2="{T+ph}" stroke="black"/>')
    svg.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")
    print(f"wrote {out}")


def plot_failover(path, out):
    """Bars of the median failover gap per setting, jsctp against usrsctp, log scale."""
    import math
    by = defaultdict(list)
    order = []
    incomplete = set()
    for r in rows(path):
        if r["settings"] not in order:
            order.append(r["settings"])
        by[(r["stack"], r["settings"])].append(float(r["max_gap_ms"]))
        if r["sent"] != r["echoed"]:
            incomplete.add((r["stack"], r["settings"]))
    colors = {"ours": "#e15759", "usrsctp": "#4e79a7"}
    labels = {"ours": "jsctp", "usrsctp": "usrsctp"}
    W, H, L, B, T = 760, 380, 70, 60, 50
    pw, ph = W - L - 20, H - B - T
    lo, hi = 10, 100000
    def y(v):
        v = max(lo, min(hi, v))
        return T + ph - ph * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W/2}" y="20" text-anchor="middle" font-size="15">Delivery gap after a silent blackhole of the primary, median (ms, log scale)</text>']
    for v in [10, 100, 1000, 10000, 100000]:
        svg.append(f'<line x1="{L}" y1="{y(v):.1f}" x2="{W-20}" y2="{y(v):.1f}" stroke="#ddd"/>')
        svg.append(f'<text x="{L-6}" y="{y(v)+4:.1f}" text-anchor="end">{v}</text>')
    group = pw / max(1, len(order))
    bw = group * 0.8 / 2
    for gi, k in enumerate(order):
        x0 = L + gi * group + group * 0.1
        for si, st in enumerate(["ours", "usrsctp"]):
            vals = by.get((st, k))
            if not vals:
                continue
            v = statistics.median(vals)
            x = x0 + si * bw
            svg.append(f'<rect x="{x:.1f}" y="{y(v):.1f}" width="{bw-2:.1f}" height="{T+ph-y(v):.1f}" fill="{colors[st]}"/>')
            mark = "*" if (st, k) in incomplete else ""
            svg.append(f'<text x="{x+bw/2-1:.1f}" y="{y(v)-4:.1f}" text-anchor="middle" font-size="10">{v:.0f}{mark}</text>')
        svg.append(f'<text x="{L + gi*group + group/2:.1f}" y="{T+ph+18}" text-anchor="middle">{k}</text>')
    if incomplete:
        svg.append(f'<text x="{W-20}" y="{H-12}" text-anchor="end" font-size="11">* some runs never recovered: the gap ran to the end of the run</text>')
    lx = L
    for st in ["ours", "usrsctp"]:
        svg.append(f'<rect x="{lx}" y="{H-22}" width="12" height="12" fill="{colors[st]}"/>')
        svg.append(f'<text x="{lx+16}" y="{H-12}">{labels[st]}</text>')
        lx += 120
    svg.append(f'<line x1="{L}" y1="{T}" x2="{L}" y2="{T+ph}" stroke="black"/>')
    svg.append(f'<line x1="{L}" y1="{T+ph}" x2="{W-20}" y2="{T+ph}" stroke="black"/>')
    svg.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")
    print(f"wrote {out}")


def latency(path):
    by = defaultdict(list)
    for r in rows(path):
        by[r["case"]].append(r)
    print(f"# {path}")
    print("| client → server | runs | p50 µs | p90 µs | p99 µs | max µs | echoed/sent |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for c, rs in by.items():
        print(f"| {c} | {len(rs)} | {med(r['p50_us'] for r in rs):.0f} | {med(r['p90_us'] for r in rs):.0f} | "
              f"{med(r['p99_us'] for r in rs):.0f} | {med(r['max_us'] for r in rs):.0f} | "
              f"{', '.join(r['echoed'] + '/' + r['sent'] for r in rs)} |")
    halves = {c: rs for c, rs in by.items() if any(r.get("half_p50_us") for r in rs)}
    if halves:
        print("\nthe later half of each run's samples (warm-up left out):\n")
        print("| client → server | p50 µs | p90 µs | p99 µs | max µs |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for c, rs in halves.items():
            print(f"| {c} | {med(r['half_p50_us'] for r in rs):.0f} | {med(r['half_p90_us'] for r in rs):.0f} | "
                  f"{med(r['half_p99_us'] for r in rs):.0f} | {med(r['half_max_us'] for r in rs):.0f} |")


def failover(path):
    by = defaultdict(list)
    order = []
    for r in rows(path):
        key = r["settings"]
        if key not in order:
            order.append(key)
        by[(r["stack"], key)].append(r)
    print(f"# {path}")
    print("| settings | jsctp gap ms (median) | jsctp runs | usrsctp gap ms (median) | usrsctp runs | jsctp/usrsctp |")
    print("| --- | ---: | --- | ---: | --- | ---: |")
    for k in order:
        o, u = by.get(("ours", k), []), by.get(("usrsctp", k), [])
        mo, mu = med(r["max_gap_ms"] for r in o), med(r["max_gap_ms"] for r in u)
        ratio = mo / mu if o and u and mu > 0 else float("nan")
        print(f"| {k} | {mo:.0f} | {', '.join(r['max_gap_ms'] for r in o)} | {mu:.0f} | "
              f"{', '.join(r['max_gap_ms'] for r in u)} | {ratio:.2f} |")
    lost = [r for r in rows(path) if r["sent"] != r["echoed"]]
    for r in lost:
        print(f"note: {r['stack']} {r['settings']} run {r['run']}: sent {r['sent']} echoed {r['echoed']}")


def spread_cells(case, rs, cols, meds):
    """'median (min-max)' per column of the rows rs, '-' without values; records the medians in meds."""
    cells = []
    for key, _, fmt in cols:
        vals = [float(r[key]) for r in rs if r[key] not in ("", None)]
        if not vals:
            cells.append("-")
            continue
        m = statistics.median(vals)
        meds[(case, key)] = m
        cells.append(f"{fmt.format(m)} ({fmt.format(min(vals))}-{fmt.format(max(vals))})")
    return cells


def ratio_cell(ratios):
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


def loss(path):
    by = defaultdict(list)
    for r in rows(path):
        by[r["case"]].append(r)
    cols = [("seconds", "seconds", "{:.2f}"), ("max_gap_ms", "max gap ms", "{:.0f}"),
            ("c2s_rtx", "client rtx", "{:.0f}"), ("c2s_rtx_timeout", "client timeout rtx", "{:.0f}"),
            ("s2c_rtx", "server rtx", "{:.0f}"), ("s2c_rtx_timeout", "server timeout rtx", "{:.0f}"),
            ("nft_dropped", "datagrams dropped", "{:.0f}")]
    print(f"# {path}")
    print("median (min-max) over the runs; rtx = DATA chunks sent more than once, timeout rtx = sent again"
          " >= 0.9 s after the first transmission; client = jsctp's echo-client in every case\n")
    print("| client → server | runs | " + " | ".join(c[1] for c in cols) + " | all echoed |")
    print("| --- | ---: | " + " | ".join("---:" for _ in cols) + " | --- |")
    meds = {}
    for c, rs in by.items():
        cells = spread_cells(c, rs, cols, meds)
        echoed = sum(1 for r in rs if r["all_echoed"] == "yes")
        print(f"| {c} | {len(rs)} | " + " | ".join(cells) + f" | {echoed} of {len(rs)} |")
    ref, ours = "ours-echo_server", "ours-ours"
    if (ref, "seconds") in meds and (ours, "seconds") in meds:
        print(f"\nmedian time ours-ours / ours-echo_server: {meds[(ours, 'seconds')] / meds[(ref, 'seconds')]:.2f}; "
              f"server timeout rtx: jsctp {meds[(ours, 's2c_rtx_timeout')]:.0f}, usrsctp {meds[(ref, 's2c_rtx_timeout')]:.0f}; "
              f"server rtx: jsctp {meds[(ours, 's2c_rtx')]:.0f}, usrsctp {meds[(ref, 's2c_rtx')]:.0f} (medians)")


def warmup_rows(paths):
    """The rows of bench/warmup.sh files, run renamed file.run when there are several files."""
    for i, path in enumerate(paths):
        for r in rows(path):
            r["run"] = f"{i + 1}.{r['run']}" if len(paths) > 1 else r["run"]
            yield r


def warmup_curves(paths, key="mbit_per_s"):
    """{(case, size): {run: [Mbit/s of second 1, 2, ...]}} from bench/warmup.sh rows."""
    by = defaultdict(lambda: defaultdict(list))
    for r in warmup_rows(paths):
        if r[key] not in ("", None):
            by[(r["case"], int(r["size"]))][r["run"]].append((int(r["second"]), float(r[key])))
    return {k: {run: [v for _, v in sorted(pts)] for run, pts in runs.items()} for k, runs in by.items()}


def warmup_figures(curve):
    """First 5 s, whole run, steady state (median of the last 10 s) and t90 of one run's curve."""
    steady = statistics.median(curve[-10:])
    t90 = next((i + 1 for i, v in enumerate(curve) if v >= 0.9 * steady), None)
    return {"5s": statistics.fmean(curve[:5]), "all": statistics.fmean(curve), "steady": steady,
            "t90": t90, "seconds": len(curve)}


def warmup(paths):
    curves = warmup_curves(paths)
    print(f"# {' '.join(paths)}")
    print("Mbit/s of payload at the receiver from an nftables counter on the server's UDP port, 1-s bins"
          " from the INIT; 5 s = mean of bins 1-5 (warm-up included), all = mean of every bin, steady ="
          " median of the last 10 bins, t90 = end of the first bin >= 0.9 x steady (s)\n")
    print("| case | size | run | 5 s | all | steady | t90 | load |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    loads = {(r["case"], int(r["size"]), r["run"]): r["loadavg1"] for r in warmup_rows(paths)}
    meds = {}
    for (c, s), runs in sorted(curves.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        figs = []
        for run, curve in sorted(runs.items()):
            f = warmup_figures(curve)
            figs.append(f)
            print(f"| {c} | {s} | {run} | {f['5s']:.1f} | {f['all']:.1f} | {f['steady']:.1f} | {f['t90']} | {loads[(c, s, run)]} |")
        meds[(c, s)] = {k: med([f[k] for f in figs]) for k in ("5s", "all", "steady", "t90")}
        meds[(c, s)]["seconds"] = figs[0]["seconds"]
    print("\nmedians over the runs; ratio = ours-ours / tsctp-tsctp\n")
    print("| size | stack | 5 s Mbit/s | all Mbit/s | steady Mbit/s | t90 s |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for s in sorted({s for (_, s) in meds}):
        u, o = meds.get((USRSCTP, s)), meds.get((OURS, s))
        for name, m in (("usrsctp", u), ("jsctp", o)):
            if m:
                print(f"| {s} | {name} | {m['5s']:.1f} | {m['all']:.1f} | {m['steady']:.1f} | {m['t90']:g} |")
        if u and o:
            print(f"| {s} | ratio | {o['5s'] / u['5s']:.2f} | {o['all'] / u['all']:.2f} | {o['steady'] / u['steady']:.2f} | |")
    own = warmup_curves(paths, "interval_mbit_per_s")
    if own:
        print("\nour tput-server's own INTERVAL lines (seconds from COMM_UP), same figures, medians over the runs:")
        for (c, s), runs in sorted(own.items(), key=lambda kv: kv[0][1]):
            figs = [warmup_figures(curve) for curve in runs.values() if len(curve) >= 10]
            if figs:
                print(f"  {c} {s}: 5 s {med([f['5s'] for f in figs]):.1f}, all {med([f['all'] for f in figs]):.1f},"
                      f" steady {med([f['steady'] for f in figs]):.1f}, t90 {med([f['t90'] for f in figs]):g}")


def plot_warmup(path, out):
    """Lines of Mbit/s per second (median of the runs), one panel per size, both stacks."""
    curves = warmup_curves([path])
    sizes = sorted({s for (_, s) in curves})
    colors = {USRSCTP: "#4e79a7", OURS: "#e15759"}
    labels = {USRSCTP: "usrsctp → usrsctp", OURS: "jsctp → jsctp"}
    W, PH, L, T = 760, 230, 70, 40
    H = T + len(sizes) * (PH + 50) + 30
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W/2}" y="20" text-anchor="middle" font-size="15">The first seconds: receiver Mbit/s per second from the INIT, fresh processes, median of runs</text>']
    pw = W - L - 20
    for pi, s in enumerate(sizes):
        y0 = T + pi * (PH + 50)
        meds = {}
        for c in (USRSCTP, OURS):
            runs = curves.get((c, s))
            if runs:
                n = min(len(v) for v in runs.values())
                meds[c] = [statistics.median(v[i] for v in runs.values()) for i in range(n)]
        n = max(len(v) for v in meds.values())
        top = max(max(v) for v in meds.values())
        step = 10 ** len(str(int(top))) // 10 or 1
        top = (int(top) // step + 1) * step
        for i in range(0, top + 1, step if top // step <= 10 else step * 2):
            y = y0 + PH - PH * i / top
            svg.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W-20}" y2="{y:.1f}" stroke="#ddd"/>')
            svg.append(f'<text x="{L-6}" y="{y+4:.1f}" text-anchor="end">{i}</text>')
        def x(sec):
            return L + pw * sec / n
        for sec in range(0, n + 1, 5):
            svg.append(f'<text x="{x(sec):.1f}" y="{y0+PH+15}" text-anchor="middle">{sec}</text>')
        svg.append(f'<text x="{L+6}" y="{y0+12}">{s}-byte messages (x: seconds, bin end)</text>')
        for c, v in meds.items():
            pts = " ".join(f"{x(i + 1):.1f},{y0 + PH - PH * val / top:.1f}" for i, val in enumerate(v))
            svg.append(f'<polyline points="{x(0):.1f},{y0+PH:.1f} {pts}" fill="none" stroke="{colors[c]}" stroke-width="2"/>')
        svg.append(f'<line x1="{L}" y1="{y0}" x2="{L}" y2="{y0+PH}" stroke="black"/>')
        svg.append(f'<line x1="{L}" y1="{y0+PH}" x2="{W-20}" y2="{y0+PH}" stroke="black"/>')
    lx = L
    for c in (USRSCTP, OURS):
        svg.append(f'<rect x="{lx}" y="{H-22}" width="12" height="12" fill="{colors[c]}"/>')
        svg.append(f'<text x="{lx+16}" y="{H-12}">{labels[c]}</text>')
        lx += 160
    svg.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")
    print(f"wrote {out}")


def aot(paths):
    by = defaultdict(list)
    runs = defaultdict(dict)
    for path in paths:
        for r in rows(path):
            by[r["config"]].append(r)
            runs[(path, r["run"])][r["config"]] = r
    cols = [("commup_ms", "start → COMM_UP ms", "{:.0f}"), ("first_echo_ms", "start → first echo ms", "{:.0f}"),
            ("client_exit_ms", "start → client exit ms", "{:.0f}"), ("client_cpu_ms", "client CPU ms", "{:.0f}"),
            ("server_cpu_ms", "server CPU ms", "{:.0f}"), ("tput_rx_mbit", "first 5 s Mbit/s (receiver)", "{:.1f}"),
            ("tput_tx_mbit", "first 5 s Mbit/s (sender)", "{:.1f}")]
    print(f"# {' '.join(paths)}")
    print("median (min-max) over the runs; fresh echo-server + echo-client --count 1, then fresh tput-server +"
          " tput-client --duration 5 --size 8192, per run and configuration\n")
    print("| configuration | runs | " + " | ".join(c[1] for c in cols) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in cols) + " |")
    meds = {}
    for c, rs in by.items():
        print(f"| {c} | {len(rs)} | " + " | ".join(spread_cells(c, rs, cols, meds)) + " |")
    loads = [float(r["loadavg1"]) for rs in by.values() for r in rs]
    print(f"\nload average (1 min) during the runs: {min(loads):.2f}-{max(loads):.2f}")
    for ref in ("jdk25", "jdk17"):
        if ("jdk25-aot", "commup_ms") in meds and (ref, "commup_ms") in meds:
            print(f"jdk25-aot / {ref} (ratio of medians): " + ", ".join(
                f"{key} {meds[('jdk25-aot', key)] / meds[(ref, key)]:.2f}" for key, _, _ in cols))
            paired = [(r["jdk25-aot"], r[ref]) for r in runs.values() if "jdk25-aot" in r and ref in r]
            print(f"jdk25-aot / {ref} (median (min-max) of the {len(paired)} ratios within a run): " + ", ".join(
                f"{key} " + ratio_cell([float(a[key]) / float(b[key]) for a, b in paired]) for key, _, _ in cols))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "compare":
        compare(sys.argv[2])
    elif cmd == "plot-compare":
        plot_compare(sys.argv[2], sys.argv[3])
    elif cmd == "latency":
        latency(sys.argv[2])
    elif cmd == "failover":
        failover(sys.argv[2])
    elif cmd == "loss":
        loss(sys.argv[2])
    elif cmd == "aot":
        aot(sys.argv[2:])
    elif cmd == "plot-failover":
        plot_failover(sys.argv[2], sys.argv[3])
    elif cmd == "warmup":
        warmup(sys.argv[2:])
    elif cmd == "plot-warmup":
        plot_warmup(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
