"""Reads a gate-traffic result with h5py and checks that its tables agree with
each other: every vehicle has an id, the stored delay is the definition of
docs/metrics.md applied to the raw columns, the 5-minute throughput adds up to
the completed stops, queue samples are one per second, and replay frames exist.
Prints OK or the first disagreement (exit 1)."""
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
print("OK", len(v), "vehicles", int(done.sum()), "left", len(p), "pedestrians", len(fr), "frame rows")
