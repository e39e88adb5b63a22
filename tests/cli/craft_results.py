#!/usr/bin/env python3
"""craft_results.py DEMO GATE OUTDIR: hand-made damage to two real results
(the demo's and the gate street's), one file per kind of damage, each of
which every reader must refuse. Prints one line per file: FILE<TAB>WHAT."""
import os
import shutil
import sys

import h5py
import numpy as np


def set_field(f, path, row, field, value):
    dataset = f[path]
    r = dataset[row]
    r[field] = value
    dataset[row] = r


def set_value(f, path, row, value):
    f[path][row] = value


def replace(f, path, data, **options):
    """Replaces the dataset at path (attributes kept) with data."""
    attrs = dict(f[path].attrs)
    del f[path]
    d = f.create_dataset(path, data=data, **options)
    for k, v in attrs.items():
        d.attrs[k] = v


def retyped(f, path, field, dtype):
    """The rows of path with one field of another type."""
    old = f[path][:]
    fields = [(n, dtype if n == field else old.dtype[n]) for n in old.dtype.names]
    new = np.zeros(old.shape, dtype=fields)
    for n in old.dtype.names:
        new[n] = old[n]
    return new


def huge(f, path, rows):
    """path claims `rows` rows that were never written."""
    attrs, dtype = dict(f[path].attrs), f[path].dtype
    del f[path]
    d = f.create_dataset(path, shape=(rows,), dtype=dtype, chunks=(4096,))
    for k, v in attrs.items():
        d.attrs[k] = v


NAN, INF = float("nan"), float("inf")

# (source, name, what, change): change(f) damages an open copy of source.
DAMAGE = [
    ("demo", "nan-position", "a NaN x in /trajectory", lambda f: set_field(f, "trajectory", 5, "x", NAN)),
    ("demo", "inf-position", "an infinite y in /trajectory", lambda f: set_field(f, "trajectory", 7, "y", INF)),
    ("demo", "far-position", "x = 1e300 in /trajectory", lambda f: set_field(f, "trajectory", 9, "x", 1e300)),
    ("demo", "negative-id", "agent id -1 in /trajectory", lambda f: set_field(f, "trajectory", 3, "id", -1)),
    ("demo", "id-past-agents", "an agent id past /campusflow/agents",
     lambda f: set_field(f, "trajectory", 3, "id", len(f["campusflow/agents"]))),
    ("demo", "negative-frame", "frame -5", lambda f: set_field(f, "trajectory", 0, "frame", -5)),
    ("demo", "frame-past-2^53", "frame 2^60", lambda f: set_field(f, "trajectory", 11, "frame", 2**60)),
    ("demo", "profile-out-of-range", "an agent's profile 99",
     lambda f: set_field(f, "campusflow/agents", 0, "profile", 99)),
    ("demo", "group-out-of-range", "an agent's group -3", lambda f: set_field(f, "campusflow/agents", 1, "group", -3)),
    ("demo", "level-out-of-range", "an agent's level 50", lambda f: set_field(f, "campusflow/agents", 2, "level", 50)),
    ("demo", "exit-out-of-range", "exit 1000 in /campusflow/exit_events",
     lambda f: set_field(f, "campusflow/exit_events", 0, "exit", 1000)),
    ("demo", "place-out-of-range", "place 10^6 in /campusflow/passages",
     lambda f: set_field(f, "campusflow/passages", 0, "place", 10**6)),
    ("demo", "density-level", "level 77 in /campusflow/density",
     lambda f: set_field(f, "campusflow/density", 0, "level", 77)),
    ("demo", "density-nan", "a NaN density", lambda f: set_field(f, "campusflow/density", 0, "density", NAN)),
    ("demo", "class-group", "group 40 in /campusflow/classes",
     lambda f: set_field(f, "campusflow/classes", 0, "group", 40)),
    ("demo", "place-level", "a place on level 9", lambda f: set_value(f, "campusflow/places/level", 0, 9)),
    ("demo", "nan-phase", "a NaN phase start", lambda f: set_value(f, "campusflow/phases/start", 0, NAN)),
    ("demo", "float32-positions", "/trajectory x as float32",
     lambda f: replace(f, "trajectory", retyped(f, "trajectory", "x", "<f4"), chunks=True)),
    ("demo", "float-ids", "/trajectory id as float64",
     lambda f: replace(f, "trajectory", retyped(f, "trajectory", "id", "<f8"), chunks=True)),
    ("demo", "numbers-as-names", "/campusflow/profile_names as integers",
     lambda f: replace(f, "campusflow/profile_names", np.arange(3))),
    ("demo", "float-counts", "/campusflow/summary/exit_counts as float64",
     lambda f: replace(f, "campusflow/summary/exit_counts", f["campusflow/summary/exit_counts"][:].astype("<f8"))),
    ("demo", "trajectory-2d", "/trajectory of two dimensions",
     lambda f: replace(f, "trajectory", f["trajectory"][:].reshape(-1, 1))),
    ("demo", "agents-scalar", "/campusflow/agents a single row, no dimension",
     lambda f: replace(f, "campusflow/agents", f["campusflow/agents"][0])),
    ("demo", "flow-columns", "/campusflow/summary/flow with a column missing",
     lambda f: replace(f, "campusflow/summary/flow", f["campusflow/summary/flow"][:, :-1])),
    ("demo", "counts-short", "one exit count fewer than exit names",
     lambda f: replace(f, "campusflow/summary/exit_counts", f["campusflow/summary/exit_counts"][:-1])),
    ("demo", "huge-trajectory", "/trajectory claiming 10^12 rows", lambda f: huge(f, "trajectory", 10**12)),
    ("demo", "huge-agents", "/campusflow/agents claiming 10^12 rows", lambda f: huge(f, "campusflow/agents", 10**12)),
    ("demo", "huge-names", "/campusflow/group_names claiming 10^12 rows",
     lambda f: huge(f, "campusflow/group_names", 10**12)),
    ("demo", "status-integer", "/campusflow@status an integer",
     lambda f: f["campusflow"].attrs.__setitem__("status", 1)),
    ("demo", "text-as-array", "/campusflow@scenario_text an array of numbers",
     lambda f: f["campusflow"].attrs.__setitem__("scenario_text", np.arange(4.0))),
    ("demo", "wkt-number", "a level's wkt a number",
     lambda f: f["campusflow/geometry/level_0"].attrs.__setitem__("wkt", 3.5)),
    ("demo", "fps-text", "/trajectory@fps text", lambda f: f["trajectory"].attrs.__setitem__("fps", "ten")),
    ("demo", "fps-nan", "/trajectory@fps NaN", lambda f: f["trajectory"].attrs.__setitem__("fps", NAN)),
    ("demo", "fps-array", "/trajectory@fps three values",
     lambda f: f["trajectory"].attrs.__setitem__("fps", np.array([10.0, 10.0, 10.0]))),
    ("demo", "elevation-nan", "a level's elevation NaN",
     lambda f: f["campusflow/geometry/level_0"].attrs.__setitem__("elevation", NAN)),
    ("demo", "wkt-nan", "a level's walkable area with a NaN point",
     lambda f: f["campusflow/geometry/level_0"].attrs.__setitem__("wkt", "POLYGON ((0 0, nan 0, 10 10, 0 10, 0 0))")),
    ("demo", "wkt-far", "a level's walkable area 1e300 m wide",
     lambda f: f["campusflow/geometry/level_0"].attrs.__setitem__(
         "wkt", "POLYGON ((0 0, 1e300 0, 1e300 10, 0 10, 0 0))")),
    ("demo", "soft-link", "/campusflow/agents a soft link",
     lambda f: (f.__delitem__("campusflow/agents"), f.__setitem__("campusflow/agents", h5py.SoftLink("/trajectory")))),
    ("demo", "external-link", "/trajectory an external link",
     lambda f: (f.__delitem__("trajectory"), f.__setitem__("trajectory", h5py.ExternalLink("other.h5", "/x")))),
    ("gate", "street-kind", "a street frame of kind 9",
     lambda f: set_field(f, "campusflow/street_frames", 0, "kind", 9)),
    ("gate", "street-id", "a street frame's id past the pedestrians table",
     lambda f: set_field(f, "campusflow/street_frames", 0, "id", 10**6)),
    ("gate", "street-nan", "a NaN street frame position",
     lambda f: set_field(f, "campusflow/street_frames", 2, "x", NAN)),
    ("gate", "lane-link", "a lane's link past link_names",
     lambda f: set_field(f, "campusflow/street/geometry/lanes", 0, "link", 500)),
    ("gate", "lane-nan", "a lane's NaN end", lambda f: set_field(f, "campusflow/street/geometry/lanes", 0, "x1", NAN)),
    ("gate", "vehicle-type", "a vehicle's type past vehicle_types",
     lambda f: set_field(f, "campusflow/street/vehicles", 0, "type", 12)),
]


def main():
    sources = {"demo": sys.argv[1], "gate": sys.argv[2]}
    out_dir = sys.argv[3]
    for source, name, what, change in DAMAGE:
        path = os.path.join(out_dir, name + ".h5")
        shutil.copyfile(sources[source], path)
        with h5py.File(path, "r+") as f:
            change(f)
        print(f"{path}\t{what}")
    # Not HDF5 or not whole: empty, text, cut short.
    for name, what, data in [("empty", "an empty file", b""), ("text", "a text file", b"id frame x y z\n1 0 0.5 1 0\n"),
                             ("truncated", "the demo's first 20,000 bytes", open(sources["demo"], "rb").read(20000))]:
        path = os.path.join(out_dir, name + ".h5")
        with open(path, "wb") as raw:
            raw.write(data)
        print(f"{path}\t{what}")


if __name__ == "__main__":
    main()
