#!/usr/bin/env python3
"""Side-by-side table of SUMO and campusflow on one case, with the acceptance
bands of issue 4 / VALIDATION.md:
  throughput per 5 min within 5 % (bins where both served at least 10),
  mean drop-off delay within 15 %, maximum queue tail and spillback duration
  within 20 % (both zero passes), walking distance within 1 % (walk-ins; pupils
  from cars stall by stall), speed >= 10x.
  compare.py CASE sumo/metrics.json campusflow/metrics.json  -> markdown on stdout"""
import json
import sys

name, sumo_path, cf_path = sys.argv[1:4]
s, c = json.load(open(sumo_path)), json.load(open(cf_path))


def count(x):
    """A count, or a mean of counts over replications."""
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.1f}"


def rel(a, b):
    return (b - a) / a if a else (0.0 if b == 0 else float("inf"))


def row(what, a, b, band, fmt="{:.1f}".format):
    r = rel(a, b)
    ok = abs(r) <= band
    return ok, f"| {what} | {fmt(a)} | {fmt(b)} | {100 * r:+.1f} % | ±{100 * band:.0f} % | {'PASS' if ok else 'FAIL'} |"


lines = [f"### {name}", "", "| metric | SUMO | campusflow | difference | band | |", "|---|---|---|---|---|---|"]
results = []
for b in sorted(set(s["throughput"]) | set(c["throughput"]), key=float):
    a_n, c_n = s["throughput"].get(b, 0), c["throughput"].get(b, 0)
    if min(a_n, c_n) >= 10:
        ok, line = row(f"drop-offs in [{float(b):.0f}, {float(b) + 300:.0f}) s", a_n, c_n, 0.05, count)
        results.append(ok)
        lines.append(line)
    else:
        lines.append(f"| drop-offs in [{float(b):.0f}, {float(b) + 300:.0f}) s | {count(a_n)} | {count(c_n)} | | (tail bin) | |")
for what, key, band in [("mean drop-off delay [s]", ("delay", "mean"), 0.15),
                        ("longest queue tail [m]", ("queue_tail_max",), 0.20),
                        ("spillback [s]", ("spillback_s",), 0.20),
                        ("walk-ins' walk, mean [m]", ("walk_in", "mean"), 0.01)]:
    a, b = s, c
    for k in key:
        a, b = a[k], b[k]
    ok, line = row(what, a, b, band)
    results.append(ok)
    lines.append(line)
# The walk from the car depends on where pupils get out: compared stall by
# stall (the mean over the stalls both engines used of each stall's mean walk),
# and overall without a band (SUMO lets some out before their car's lot).
both = [k for k in s["walk_car_by_stall"] if k in c["walk_car_by_stall"]]
if both:
    a = sum(s["walk_car_by_stall"][k]["mean"] for k in both) / len(both)
    b = sum(c["walk_car_by_stall"][k]["mean"] for k in both) / len(both)
    ok, line = row(f"pupils' walk from the car, per stall, mean over {len(both)} stalls [m]", a, b, 0.01)
else:
    ok, line = False, "| pupils' walk from the car, per stall | no stall in common | | | ±1 % | FAIL |"
results.append(ok)
lines.append(line)
a, b = s["walk_car"]["mean"], c["walk_car"]["mean"]
lines.append(f"| pupils' walk from the car, all, mean [m] | {a:.1f} | {b:.1f} | {100 * rel(a, b):+.1f} % | (where they get out differs) | |")
lines.append(f"| unfinished vehicles | {s['unfinished']} | {c['unfinished']} | | 0 | {'PASS' if s['unfinished'] == c['unfinished'] == 0 else 'FAIL'} |")
results.append(c["unfinished"] == 0)
ratio = c["vehicle_updates_per_s"] / s["vehicle_updates_per_s"]
lines.append(f"| vehicle updates per second (stepping, no output) | {s['vehicle_updates_per_s']:.3g} | {c['vehicle_updates_per_s']:.3g} | ×{ratio:.1f} | ≥ ×10 | {'PASS' if ratio >= 10 else 'FAIL'} |")
results.append(ratio >= 10)
if "vehicle_updates_per_s_with_frames" in c:  # campusflow's run also writes its replay frames
    framed = c["vehicle_updates_per_s_with_frames"]
    lines.append(f"| vehicle updates per second, campusflow writing replay frames | | {framed:.3g} | "
                 f"×{framed / s['vehicle_updates_per_s']:.1f} | | |")
lines.append("")
lines.append(f"{sum(results)} of {len(results)} checks pass.")
print("\n".join(lines))
