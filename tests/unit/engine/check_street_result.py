"""Reads a gate-traffic result with h5py and checks that its tables agree with
each other: every vehicle has an id, the stored delay is the definition of
docs/metrics.md applied to the raw columns, the 5-minute throughput adds up to
the completed stops, queue samples are one per second, replay frames exist,
and the street's geometry agrees with the frames: every vehicle stands in a
lane or a stall, every pedestrian on a sidewalk, corner, footpath or crossing.
Prints OK or the first disagreement (exit 1)."""
import json
import re
import sys

import h5py
import numpy as np

f = h5py.File(sys.argv[1], "r")
assert f["campusflow"].attrs["status"] == "complete", "result not complete"
s = f["campusflow/street"]
v = s["vehicles"][:]
assert len(s["vehicle_ids"]) == len(v), "ids and rows differ"
done = v["arrival"] >= 0
dwell = np.where(v["stop_end"] >= 0, v["stop_end"] - v["stop_start"], 0.0)
delay = v["arrival"] - v["wanted"] - dwell - v["free_flow_time"]
assert np.allclose(delay[done], v["delay"][done]), "delay is not arrival - wanted - dwell - free flow"
assert (v["delay"][~done] == -1).all(), "unfinished vehicles must have delay -1"
assert s["throughput"]["drop_offs"].sum() == (v["stop_end"] >= 0).sum(), "throughput does not add up"
t = s["queue_time"][:]
assert len(t) > 10 and np.allclose(np.diff(t), 1.0), "queue samples are not 1 s apart"
assert s["queue_tail"].shape[0] == len(t), "one queue row per sample"
p = s["pedestrians"][:]
assert len(s["pedestrian_ids"]) == len(p) and (p["distance"] > 0).all(), "pedestrians walk"
fr = f["campusflow/street_frames"]
assert fr.attrs["fps"] == 2.0 and len(fr) > 0, "replay frames"
frames = fr[:]

# Geometry: lanes 0..k-1 of every link, one stall rectangle per stall.
g = s["geometry"]
lanes, walks, crossings, stalls = g["lanes"][:], g["sidewalks"][:], g["crossings"][:], g["stalls"][:]
links = len(g["link_names"])
lanes_per_link = [int((lanes["link"] == k).sum()) for k in range(links)]
assert len(lanes) == sum(lanes_per_link) and min(lanes_per_link) >= 1, "lanes of unknown links, or a link without"
for k in range(links):
    assert (np.sort(lanes["lane"][lanes["link"] == k]) == np.arange(lanes_per_link[k])).all(), "lanes not 0..k-1"
assert (lanes["width"] > 0).all() and (walks["width"] > 0).all() and (crossings["width"] > 0).all(), "widths"
assert set(walks["kind"]) <= {0, 1, 2} and set(crossings["kind"]) <= {0, 1, 2, 3}, "kinds"
assert (crossings["crossing"] < len(g["crossing_names"])).all(), "crossing rows name crossings"
assert len(g["vehicle_type_names"]) == len(g["vehicle_types"]) > v["type"].max(), "vehicle types"
assert sorted(zip(stalls["zone"], stalls["stall"])) == sorted(zip(s["stalls"]["zone"], s["stalls"]["stall"])), \
    "one stall rectangle per stall"
# A scenario read from a file: as many lanes as it gives each link.
text = f["campusflow"].attrs["scenario_text"]
try:
    spec = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))["street"]
except (ValueError, KeyError, TypeError):
    spec = None
if spec is not None:
    wanted = [l["lanes"] if isinstance(l["lanes"], int) else len(l["lanes"]) for l in spec["links"]]
    assert lanes_per_link == wanted, "lanes per link differ from the scenario"
    zones = spec.get("curb_zones", [])
    assert len(stalls) == sum(z["stalls"] for z in zones), "stalls differ from the scenario"


def inside(px, py, x0, y0, x1, y1, half_width, slack_along):
    """Whether points (px, py) (column vectors) lie in any strip (row vectors):
    within half_width across its centre line and slack_along past its ends."""
    dx, dy = x1 - x0, y1 - y0
    length = np.hypot(dx, dy)
    ux, uy = dx / np.maximum(length, 1e-12), dy / np.maximum(length, 1e-12)
    rx, ry = px - x0, py - y0
    along = rx * ux + ry * uy
    across = np.abs(rx * uy - ry * ux)
    return ((across <= half_width) & (along >= -slack_along) & (along <= length + slack_along)).any(axis=1)


TOL = 2.0  # [m]
CHUNK = 20000  # frame rows at a time: the point-by-strip arrays stay small
c, h = np.cos(stalls["heading"]), np.sin(stalls["heading"])
ex, ey = c * stalls["length"] / 2, h * stalls["length"] / 2
for first in range(0, len(frames), CHUNK):
    rows = frames[first:first + CHUNK]
    veh = rows[rows["kind"] == 0]
    if len(veh):
        px, py = veh["x"][:, None], veh["y"][:, None]
        # A vehicle's centre trails its front bumper by half its length, past a link's ends.
        half = g["vehicle_types"]["length"][v["type"][veh["id"]]][:, None] / 2
        in_lane = inside(px, py, lanes["x0"], lanes["y0"], lanes["x1"], lanes["y1"], lanes["width"] / 2 + TOL,
                         half + TOL)
        in_stall = inside(px, py, stalls["x"] - ex, stalls["y"] - ey, stalls["x"] + ex, stalls["y"] + ey,
                          stalls["width"] / 2 + TOL, TOL)
        bad = ~(in_lane | in_stall)
        assert not bad.any(), f"{int(bad.sum())} vehicle frame rows off every lane and stall, first {veh[bad][0]}"
    ped = rows[rows["kind"] == 1]
    if len(ped):
        px, py = ped["x"][:, None], ped["y"][:, None]
        on_walk = inside(px, py, walks["x0"], walks["y0"], walks["x1"], walks["y1"], walks["width"] / 2 + TOL, TOL)
        on_crossing = inside(px, py, crossings["x0"], crossings["y0"], crossings["x1"], crossings["y1"],
                             crossings["width"] / 2 + TOL, TOL)
        bad = ~(on_walk | on_crossing)
        assert not bad.any(), f"{int(bad.sum())} pedestrian frame rows off every walk, first {ped[bad][0]}"
print("OK", len(v), "vehicles", int(done.sum()), "left", len(p), "pedestrians", len(fr), "frame rows",
      len(lanes), "lanes", len(stalls), "stalls")
