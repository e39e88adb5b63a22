#!/usr/bin/python3
"""The safety net under every shipped scenario: runs each one named in
pins.json (beside this script) with its pinned seed and compares the result
with the pins: the state hash (positions, velocities, statuses and exit times
of every agent and, with a street, every vehicle) and the key figures a user
reads. Any difference fails, naming the scenario, the figure, the pinned and
the new value.

An intended change of results updates the pins in the same commit
(--update rewrites pins.json from the new runs) and says why in
docs/changes.md.

usage: check_pins.py CAMPUSFLOW SOURCE_DIR [--update] [--only SUBSTRING]
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import h5py

PINS = pathlib.Path(__file__).with_name("pins.json")
# Figures from /campusflow/summary; floats are compared exactly (as written
# with repr), since the run is bit-for-bit deterministic.
FIGURES = ["outcome", "evacuation_time", "agents", "exited", "simulated_time", "walking_bound", "capacity_bound",
           "peak_density", "stuck_episodes", "reroutes"]


def text(value):
    return value.decode() if isinstance(value, bytes) else value


def measure(campusflow, source, scenario, seed, out_dir):
    out = pathlib.Path(out_dir) / "pin.h5"
    run = subprocess.run([campusflow, "run", str(source / scenario), "-o", str(out), "--seed", str(seed),
                          "--threads", "2", "-q"], capture_output=True, text=True)
    if run.returncode not in (0, 3):  # 3: ran to the end, INCOMPLETE (pinned as such)
        sys.exit(f"{scenario}: campusflow run exited {run.returncode}\n{run.stdout}{run.stderr}")
    with h5py.File(out, "r") as f:
        s = f["campusflow/summary"].attrs
        figures = {"exit_code": run.returncode, "state_hash": f"{int(s['state_hash']):016x}"}
        for name in FIGURES:
            v = s[name]
            figures[name] = text(v) if isinstance(v, (bytes, str)) else v.item()
        return figures


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    campusflow, source = args[0], pathlib.Path(args[1])
    update = "--update" in args
    only = args[args.index("--only") + 1] if "--only" in args else ""
    pins = json.loads(PINS.read_text())
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for scenario, pinned in pins.items():
            if only not in scenario:
                continue
            new = measure(campusflow, source, scenario, pinned["seed"], tmp)
            if update:
                pins[scenario] = {"seed": pinned["seed"], **new}
                print(f"{scenario}: pinned {new['state_hash']}")
                continue
            for key, value in new.items():
                if pinned.get(key) != value:
                    failures.append(f"{scenario} (seed {pinned['seed']}): {key} is {value!r}, pinned {pinned.get(key)!r}")
            print(f"{scenario}: {'ok' if not failures else 'checked'} ({new['outcome']}, hash {new['state_hash']})")
    if update:
        PINS.write_text(json.dumps(pins, indent=2) + "\n")
        return
    for f in failures:
        print(f)
    if failures:
        sys.exit(f"{len(failures)} pinned figures differ: an intended change updates tests/pins/pins.json "
                 "(check_pins.py --update) and says why in docs/changes.md")
    print(f"{sum(only in s for s in pins)} scenarios match their pins")


if __name__ == "__main__":
    main()
