#!/usr/bin/env python3
"""check_export.py RESULT DIR [CLASS]: the CSV files `campusflow export` wrote
into DIR hold exactly what RESULT holds: every /trajectory row with equal
values (and time = frame / fps), every agent row, the summary's figures,
the classes' times by name and, with a street, every vehicle. With CLASS,
a class of that name must be in classes.csv and agents.csv, guarded against
formula injection (a leading apostrophe) where it starts with = + - @."""
import csv
import os
import sys

import h5py


def rows(path):
    # RFC 4180 files: newline="" lets the csv module see quoted line breaks.
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    return table[0], table[1:]


def fail(message):
    sys.exit("FAIL: " + message)


def as_csv_text(name):
    return "'" + name if name[:1] in ("=", "+", "-", "@", "\t", "\r") else name


def main():
    result, folder = sys.argv[1], sys.argv[2]
    wanted_class = sys.argv[3] if len(sys.argv) > 3 else None
    left = [n for n in os.listdir(folder) if n.endswith(".partial")]
    if left:
        fail(f"temporary files left in {folder}: {left}")
    with h5py.File(result, "r") as f:
        cf = f["campusflow"]
        traj = f["trajectory"][:]
        fps = f["trajectory"].attrs["fps"]
        header, body = rows(os.path.join(folder, "trajectory.csv"))
        if header != ["id", "frame", "time", "x", "y", "z"]:
            fail(f"trajectory.csv header {header}")
        if len(body) != len(traj):
            fail(f"trajectory.csv has {len(body)} rows, /trajectory {len(traj)}")
        for k, (r, t) in enumerate(zip(body, traj)):
            if (int(r[0]), int(r[1])) != (int(t["id"]), int(t["frame"])) or \
               (float(r[3]), float(r[4]), float(r[5])) != (float(t["x"]), float(t["y"]), float(t["z"])) or \
               float(r[2]) != int(t["frame"]) / fps:
                fail(f"trajectory.csv row {k}: {r} differs from {t}")

        groups = [g.decode() if isinstance(g, bytes) else g for g in cf["group_names"].asstr()[:]]
        profiles = list(cf["profile_names"].asstr()[:])
        agents = cf["agents"][:]
        header, body = rows(os.path.join(folder, "agents.csv"))
        if len(body) != len(agents):
            fail(f"agents.csv has {len(body)} rows, /campusflow/agents {len(agents)}")
        floats = ["radius", "desired_speed", "pre_movement", "spawn_x", "spawn_y"]
        for k, (r, a) in enumerate(zip(body, agents)):
            cell = dict(zip(header, r))
            for field in ["id", "group", "level", "profile"]:
                if int(cell[field]) != int(a[field]):
                    fail(f"agents.csv row {k}: {field} {cell[field]} != {a[field]}")
            for field in floats:
                if float(cell[field]) != float(a[field]):
                    fail(f"agents.csv row {k}: {field} {cell[field]} != {a[field]}")
            if cell["class"] != as_csv_text(groups[a["group"]]):
                fail(f"agents.csv row {k}: class {cell['class']!r}, expected {groups[a['group']]!r}")
            if cell["profile_name"] != as_csv_text(profiles[a["profile"]]):
                fail(f"agents.csv row {k}: profile_name {cell['profile_name']!r}")

        _, body = rows(os.path.join(folder, "summary.csv"))
        summary = {r[0]: r[1] for r in body}
        s = cf["summary"].attrs
        for name in ["evacuation_time", "walking_bound", "capacity_bound", "peak_density", "simulated_time"]:
            if float(summary[name]) != float(s[name]):
                fail(f"summary.csv {name} {summary[name]} != {s[name]!r}")
        for name in ["agents", "exited", "pupils", "stuck_episodes"]:
            if int(summary[name]) != int(s[name]):
                fail(f"summary.csv {name} {summary[name]} != {s[name]}")
        for name, count in zip(cf["summary/exit_names"].asstr()[:], cf["summary/exit_counts"][:]):
            if int(summary["exit_count:" + name]) != int(count):
                fail(f"summary.csv exit_count:{name} {summary['exit_count:' + name]} != {count}")

        header, body = rows(os.path.join(folder, "classes.csv"))
        classes = cf["classes"][:]
        if len(body) != len(classes):
            fail(f"classes.csv has {len(body)} rows, /campusflow/classes {len(classes)}")
        for r, c in zip(body, classes):
            if r[0] != as_csv_text(groups[c["group"]]) or \
               [float(x) for x in r[2:5]] != [float(c["start"]), float(c["cleared"]), float(c["assembled"])]:
                fail(f"classes.csv row {r} differs from {c} ({groups[c['group']]!r})")
        if wanted_class is not None and as_csv_text(wanted_class) not in [r[0] for r in body]:
            fail(f"class {wanted_class!r} not in classes.csv: {[r[0] for r in body]}")

        if "street" in cf:
            vehicles = cf["street/vehicles"][:]
            header, body = rows(os.path.join(folder, "vehicles.csv"))
            if len(body) != len(vehicles):
                fail(f"vehicles.csv has {len(body)} rows, street/vehicles {len(vehicles)}")
            for k, (r, v) in enumerate(zip(body, vehicles)):
                cell = dict(zip(header, r))
                for field in ["depart", "arrival", "delay", "distance"]:
                    if float(cell[field]) != float(v[field]):
                        fail(f"vehicles.csv row {k}: {field} {cell[field]} != {v[field]}")
            if float(summary["street_vehicles"]) != len(vehicles):
                fail("summary.csv street_vehicles")
        elif os.path.exists(os.path.join(folder, "vehicles.csv")):
            fail("vehicles.csv without a street")
    print(f"{folder}: {len(traj)} trajectory rows, {len(agents)} agents, {len(classes)} classes agree with {result}")


main()
