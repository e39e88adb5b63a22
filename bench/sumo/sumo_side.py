#!/usr/bin/env python3
"""Runs SUMO on the gate scenario and writes the metrics of docs/metrics.md as JSON.

  sumo_side.py --routes gate.rou.xml --bay-start 130 --bay-end 186 --approach 130 --out DIR
Two runs: one with FCD (every vehicle every 1 s on the approach) for the queue
metrics, one with no per-step output, timed, for the speed comparison."""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import time
import xml.etree.ElementTree as ET

import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
p = argparse.ArgumentParser()
p.add_argument("--routes", required=True)
p.add_argument("--bay-start", type=float, required=True)
p.add_argument("--bay-end", type=float, required=True)
p.add_argument("--approach", type=float, required=True)  # queue reference point on wg [m]
p.add_argument("--step", type=float, default=0.25)
p.add_argument("--out", required=True)
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)
LENGTH = {"art": 300.0, "wg": 244.5, "ge": 148.5}
LIMIT = {"art": 13.89, "wg": 8.33, "ge": 8.33}
FREE_FLOW = sum(LENGTH[e] / LIMIT[e] for e in LENGTH)

net = os.path.join(a.out, "gate.net.xml")
subprocess.run(["netconvert", "--node-files", f"{HERE}/net/gate.nod.xml", "--edge-files", f"{HERE}/net/gate.edg.xml",
                "--connection-files", f"{HERE}/net/gate.con.xml", "--walkingareas", "--no-turnarounds", "true",
                "-o", net], check=True, stdout=subprocess.DEVNULL)
add = os.path.join(a.out, "gate.add.xml")
with open(add, "w") as f:
    f.write(f'<additional>\n    <parkingArea id="bay" lane="wg_1" startPos="{a.bay_start}" endPos="{a.bay_end}" '
            f'roadsideCapacity="8" onRoad="false" friendlyPos="true"/>\n</additional>\n')
# IDM with the ballistic position update, campusflow's (SUMO's default is
# Euler): the same model integrated the same way in both engines.
common = ["sumo", "-c", f"{HERE}/net/gate.sumocfg", "-n", net, "-r", a.routes, "-a", add,
          "--step-length", str(a.step), "--default.carfollowmodel", "IDM", "--step-method.ballistic", "true"]

# Timed runs: no per-step output; SUMO's own vehicle-update rate, the median
# of TIMING_RUNS runs (one run of this size lasts a fraction of a second, and
# a single timing of it is at the mercy of the machine's other work).
TIMING_RUNS = 3
rates, walls = [], []
for _ in range(TIMING_RUNS):
    t0 = time.perf_counter()
    log = subprocess.run(common + ["--duration-log.statistics", "true"], capture_output=True, text=True, check=True)
    walls.append(time.perf_counter() - t0)
    rates.append(float(re.search(r"UPS: ([\d.]+)", log.stdout + log.stderr).group(1)))
ups, wall = statistics.median(rates), statistics.median(walls)

# Measured run. FCD: vehicles every 1 s on the approach (the queue), pupils
# every step on the edges they walk (their walked distance).
walked_edges = [e.get("id") for e in ET.parse(net).getroot().iter("edge")
                if e.get("function") in ("walkingarea", "crossing") or e.get("id") in ("eg", "gate")]
fcd_edges = os.path.join(a.out, "fcd_edges.txt")
with open(fcd_edges, "w") as f:
    f.write(open(f"{HERE}/net/approach.txt").read().strip() + "\n" + "\n".join(walked_edges) + "\n")
subprocess.run(common + ["--tripinfo-output", f"{a.out}/tripinfo.xml", "--tripinfo-output.write-unfinished",
                         "--stop-output", f"{a.out}/stops.xml", "--fcd-output", f"{a.out}/fcd.xml",
                         "--device.fcd.period", "1", "--person-device.fcd.period", str(a.step),
                         "--fcd-output.filter-edges.input-file", fcd_edges],
               check=True, capture_output=True)
stop_rows = list(ET.parse(f"{a.out}/stops.xml").getroot().iter("stopinfo"))
stall_of = {s.get("id"): float(s.get("pos")) for s in stop_rows}
stops = {s.get("id"): (float(s.get("started")), float(s.get("ended"))) for s in stop_rows}
wanted = {}
for person in ET.parse(a.routes).getroot().iter("person"):
    if person.get("id").startswith("c"):
        wanted["v" + person.get("id")[1:]] = float(person.get("depart"))
cars, walks, unfinished = [], {"car": [], "walk_in": []}, 0
by_stall = {}  # lot end position -> walks of pupils who got out there
tripinfo = ET.parse(f"{a.out}/tripinfo.xml").getroot()
for t in tripinfo.iter("tripinfo"):
    arrival = float(t.get("arrival", -1))
    unfinished += arrival < 0
    if t.get("id") in wanted:
        s = stops.get(t.get("id"), (-1.0, -1.0))
        cars.append({"wanted": wanted[t.get("id")], "arrival": arrival, "stop_start": s[0], "stop_end": s[1]})
walk_stage = {person.get("id"): next(person.iter("walk"), None) for person in tripinfo.iter("personinfo")}
tails, trace = [], {}
for _, ts in ET.iterparse(f"{a.out}/fcd.xml"):
    if ts.tag != "timestep":
        continue
    t = float(ts.get("time"))
    for p in ts.iter("person"):
        w = walk_stage.get(p.get("id"))
        if w is not None and t > float(w.get("depart")):  # walking (before: riding, or the first step)
            trace.setdefault(p.get("id"), []).append((float(p.get("x")), float(p.get("y")), p.get("edge"), float(p.get("pos"))))
    if t != int(t):
        ts.clear()
        continue
    cand = []
    for v in ts.iter("vehicle"):
        lane, pos, speed = v.get("lane"), float(v.get("pos")), float(v.get("speed"))
        if lane.startswith("wg_") and pos <= a.approach:
            d = a.approach - pos
        elif lane.startswith("art_"):
            d = a.approach + LENGTH["art"] - pos
        elif lane.startswith(":nW"):
            d = a.approach
        else:
            continue
        cand.append((d, d + 4.6, speed))
    tails.append(metrics.queue_tail(cand))
    ts.clear()
# A pupil's walk: the path through its positions step by step (SUMO's
# routeLength is the sum of its edges' lengths and the straight lines between
# them, and leaves out the crossings: a lower bound), plus the pieces along
# its first and last edge before the first and after the last sample.
untraced = 0  # finished walks without a step in the FCD: none expected, counted if so
for pid, w in walk_stage.items():
    samples = trace.get(pid)
    if w is None or float(w.get("arrival", -1)) < 0:
        continue
    if not samples:
        untraced += 1
        continue
    walked = abs(samples[0][3] - float(w.get("departPos"))) + abs(float(w.get("arrivalPos")) - samples[-1][3])
    walked += sum(math.dist(p[:2], q[:2]) for p, q in zip(samples, samples[1:]))
    walks["car" if pid.startswith("c") else "walk_in"].append(walked)
    # SUMO parks a car that halts inside the parking area's extent in a lot
    # that frees further on at once, and its pupil gets out where it halted;
    # only those who got out at their car's lot count for the walk by stall.
    lot = stall_of.get("v" + pid[1:]) if pid.startswith("c") else None
    if lot is not None and abs(float(w.get("departPos")) - lot) < 0.5:
        by_stall.setdefault(str(round(lot)), []).append(walked)
spill_s, spill_extent = metrics.spillback(tails, a.approach)
result = {
    "engine": "SUMO " + (re.search(r"Eclipse SUMO sumo Version ([\S]+)", subprocess.run(["sumo", "--version"], capture_output=True, text=True).stdout) or [None, "?"])[1],
    "throughput": metrics.throughput(s[1] for s in stops.values()),
    "delay": metrics.summary("delay", metrics.delays(cars, FREE_FLOW)),
    "queue_tail_max": max(tails, default=0.0),
    "spillback_s": spill_s, "spillback_extent": spill_extent,
    "walk_car": metrics.summary("walk", walks["car"]), "walk_in": metrics.summary("walk", walks["walk_in"]),
    "walk_car_by_stall": {k: metrics.summary("walk", v) for k, v in sorted(by_stall.items())},
    "unfinished": unfinished, "walks_without_trajectory": untraced, "vehicle_updates_per_s": ups, "wall_s": wall,
}
with open(os.path.join(a.out, "metrics.json"), "w") as f:
    json.dump(result, f, indent=1)
print(json.dumps(result))
