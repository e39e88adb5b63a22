#!/usr/bin/env python3
"""Averages the metrics of several replications (one demand seed each) of
one engine on one case, so that compare.py can set the means side by side:
a single draw of 200 cars moves a 5-minute bin by a car or two and the
spillback by minutes, more than the bands allow.
  average.py OUT.json IN.json [IN.json ...]"""
import json
import statistics
import sys

out, paths = sys.argv[1], sys.argv[2:]
runs = [json.load(open(p)) for p in paths]


def mean(xs):
    return statistics.fmean(xs)


bins = sorted({b for r in runs for b in r["throughput"]}, key=float)
result = {
    "engine": runs[0]["engine"],
    "replications": len(runs),
    "throughput": {b: mean([r["throughput"].get(b, 0) for r in runs]) for b in bins},
    "queue_tail_max": mean([r["queue_tail_max"] for r in runs]),
    "spillback_s": mean([r["spillback_s"] for r in runs]),
    "unfinished": sum(r["unfinished"] for r in runs),
    "vehicle_updates_per_s": mean([r["vehicle_updates_per_s"] for r in runs]),
}
if all("vehicle_updates_per_s_with_frames" in r for r in runs):
    result["vehicle_updates_per_s_with_frames"] = mean([r["vehicle_updates_per_s_with_frames"] for r in runs])
for key in ("delay", "walk_car", "walk_in"):
    n = sum(r[key]["n"] for r in runs)
    result[key] = {"n": n, "mean": sum(r[key]["mean"] * r[key]["n"] for r in runs) / n if n else float("nan")}
stalls = sorted({k for r in runs for k in r["walk_car_by_stall"]}, key=float)
result["walk_car_by_stall"] = {}
for k in stalls:
    got = [r["walk_car_by_stall"][k] for r in runs if k in r["walk_car_by_stall"]]
    n = sum(g["n"] for g in got)
    result["walk_car_by_stall"][k] = {"n": n, "mean": sum(g["mean"] * g["n"] for g in got) / n}
with open(out, "w") as f:
    json.dump(result, f, indent=1)
