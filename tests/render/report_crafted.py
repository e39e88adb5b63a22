#!/usr/bin/python3
"""render/report/report.py on crafted result files: each case breaks one
thing of a real result (the demo drill or the gate) the way a damaged or
hostile file could. The script must refuse each with exit 2 and exactly one
line on stderr that names the file and what is wrong, never a traceback, and
write no page. A folder it cannot write into exits 1 with one line; the
unbroken results exit 0 with nothing on stderr.

The script is run directly: `campusflow report` first reads the file in C++,
which refuses some of these before the script would see them.

  report_crafted.py CAMPUSFLOW SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

campusflow, source_dir = sys.argv[1:3]
script = os.path.join(source_dir, "render", "report", "report.py")
tmp = tempfile.mkdtemp()


def run_scenario(name, scenario):
    path = os.path.join(tmp, f"{name}.h5")
    subprocess.run([campusflow, "run", os.path.join(source_dir, scenario), "-o", path, "-q"],
                   check=True, stdout=subprocess.DEVNULL)
    return path


def report(result, out, env=None):
    return subprocess.run(["/usr/bin/python3", script, result, out], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))


def heap_size_2_to_40(source, path):
    """source with the stored size of its text "campusflow-result/1" (in
    HDF5's global heap, the 8 bytes before the text) made 2^40: HDF5 1.10
    then loops for ever reading /campusflow@format."""
    data = bytearray(open(source, "rb").read())
    text = b"campusflow-result/1"
    at = data.index(text)
    assert int.from_bytes(data[at - 8:at], "little") == len(text), "the heap object's layout changed"
    data[at - 8:at] = (1 << 40).to_bytes(8, "little")
    open(path, "wb").write(data)


def set_field(ds, row, field, value):
    r = ds[row]
    r[field] = value
    ds[row] = r


def replace(group, key, data):
    del group[key]
    group[key] = data


def recreate_empty(group, key, shape, dtype):
    """key as a chunked dataset of this shape that was never written: a size
    stored in the file that reading would have to allocate."""
    del group[key]
    group.create_dataset(key, shape=shape, dtype=dtype, chunks=(1024,) + (1,) * (len(shape) - 1))


def flow_negative(f):
    flow = f["campusflow/summary/flow"]
    flow[0, 0] = -4


def exit_events_as_text(f):
    replace(f["campusflow"], "exit_events", np.array([b"west", b"east"], dtype=h5py.string_dtype()))


def time_as_text(f):
    c = f["campusflow"]
    ev = c["exit_events"][:]
    dt = np.dtype([("agent", "<i8"), ("exit", "<i4"), ("time", h5py.string_dtype())])
    crafted = np.array([(a, e, str(t)) for a, e, t in ev], dtype=dt)
    replace(c, "exit_events", crafted)


def external_link(f):
    other = os.path.join(tmp, "elsewhere.h5")
    with h5py.File(other, "w") as g:
        g["names"] = np.array([b"from another file"], dtype=h5py.string_dtype())
    del f["campusflow/group_names"]
    f["campusflow/group_names"] = h5py.ExternalLink(other, "names")


# name, base, what the line must name, the break.
CASES = [
    ("exit-index", "drill", "/campusflow/exit_events: exit is 99",
     lambda f: set_field(f["campusflow/exit_events"], 3, "exit", 99)),
    ("agent-index", "drill", "/campusflow/exit_events: agent is 1000000",
     lambda f: set_field(f["campusflow/exit_events"], 0, "agent", 10**6)),
    ("group-index", "drill", "/campusflow/classes: group is -1",
     lambda f: set_field(f["campusflow/classes"], 2, "group", -1)),
    ("nan-time", "drill", "/campusflow/exit_events: field time is nan at row 5",
     lambda f: set_field(f["campusflow/exit_events"], 5, "time", np.nan)),
    ("inf-position", "drill", "/campusflow/density: field x is inf",
     lambda f: set_field(f["campusflow/density"], 7, "x", np.inf)),
    ("nan-queue-time", "gate", "/campusflow/street/queue_time: a value is nan",
     lambda f: f["campusflow/street/queue_time"].__setitem__(10, np.nan)),
    ("negative-agents", "drill", "/campusflow/summary@agents: is -3",
     lambda f: f["campusflow/summary"].attrs.__setitem__("agents", np.int64(-3))),
    ("negative-flow", "drill", "/campusflow/summary/flow: has a negative count", flow_negative),
    ("missing-dataset", "drill", "/campusflow/summary/exit_names: is missing",
     lambda f: f["campusflow/summary"].__delitem__("exit_names")),
    ("missing-group", "gate", "/campusflow/street/vehicles: is missing",
     lambda f: f["campusflow/street"].__delitem__("vehicles")),
    ("table-as-text", "drill", "/campusflow/exit_events: has no field agent", exit_events_as_text),
    ("field-as-text", "drill", "/campusflow/exit_events: field time has type object", time_as_text),
    ("flow-rank", "drill", "/campusflow/summary/flow: has shape (26,), expected 2-D",
     lambda f: replace(f["campusflow/summary"], "flow", f["campusflow/summary/flow"][:].ravel())),
    ("queue-length", "gate", "/campusflow/street/queue_tail: has 1718 samples",
     lambda f: replace(f["campusflow/street"], "queue_tail", f["campusflow/street/queue_tail"][1:])),
    ("name-not-text", "drill", "/campusflow@scenario_name: is ndarray",
     lambda f: f["campusflow"].attrs.__setitem__("scenario_name", np.arange(3))),
    ("seed-as-text", "drill", "/campusflow@seed: is str",
     lambda f: f["campusflow"].attrs.__setitem__("seed", "forty-two")),
    ("wall-time-inf", "drill", "/campusflow@wall_time: is inf",
     lambda f: f["campusflow"].attrs.__setitem__("wall_time", np.inf)),
    ("zero-flow-bin", "drill", "/campusflow/summary@flow_bin: is 0.0",
     lambda f: f["campusflow/summary"].attrs.__setitem__("flow_bin", 0.0)),
    ("absurd-size", "drill", "/campusflow/density: has shape (1000000000000,)",
     lambda f: recreate_empty(f["campusflow"], "density", (10**12,), f["campusflow/density"].dtype)),
    ("conflict-kind", "gate", "/campusflow/street/conflicts: kind is 7",
     lambda f: set_field(f["campusflow/street/conflicts"], 0, "kind", 7)),
    ("other-format", "drill", '/campusflow@format: is "campusflow-result/9"',
     lambda f: f["campusflow"].attrs.__setitem__("format", "campusflow-result/9")),
    ("external-link", "drill", "/campusflow/group_names: is a link (ExternalLink)", external_link),
]


def main():
    base = {"drill": run_scenario("drill", "scenarios/demo/demo.json"),
            "gate": run_scenario("gate", "scenarios/gate/base.json")}
    failures = []

    def check(case, got, want_rc, want_text):
        lines = got.stderr.splitlines()
        problem = None
        if got.returncode != want_rc:
            problem = f"exit {got.returncode}, expected {want_rc}"
        elif "Traceback" in got.stderr or len(lines) != 1:
            problem = f"expected one line on stderr, got {len(lines)}"
        elif want_text not in lines[0]:
            problem = f"the line does not contain {want_text!r}"
        print(f"{case}: {'ok' if problem is None else 'FAIL: ' + problem}: {got.stderr.strip()[-2000:]}")
        if problem:
            failures.append(case)

    # The unbroken results: reported, quietly.
    for kind, path in base.items():
        got = report(path, os.path.join(tmp, f"{kind}-page"))
        if got.returncode != 0 or got.stderr:
            failures.append(f"valid {kind}")
        print(f"valid {kind}: exit {got.returncode} {got.stderr.strip()}")

    for case, kind, want, crafted in CASES:
        path = os.path.join(tmp, f"{case}.h5")
        shutil.copy(base[kind], path)
        with h5py.File(path, "r+") as f:
            crafted(f)
        out = os.path.join(tmp, f"{case}-page")
        check(case, report(path, out), 2, f"{path}: {want}")
        if os.path.exists(os.path.join(out, "index.html")):
            failures.append(f"{case} wrote a page")

    # Files that are not results at all.
    empty, truncated, text = (os.path.join(tmp, n) for n in ("empty.h5", "truncated.h5", "text.h5"))
    open(empty, "wb").close()
    with open(base["drill"], "rb") as f, open(truncated, "wb") as g:
        g.write(f.read(20000))
    with open(text, "w") as f:
        f.write("not a result\n")
    for path in (empty, truncated, text):
        check(os.path.basename(path), report(path, os.path.join(tmp, "none")), 2, f"{path}: is not an HDF5 file")
    # A file HDF5 never finishes reading: stopped after the read limit.
    looping = os.path.join(tmp, "heap-size.h5")
    heap_size_2_to_40(base["drill"], looping)
    check("heap-size", report(looping, os.path.join(tmp, "none"), {"CAMPUSFLOW_REPORT_READ_SECONDS": "5"}), 2,
          f"{looping}: reading took more than 5 s")
    check("missing file", report(os.path.join(tmp, "no.h5"), os.path.join(tmp, "none")), 2, "does not exist")

    # Writing fails: exit 1, one line. The output "folder" is a file; a
    # picture's name leads to /dev/full, where every write finds the disk full.
    blocker = os.path.join(tmp, "a-file")
    open(blocker, "w").close()
    check("output not a folder", report(base["drill"], blocker), 1, "could not write the report")
    full = os.path.join(tmp, "full")
    os.mkdir(full)
    os.symlink("/dev/full", os.path.join(full, "evacuation.png"))
    check("disk full", report(base["drill"], full), 1, "No space left on device")

    print(f"{len(CASES) + 5} crafted or unreadable files, {len(failures)} failures")
    return 1 if failures else 0


try:
    sys.exit(main())
finally:
    shutil.rmtree(tmp)
