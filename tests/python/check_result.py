#!/usr/bin/python3
"""Reads a campusflow result with h5py, as a user would, and checks that it is
in the Pedestrian Dynamics Data Archive layout and that its trajectory agrees
with the run's own summary. Prints a JSON digest; exits 1 on any mismatch.

usage: check_result.py RESULT.h5 [--expect-status complete|incomplete]
"""
import json
import sys

import h5py
import numpy as np


def fail(message):
    print(f"check_result: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    path = sys.argv[1]
    expect_status = "complete"
    if "--expect-status" in sys.argv:
        expect_status = sys.argv[sys.argv.index("--expect-status") + 1]
    with h5py.File(path, "r") as f:
        status = f["campusflow"].attrs["status"]
        if status != expect_status:
            fail(f"status is {status!r}, expected {expect_status!r}")
        traj = f["trajectory"]
        if traj.dtype.names != ("id", "frame", "x", "y", "z"):
            fail(f"/trajectory columns are {traj.dtype.names}")
        fps = float(traj.attrs["fps"])
        wkt = f.attrs["wkt_geometry"]
        if not isinstance(wkt, str) or not wkt.startswith("POLYGON (("):
            fail("root attribute wkt_geometry is not a WKT polygon")
        rows = traj[:]
        digest = {"rows": int(len(rows)), "fps": fps, "status": status}
        if expect_status != "complete":
            print(json.dumps(digest))
            return
        summary = f["campusflow/summary"].attrs
        agents = int(summary["agents"])
        evacuation = float(summary["evacuation_time"])
        exits = f["campusflow/exit_events"][:]
        counts = f["campusflow/summary/exit_counts"][:]
        ids = np.unique(rows["id"])
        # Every agent appears in the trajectory, and only agents of the table.
        if len(ids) != agents or len(f["campusflow/agents"]) != agents:
            fail(f"{len(ids)} ids in /trajectory, summary says {agents} agents")
        # Frames run at fps until the last agent left.
        last_frame = int(rows["frame"].max())
        if abs(last_frame / fps - evacuation) > 1.0 / fps + 1e-9:
            fail(f"last frame {last_frame} at {fps} fps does not match evacuation time {evacuation}")
        if len(exits) != int(summary["exited"]) or int(counts.sum()) != int(summary["exited"]):
            fail("exit events, exit counts and the exited total disagree")
        if abs(float(exits["time"].max()) - evacuation) > 1e-9:
            fail("the last exit event is not the evacuation time")
        # Each agent's last frame comes before its exit event.
        last_seen = {}
        for i, fr in zip(rows["id"], rows["frame"]):
            last_seen[int(i)] = max(last_seen.get(int(i), 0), int(fr))
        for e in exits:
            if last_seen[int(e["agent"])] / fps > e["time"] + 1e-9:
                fail(f"agent {e['agent']} seen after its exit")
        digest.update(agents=agents, evacuation_time=evacuation, frames=last_frame + 1,
                      exit_counts=[int(c) for c in counts])
        print(json.dumps(digest))


if __name__ == "__main__":
    main()
