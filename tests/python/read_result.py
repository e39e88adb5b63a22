#!/usr/bin/python3
"""Reads an HDF5 trajectory file with h5py, as a user would, checks that it is
in the Pedestrian Dynamics Data Archive layout that PedPy reads, and prints a
JSON digest on one line (keys sorted). Works on campusflow results, complete or
interrupted (.partial), and on the archive's own experiment files.

  /usr/bin/python3 tests/python/read_result.py FILE [--expect-status complete|incomplete]

Digest: file, rows, agents (distinct ids in /trajectory), frames (distinct
frames), min_frame, max_frame, fps, wkt_type; and from /campusflow when it is
there (else null): format, status, wall_time, summary (the attributes of
/campusflow/summary plus exit_names and exit_counts, null until the run is
complete), exit_events (count) and last_exit_time [s]; pedpy: what PedPy's
load_trajectory_from_ped_data_archive_hdf5 and
load_walkable_area_from_ped_data_archive_hdf5 read (rows, frame_rate,
walkable_area_m2), null when PedPy is not installed.

Exit status: 0 when the layout is right, 1 with a message on stderr when it
differs (or the status is not the expected one), 2 when h5py is missing.
"""
import argparse
import json
import sys

try:
    import h5py
    import numpy as np
except ImportError as error:  # the C++ test skips on this exit status
    print(f"read_result: needs h5py and numpy ({error})", file=sys.stderr)
    sys.exit(2)

TRAJECTORY_FIELDS = ("id", "frame", "x", "y", "z")
FORMAT = "campusflow-result/1"
SUMMARY_ATTRIBUTES = ("evacuation_time", "agents", "exited", "simulated_time", "state_hash")
BLOCK_ROWS = 1 << 20  # rows read at once, so memory stays bounded on long runs


class LayoutError(Exception):
    pass


def plain(value):
    """numpy scalars, arrays and bytes as JSON-friendly Python values."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return value.item()
    return value


def read_trajectory(f):
    if not isinstance(f.get("trajectory"), h5py.Dataset):
        raise LayoutError("no /trajectory dataset")
    traj = f["trajectory"]
    names = traj.dtype.names
    if names != TRAJECTORY_FIELDS:
        raise LayoutError(f"/trajectory fields are {names}, expected exactly {', '.join(TRAJECTORY_FIELDS)}")
    if any(traj.dtype[n].kind not in "iu" for n in ("id", "frame")) or \
            any(traj.dtype[n].kind != "f" for n in ("x", "y", "z")):
        raise LayoutError(f"/trajectory field types are {traj.dtype}: id and frame must be integers, x y z floats")
    if traj.ndim != 1:
        raise LayoutError(f"/trajectory has shape {traj.shape}, expected one dimension")
    if "fps" not in traj.attrs:
        raise LayoutError("/trajectory has no attribute fps")
    fps = float(traj.attrs["fps"])
    if not fps > 0:
        raise LayoutError(f"/trajectory@fps is {fps}, expected > 0")

    ids = np.empty(0, dtype=np.int64)
    frames = np.empty(0, dtype=np.int64)
    for start in range(0, traj.shape[0], BLOCK_ROWS):
        block = traj[start:start + BLOCK_ROWS]
        ids = np.union1d(ids, block["id"])
        frames = np.union1d(frames, block["frame"])
    return {
        "rows": int(traj.shape[0]),
        "agents": int(len(ids)),
        "frames": int(len(frames)),
        "min_frame": int(frames[0]) if len(frames) else None,
        "max_frame": int(frames[-1]) if len(frames) else None,
        "fps": fps,
    }


def read_wkt(f):
    wkt = f.attrs.get("wkt_geometry")
    # PedPy's load_walkable_area_from_ped_data_archive_hdf5 needs a polygon.
    if not isinstance(wkt, str) or not wkt.startswith("POLYGON"):
        raise LayoutError(f"root attribute wkt_geometry is not a WKT POLYGON string: {str(wkt)[:60]!r}")
    return "POLYGON"


def read_campusflow(f):
    digest = {"format": None, "status": None, "wall_time": None, "summary": None,
              "exit_events": None, "last_exit_time": None}
    cf = f.get("campusflow")
    if cf is None:  # an archive experiment, or another program's file
        return digest
    digest["format"] = plain(cf.attrs.get("format"))
    if digest["format"] != FORMAT:
        raise LayoutError(f"/campusflow@format is {digest['format']!r}, expected {FORMAT!r}")
    digest["status"] = plain(cf.attrs.get("status"))
    if digest["status"] not in ("complete", "incomplete"):
        raise LayoutError(f"/campusflow@status is {digest['status']!r}")
    events = cf.get("exit_events")
    if not isinstance(events, h5py.Dataset) or events.dtype.names != ("agent", "exit", "time"):
        raise LayoutError("/campusflow/exit_events is missing or its fields are not agent, exit, time")
    digest["exit_events"] = int(events.shape[0])
    if events.shape[0]:
        digest["last_exit_time"] = float(events["time"].max())
    if digest["status"] != "complete":
        return digest
    digest["wall_time"] = plain(cf.attrs.get("wall_time"))
    summary = cf.get("summary")
    if summary is None:
        raise LayoutError("complete, but /campusflow/summary is missing")
    missing = [name for name in SUMMARY_ATTRIBUTES if name not in summary.attrs]
    if missing or "exit_names" not in summary or "exit_counts" not in summary:
        raise LayoutError(f"/campusflow/summary lacks {missing or 'exit_names/exit_counts'}")
    digest["summary"] = {name: plain(summary.attrs[name]) for name in SUMMARY_ATTRIBUTES}
    digest["summary"]["exit_names"] = plain(summary["exit_names"][:])
    digest["summary"]["exit_counts"] = plain(summary["exit_counts"][:])
    if len(digest["summary"]["exit_names"]) != len(digest["summary"]["exit_counts"]):
        raise LayoutError("/campusflow/summary: exit_names and exit_counts differ in length")
    return digest


def read_with_pedpy(path):
    """Loads the file with PedPy's archive loaders when PedPy is installed
    (null otherwise): the check that matters most to PedPy users."""
    try:
        import pathlib
        import pedpy
    except ImportError:
        return None
    try:
        trajectory = pedpy.load_trajectory_from_ped_data_archive_hdf5(pathlib.Path(path))
        area = pedpy.load_walkable_area_from_ped_data_archive_hdf5(pathlib.Path(path))
    except Exception as error:  # PedPy's errors have no common base class
        raise LayoutError(f"PedPy cannot load it: {error}") from error
    return {"rows": int(len(trajectory.data)), "frame_rate": float(trajectory.frame_rate),
            "walkable_area_m2": float(area.polygon.area)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--expect-status", choices=("complete", "incomplete"))
    args = parser.parse_args()
    try:
        with h5py.File(args.file, "r") as f:
            digest = {"file": args.file}
            digest.update(read_trajectory(f))
            digest["wkt_type"] = read_wkt(f)
            digest.update(read_campusflow(f))
        digest["pedpy"] = read_with_pedpy(args.file)
    except (OSError, LayoutError) as error:
        print(f"read_result: {args.file}: {error}", file=sys.stderr)
        return 1
    if args.expect_status and digest["status"] != args.expect_status:
        print(f"read_result: {args.file}: status is {digest['status']!r}, expected {args.expect_status!r}",
              file=sys.stderr)
        return 1
    print(json.dumps(digest, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
