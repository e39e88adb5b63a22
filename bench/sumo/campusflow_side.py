#!/usr/bin/env python3
"""Runs campusflow on the gate scenario with an explicit demand file and
writes the metrics of docs/metrics.md as JSON, computed from the raw rows of
its result (/campusflow/street) exactly as sumo_side.py computes them.

  campusflow_side.py --campusflow BIN --scenario scenarios/gate/base.json --csv demand.csv --out DIR"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

import metrics

p = argparse.ArgumentParser()
p.add_argument("--campusflow", required=True)
p.add_argument("--scenario", required=True)
p.add_argument("--csv", required=True)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--out", required=True)
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)
try:
    import h5py
    import numpy as np
except ImportError:
    sys.exit("campusflow_side.py: needs h5py and numpy (Debian: python3-h5py; run with /usr/bin/python3)")

# The scenario with its demand replaced by the explicit file (comments dropped: JSON has none).
text = "".join(line for line in open(a.scenario) if not line.lstrip().startswith("//"))
scenario = json.loads(text)
scenario["street"]["demand"] = {"file": os.path.abspath(a.csv)}
path = os.path.join(a.out, "scenario.json")
with open(path, "w") as f:
    json.dump(scenario, f, indent=1)
result_file = os.path.join(a.out, "result.h5")
# The median street-loop rate of TIMING_RUNS runs, as sumo_side.py times
# SUMO (a run of this size lasts a few hundredths of a second).
TIMING_RUNS = 3
rates, with_frames = [], []
for _ in range(TIMING_RUNS):
    run = subprocess.run([a.campusflow, "run", path, "-o", result_file, "-q", "--threads", str(a.threads)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("campusflow failed:\n" + run.stdout + run.stderr)
    m = re.search(r"vehicle updates\s+([\d.e+]+) per second stepping, ([\d.e+]+) with replay frames", run.stdout)
    rates.append(float(m.group(1)))
    with_frames.append(float(m.group(2)))
# Stepping alone is what SUMO's UPS measures (its timed run writes nothing per
# step); campusflow's run also writes replay frames, shown beside.
ups, ups_frames = statistics.median(rates), statistics.median(with_frames)

street = scenario["street"]
links = {l["name"]: l for l in street["links"]}
route = next(r for r in street["routes"] if r["name"] == "r_eb")["links"]
free_flow = sum(links[l]["length"] / links[l]["speed_limit"] for l in route)
approach = street["approaches"][0]["position"]
with h5py.File(result_file, "r") as f:
    s = f["campusflow/street"]
    v = s["vehicles"][:]
    cars = [{"wanted": r["wanted"], "arrival": r["arrival"], "stop_start": r["stop_start"], "stop_end": r["stop_end"]}
            for r in v if r["drop_off"]]
    tails = np.atleast_2d(s["queue_tail"][:].T).T[:, 0] if s["queue_tail"].ndim == 2 else s["queue_tail"][:]
    ped = s["pedestrians"][:]
    ped_ids = [x.decode() for x in s["pedestrian_ids"][:]]
    vehicle_row = {x.decode(): k for k, x in enumerate(s["vehicle_ids"][:])}
    unfinished = int((v["arrival"] < 0).sum())
spill_s, spill_extent = metrics.spillback(list(tails), approach)
# Pupils from cars by the stall they got out at, keyed as sumo_side.py keys
# them: the stall's front along the link (stalls are numbered from the zone's end).
zones = street["curb_zones"]
by_stall = {}
for pid, p in zip(ped_ids, ped):
    if p["kind"] != 0 or "/" not in pid:
        continue
    car = v[vehicle_row[pid.rsplit("/", 1)[0]]]
    if car["zone"] < 0 or car["stall"] < 0:
        continue
    zone = zones[car["zone"]]
    stall_length = zone.get("stall_length", (zone["end"] - zone["start"]) / zone["stalls"])
    by_stall.setdefault(str(round(zone["end"] - int(car["stall"]) * stall_length)), []).append(float(p["distance"]))
result = {
    "engine": "campusflow",
    "throughput": metrics.throughput(r["stop_end"] for r in v if r["stop_end"] >= 0),
    "delay": metrics.summary("delay", metrics.delays(cars, free_flow)),
    "queue_tail_max": float(max(tails, default=0.0)),
    "spillback_s": spill_s, "spillback_extent": spill_extent,
    "walk_car": metrics.summary("walk", [float(x) for x in ped["distance"][ped["kind"] == 0]]),
    "walk_in": metrics.summary("walk", [float(x) for x in ped["distance"][ped["kind"] == 1]]),
    "walk_car_by_stall": {k: metrics.summary("walk", w) for k, w in sorted(by_stall.items())},
    "unfinished": unfinished, "vehicle_updates_per_s": ups, "vehicle_updates_per_s_with_frames": ups_frames,
}
with open(os.path.join(a.out, "metrics.json"), "w") as f:
    json.dump(result, f, indent=1)
print(json.dumps(result))
