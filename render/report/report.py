#!/usr/bin/env python3
"""campusflow's run report: one HTML page with a summary table and plots,
for a drill (evacuation curve, classes, flows at doors and stairs, density
at the worst place, the heatmaps) and for gate traffic (queues, drop-offs
per 5 minutes, delays, walking distances, conflicts).

  report.py RESULT.h5 OUT_DIR      (run by `campusflow report`, which has
                                    already drawn OUT_DIR/heatmaps/)

Plots are matplotlib (Agg, no display), Debian's python3-matplotlib under
/usr/bin/python3; why in docs/report.md. The page links its pictures as
files beside it, so the folder opens from disk and can be zipped and sent.

The result file is untrusted input (it may come from anyone, or be damaged):
everything is read and checked before anything is drawn, names are shown as
plain text in the plots and escaped in the page. A file that cannot be
reported on exits 2, a failure while writing exits 1, each with one line on
stderr (docs/report.md)."""
import html
import json
import math
import multiprocessing
import os
import sys
import warnings

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import font_manager  # noqa: E402

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
# Names come from the scenario's author: "$" must not start mathtext (a name
# like "$\frac{$" would stop the report with a parse error).
plt.rcParams.update({"figure.dpi": 100, "font.size": 10, "axes.grid": True, "grid.alpha": 0.3,
                     "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO), "text.parse_math": False})
# Names may be in any script: matplotlib (3.6) falls back along font.family
# glyph by glyph, so a CJK font is listed where one is installed. Where none
# is, such names show as boxes, and the warning per glyph is not repeated.
_CJK = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Droid Sans Fallback"]
_installed = {f.name for f in font_manager.fontManager.ttflist}
plt.rcParams["font.family"] = ["DejaVu Sans"] + [n for n in _CJK if n in _installed]
warnings.filterwarnings("ignore", message="Glyph .* missing from")

RESULT_FORMAT = "campusflow-result/1"
# Limits far above any school: a file past them is crafted or damaged, and
# reading it would exhaust memory or draw a picture no one can read.
MAX_DATASET_BYTES = 1 << 30
MAX_NAMES = 100_000
MAX_CLASSES = 1000
MAX_APPROACHES = 100
NAME_CHARS = 100
# HDF5 (1.10) can loop for ever on a damaged file (one wrong byte in the size
# of a text in its global heap is enough), holding the interpreter, so the
# file is read in a child process that is stopped after this many seconds
# (CAMPUSFLOW_REPORT_READ_SECONDS). A result within the limits above reads in a few.
READ_SECONDS = 300.0


class BadInput(Exception):
    """The result (or the heatmap index beside the page) cannot be reported on."""


def bad(obj, what, attr=None):
    """BadInput naming the file and the group or dataset, or its attribute."""
    return BadInput(f"{obj.file.filename}: {obj.name}{'@' + attr if attr else ''}: {what}")


def name(x):
    """A name from the file as one line of plain text, at most NAME_CHARS long:
    it must not break a table row or a message, nor stretch a plot."""
    s = x.decode("utf-8", "replace") if isinstance(x, bytes) else str(x)
    # h5py keeps undecodable bytes as lone surrogates, which cannot be written as UTF-8.
    s = s.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    s = "".join(ch if ch.isprintable() else " " for ch in s)
    return s if len(s) <= NAME_CHARS else s[:NAME_CHARS - 1] + "…"


def legend_label(s):
    # matplotlib leaves labels starting with "_" out of legends.
    return " " + s if s.startswith("_") else s


def legend(ax, **kw):
    # A legend of nothing (no approach, no pupil on foot) is a warning on stderr.
    if ax.get_legend_handles_labels()[0]:
        ax.legend(**kw)


# --- reading, every value checked -------------------------------------------

def child(group, key, kind, optional=False):
    """group[key] as a Group or Dataset, stored in this file (a link could make
    h5py open another file, or loop)."""
    where = f"{group.name.rstrip('/')}/{key}"
    try:
        link = group.get(key, getlink=True)
        obj = group[key] if isinstance(link, h5py.HardLink) else None
    except Exception as e:  # whatever h5py cannot follow is a damaged file
        raise BadInput(f"{group.file.filename}: {where}: cannot be read ({one_line(e)})")
    if link is None and optional:
        return None
    if link is None:
        raise BadInput(f"{group.file.filename}: {where}: is missing")
    if not isinstance(link, h5py.HardLink):
        raise BadInput(f"{group.file.filename}: {where}: is a link ({type(link).__name__}), not stored in this file")
    if not isinstance(obj, kind):
        raise bad(obj, f"is not a {'group' if kind is h5py.Group else 'dataset'}")
    return obj


def shaped(ds, ranks, to_read=True):
    """ds's shape, of one of the ranks, and, when it is to be read, a size
    that fits in memory (the trajectory is only counted, so it may be large)."""
    try:
        shape, dtype = ds.shape, ds.dtype
    except Exception as e:
        raise bad(ds, f"cannot be read ({e})")
    if shape is None or len(shape) not in ranks:
        raise bad(ds, f"has shape {shape}, expected {' or '.join(f'{r}-D' for r in ranks)}")
    if to_read and math.prod(shape) * dtype.itemsize > MAX_DATASET_BYTES:
        raise bad(ds, f"has shape {shape}, {math.prod(shape) * dtype.itemsize} bytes: "
                      f"more than {MAX_DATASET_BYTES} (damaged or not a campusflow result)")
    return shape


def load(ds):
    try:
        return ds[()]
    except Exception as e:
        raise bad(ds, f"cannot be read ({e})")


def kind_ok(dtype, kind):
    """kind "int": a signed or unsigned integer; "num": any real number."""
    return dtype.shape == () and dtype.kind in ("iu" if kind == "int" else "iuf")


def check_finite(ds, what, values):
    values = np.asarray(values)
    if values.dtype.kind == "f" and not np.isfinite(values).all():
        at = tuple(int(i) for i in np.argwhere(~np.isfinite(values))[0])
        raise bad(ds, f"{what} is {values[at]} at {f'row {at[0]}' if len(at) == 1 else at}, expected a finite number")


def numbers(ds, kind, ranks=(1,)):
    """A numeric dataset, finite."""
    shaped(ds, ranks)
    if ds.dtype.names or not kind_ok(ds.dtype, kind):
        raise bad(ds, f"has type {ds.dtype}, expected {'integers' if kind == 'int' else 'numbers'}")
    data = load(ds)
    check_finite(ds, "a value", data)
    return data


def table(ds, fields):
    """A 1-D compound dataset with at least these fields ({field: kind}), finite."""
    shaped(ds, (1,))
    have = ds.dtype.names or ()
    for field, kind in fields.items():
        if field not in have:
            raise bad(ds, f"has no field {field} (fields: {', '.join(have) or 'none, type ' + str(ds.dtype)})")
        if not kind_ok(ds.dtype[field], kind):
            raise bad(ds, f"field {field} has type {ds.dtype[field]}, expected "
                          f"{'integers' if kind == 'int' else 'numbers'}")
    data = load(ds)
    for field in fields:
        check_finite(ds, f"field {field}", data[field])
    return data


def texts(ds):
    """A 1-D text dataset, as names."""
    if shaped(ds, (1,))[0] > MAX_NAMES:
        raise bad(ds, f"has {ds.shape[0]} names, more than {MAX_NAMES}")
    if h5py.check_string_dtype(ds.dtype) is None and ds.dtype.kind != "S":
        raise bad(ds, f"has type {ds.dtype}, expected text")
    return [name(x) for x in load(ds)]


def in_range(ds, field, values, low, high, what):
    """Every value in [low, high); what names the range in the message."""
    values = np.asarray(values)
    out = np.flatnonzero((values < low) | (values >= high))
    if len(out):
        raise bad(ds, f"{field} is {values[out[0]]} at row {out[0]}, {what}")


def attribute(obj, key, kind, default):
    """obj@key: kind "text", "int" or "num" (finite); default when absent."""
    try:
        if key not in obj.attrs:
            return default
        value = obj.attrs[key]
    except Exception as e:
        raise bad(obj, f"cannot be read ({e})", key)
    if kind == "text":
        if isinstance(value, (str, bytes)):
            return name(value)
        raise bad(obj, f"is {type(value).__name__} {name(value)}, expected text", key)
    if isinstance(value, np.generic) and kind_ok(value.dtype, kind):
        if not np.isfinite(value):
            raise bad(obj, f"is {value}, expected a finite number", key)
        return int(value) if kind == "int" else float(value)
    raise bad(obj, f"is {type(value).__name__} {name(value)}, expected {'an integer' if kind == 'int' else 'a number'}",
              key)


def at_least(obj, key, value, low, why=""):
    if value < low:
        raise bad(obj, f"is {value}, expected at least {low}{why}", key)
    return value


def read_run(f):
    c = child(f, "campusflow", h5py.Group)
    fmt = attribute(c, "format", "text", "")
    if fmt != RESULT_FORMAT:
        raise bad(c, f'is "{fmt}", expected "{RESULT_FORMAT}"', "format")
    status = attribute(c, "status", "text", "")
    if status != "complete":
        raise bad(c, f'is "{status}": the run did not complete', "status")
    return {"title": f"campusflow report: {attribute(c, 'scenario_name', 'text', '?')}",
            "scenario_file": attribute(c, "scenario_file", "text", ""),
            "seed": attribute(c, "seed", "int", 0), "version": attribute(c, "version", "text", ""),
            "wall_time": attribute(c, "wall_time", "num", 0.0),
            "people": shaped(child(f, "trajectory", h5py.Dataset), (1,), to_read=False)[0] > 0,
            "street": child(c, "street", h5py.Group, optional=True) is not None}


def read_drill(f):
    c = f["campusflow"]
    s = child(c, "summary", h5py.Group)
    d = {k: attribute(s, k, "num", default) for k, default in
         [("evacuation_time", -1.0), ("walking_bound", 0.0), ("capacity_bound", 0.0), ("peak_density", 0.0),
          ("peak_density_time", 0.0)]}
    d["exited"] = at_least(s, "exited", attribute(s, "exited", "int", 0), 0)
    d["flow_bin"] = attribute(s, "flow_bin", "num", 5.0)
    if d["flow_bin"] <= 0:
        raise bad(s, f"is {d['flow_bin']}, expected a positive number of seconds", "flow_bin")

    agents = shaped(child(c, "agents", h5py.Dataset), (1,), to_read=False)[0]
    d["exits"] = np.array([])
    ds = child(c, "exit_events", h5py.Dataset, optional=True)
    if ds is not None:
        ev = table(ds, {"agent": "int", "exit": "int", "time": "num"})
        exits = len(texts(child(s, "exit_names", h5py.Dataset)))
        in_range(ds, "agent", ev["agent"], 0, agents, f"beyond the {agents} rows of /campusflow/agents")
        in_range(ds, "exit", ev["exit"], 0, exits, f"beyond the {exits} exits of /campusflow/summary/exit_names")
        in_range(ds, "time", ev["time"], 0, math.inf, "before the alarm")
        d["exits"] = np.sort(ev["time"])
    d["agents"] = at_least(s, "agents", attribute(s, "agents", "int", len(d["exits"])), len(d["exits"]),
                           " (the people in /campusflow/exit_events)")

    d["classes"] = None
    ds = child(c, "classes", h5py.Dataset, optional=True)
    if ds is not None and shaped(ds, (1,))[0]:
        if ds.shape[0] > MAX_CLASSES:
            raise bad(ds, f"has {ds.shape[0]} rows, more than the {MAX_CLASSES} a report draws")
        cl = table(ds, {"group": "int", "start": "num", "cleared": "num", "assembled": "num"})
        groups = texts(child(c, "group_names", h5py.Dataset))
        in_range(ds, "group", cl["group"], 0, len(groups),
                 f"beyond the {len(groups)} names of /campusflow/group_names")
        d["classes"] = ([groups[g] for g in cl["group"]], cl)

    d["flow"] = None
    ds = child(s, "flow", h5py.Dataset, optional=True)
    if ds is not None and math.prod(shaped(ds, (2,))):
        flow = numbers(ds, "int", (2,))
        if (flow < 0).any():
            raise bad(ds, "has a negative count of passages")
        places = child(c, "places", h5py.Group)
        names = texts(child(places, "name", h5py.Dataset))
        kinds = texts(child(places, "kind", h5py.Dataset))
        if not len(names) == len(kinds) == flow.shape[1]:
            raise bad(ds, f"has {flow.shape[1]} places, /campusflow/places has {len(names)} names "
                          f"and {len(kinds)} kinds")
        d["flow"] = (flow.astype(float), names, kinds)

    d["density"] = None
    ds = child(c, "density", h5py.Dataset, optional=True)
    if ds is not None and shaped(ds, (1,))[0]:
        dens = table(ds, {"time": "num", "level": "int", "x": "num", "y": "num", "density": "num"})
        in_range(ds, "density", dens["density"], 0, math.inf, "negative")
        d["density"] = dens
    return d


def read_gate(f):
    st = f["campusflow/street"]
    v = table(child(st, "vehicles", h5py.Dataset), {"drop_off": "int", "delay": "num", "arrival": "num"})
    ds = child(st, "pedestrians", h5py.Dataset)
    p = table(ds, {"kind": "int", "arrival": "num", "distance": "num"})
    in_range(ds, "kind", p["kind"], 0, 5, "expected 0 to 4")
    d = {"vehicles": v, "pedestrians": p, "conflicts": None, "spillback": None}
    ds = child(st, "conflicts", h5py.Dataset, optional=True)
    if ds is not None:
        d["conflicts"] = table(ds, {"kind": "int", "value": "num"})
        in_range(ds, "kind", d["conflicts"]["kind"], 0, 3, "expected 0 (TTC), 1 (PET) or 2 (hard braking)")
    ds = child(st, "spillback", h5py.Dataset, optional=True)
    if ds is not None:
        d["spillback"] = table(ds, {"start": "num", "end": "num"})
    ds = child(st, "queue_time", h5py.Dataset)
    t = numbers(ds, "num")
    ds = child(st, "queue_tail", h5py.Dataset)
    tails = numbers(ds, "num", (1, 2))
    q = tails if tails.ndim == 2 else tails[:, None]
    if q.shape[0] != len(t):
        raise bad(ds, f"has {q.shape[0]} samples, /campusflow/street/queue_time has {len(t)}")
    if q.shape[1] > MAX_APPROACHES:
        raise bad(ds, f"has {q.shape[1]} approaches, more than the {MAX_APPROACHES} a report draws")
    d.update(queue_time=t, queues=q, approaches=texts(child(st, "approach_names", h5py.Dataset)))
    ds = child(st, "throughput", h5py.Dataset)
    d["throughput"] = table(ds, {"bin_start": "num", "drop_offs": "int"})
    in_range(ds, "drop_offs", d["throughput"]["drop_offs"], 0, math.inf, "negative")
    return d


HEATMAP_KINDS = {"max-density": "highest density", "above-2": "time above 2 P/m²",
                 "above-4": "time above 4 P/m²", "passages": "people who passed",
                 "queue-occupancy": "share of the time a queued vehicle stood on each 5 m of lane"}


def read_heatmaps(out):
    """(picture, caption) per map of OUT/heatmaps/heatmaps.json (written by
    campusflow report; its level names come from the result), None without it."""
    index = os.path.join(out, "heatmaps", "heatmaps.json")
    if not os.path.exists(index):
        return None
    try:
        with open(index, encoding="utf-8") as f:
            maps = json.load(f)["maps"]
        pictures = []
        for m in maps:
            file, top, top_value = m["file"], m["scale_top"], m["max"]
            # The page links the picture: one file name inside heatmaps/, nowhere else.
            if not isinstance(file, str) or os.path.basename(file) != file or file in ("", ".", ".."):
                raise ValueError(f"file {name(file)!r} is not a file name")
            if not all(isinstance(x, (int, float)) and math.isfinite(x) for x in (top, top_value)):
                raise ValueError("scale_top and max must be finite numbers")
            pictures.append((f"heatmaps/{file}", f"{name(m['level_name'])}: {HEATMAP_KINDS[m['kind']]} (colour "
                                                 f"scale 0 to {top:g} {name(m['unit'])}; largest {top_value:g})."))
        return pictures
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise BadInput(f"{index}: not a heatmap index campusflow wrote ({type(e).__name__}: {e})")


def open_hdf5(path):
    """The file, open for reading; BadInput when it is missing or not HDF5 (both report scripts)."""
    try:
        return h5py.File(path, "r")
    except FileNotFoundError:
        raise BadInput(f"{path}: does not exist")
    except Exception as e:
        raise BadInput(f"{path}: is not an HDF5 file, or is damaged or truncated ({e})")


def read(result, out):
    """Everything the page shows, checked; BadInput for a file that cannot be reported on."""
    with open_hdf5(result) as f:
        data = read_run(f)
        data["drill"] = read_drill(f) if data["people"] else None
        data["gate"] = read_gate(f) if data["street"] else None
    data["heatmaps"] = read_heatmaps(out)
    return data


def read_in_time(result, out, seconds):
    """read() in a child process, stopped after so many seconds."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        try:
            return pool.apply_async(read, (result, out)).get(seconds)
        except multiprocessing.TimeoutError:
            raise BadInput(f"{result}: reading took more than {seconds:g} s: the file is damaged "
                           f"(CAMPUSFLOW_REPORT_READ_SECONDS sets the limit)")


# --- drawing ------------------------------------------------------------------

class Page:
    def __init__(self, out):
        self.out, self.parts, self.images = out, [], []

    def heading(self, title):
        self.parts.append(f"<h2>{html.escape(title)}</h2>")

    def table(self, rows):
        body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows)
        self.parts.append(f"<table>{body}</table>")

    def figure(self, fig, name, caption):
        fig.tight_layout()
        fig.savefig(os.path.join(self.out, name))
        plt.close(fig)
        self.image(name, caption)

    def image(self, name, caption):
        self.images.append(name)
        self.parts.append(f'<figure><img src="{html.escape(name)}" alt="{html.escape(caption)}">'
                          f"<figcaption>{html.escape(caption)}</figcaption></figure>")

    def write(self, title):
        style = ("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                 "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}"
                 "th{background:#f3f3f3;font-weight:normal}img{max-width:100%}figure{margin:1.5em 0}"
                 "figcaption{color:#555;font-size:90%}")
        page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
                f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>{''.join(self.parts)}</body></html>")
        with open(os.path.join(self.out, "index.html"), "w", encoding="utf-8") as f:
            f.write(page)


def drill(d, page, heatmaps):
    page.heading("Evacuation")
    ev = d["evacuation_time"]
    page.table([("people", d["agents"]), ("left the building", d["exited"]),
                ("evacuation time", f"{ev:.1f} s" if ev >= 0 else "not everyone left"),
                ("lower bounds: walking, capacity", f"{d['walking_bound']:.1f} s, {d['capacity_bound']:.1f} s"),
                ("peak density", f"{d['peak_density']:.1f} P/m² at {d['peak_density_time']:.0f} s")])
    exits, n = d["exits"], d["agents"]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.step(np.r_[0, exits], np.r_[0, np.arange(1, len(exits) + 1)], where="post", label="out")
    ax.step(np.r_[0, exits], n - np.r_[0, np.arange(1, len(exits) + 1)], where="post", label="inside")
    ax.set_xlabel("time after the alarm [s]"), ax.set_ylabel("people"), legend(ax)
    page.figure(fig, "evacuation.png", "Evacuation curve: people out and still inside.")

    if d["classes"] is not None:
        names, cl = d["classes"]
        fig, ax = plt.subplots(figsize=(8, max(2.5, 0.25 * len(cl) + 1)))
        y = np.arange(len(cl))
        for k, (field, label) in enumerate([("start", "start"), ("cleared", "out of the building"),
                                            ("assembled", "assembled")]):
            ax.barh(y + (k - 1) * 0.27, np.where(cl[field] >= 0, cl[field], np.nan), height=0.27, label=label)
        ax.set_yticks(y, names), ax.invert_yaxis()
        ax.set_xlabel("time after the alarm [s]"), legend(ax, loc="lower right")
        page.figure(fig, "classes.png", "Each class: first released, last member out of the building, "
                                        "last member at the assembly point.")

    if d["flow"] is not None:
        flow, names, kinds = d["flow"]
        bin_s = d["flow_bin"]
        fig, ax = plt.subplots(figsize=(8, 3.5))
        busiest = np.argsort(flow.sum(axis=0))[::-1]
        shown = [p for p in busiest if kinds[p] in ("exit", "stair end", "door")][:6]
        t = (np.arange(flow.shape[0]) + 0.5) * bin_s
        for p in shown:
            ax.plot(t, flow[:, p] / bin_s, label=legend_label(f"{names[p]} ({kinds[p]})"))
        ax.set_xlabel("time [s]"), ax.set_ylabel("flow [P/s]"), legend(ax, fontsize=8)
        page.figure(fig, "flows.png", f"Flow over time at the six busiest doors, stairs and exits ({bin_s:.0f} s bins).")

    if d["density"] is not None:
        dens = d["density"]
        worst = dens[np.argmax(dens["density"])]
        here = dens[(dens["level"] == worst["level"]) & (dens["x"] == worst["x"]) & (dens["y"] == worst["y"])]
        fig, ax = plt.subplots(figsize=(8, 3))
        ax.plot(here["time"], here["density"], marker=".", lw=1)
        ax.axhline(4, color="#D55E00", ls="--", lw=1, label="4 P/m²")
        ax.set_xlabel("time [s]"), ax.set_ylabel("density [P/m²]"), legend(ax)
        page.figure(fig, "worst-density.png", f"Density over time in the 1 m cell where it peaked "
                    f"(level {int(worst['level'])}, {worst['x']:.1f}, {worst['y']:.1f} m).")
    show_heatmaps(page, heatmaps)


def show_heatmaps(page, heatmaps):
    if heatmaps is None:
        return
    page.heading("Heatmaps")
    for picture, caption in heatmaps:
        page.image(picture, caption)


def gate(d, page):
    v, p, conflicts, spill = d["vehicles"], d["pedestrians"], d["conflicts"], d["spillback"]
    drop = v[v["drop_off"] == 1]
    delays = drop["delay"][drop["delay"] >= 0]
    page.heading("Gate traffic")
    kinds = conflicts["kind"] if conflicts is not None else np.array([])
    q = d["queues"]
    page.table([("vehicles", len(v)), ("unfinished", int((v["arrival"] < 0).sum())), ("drop-offs", len(drop)),
                ("mean drop-off delay", f"{delays.mean():.1f} s" if len(delays) else "-"),
                ("longest queue", f"{np.max(q):.0f} m" if q.size else "-"),
                ("spillback", f"{(spill['end'] - spill['start']).sum():.0f} s in {len(spill)} episodes"
                 if spill is not None else "0 s in 0 episodes"),
                ("pupils and parents on foot", len(p)),
                ("conflicts: TTC ≤ 1.5 s, PET ≤ 2 s, hard braking",
                 f"{int((kinds == 0).sum())}, {int((kinds == 1).sum())}, {int((kinds == 2).sum())}")])
    names = d["approaches"]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for k in range(q.shape[1]):
        ax.plot(d["queue_time"], q[:, k], lw=1, label=legend_label(names[k] if k < len(names) else f"approach {k}"))
    ax.set_xlabel("time [s]"), ax.set_ylabel("queue tail [m]"), legend(ax)
    page.figure(fig, "queues.png", "Queue length over time per approach (vehicles slower than 2 m/s, "
                                   "gaps under 20 m, from the reference point).")
    th = d["throughput"]
    fig, ax = plt.subplots(figsize=(8, 3))
    bins, which = np.unique(th["bin_start"], return_inverse=True)
    ax.bar(bins / 60, np.bincount(which, weights=th["drop_offs"], minlength=len(bins)), width=4)
    ax.set_xlabel("5-minute bin starting at [min]"), ax.set_ylabel("drop-offs")
    page.figure(fig, "throughput.png", "Drop-offs completed per 5 minutes.")
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.hist(delays, bins=30)
    ax.set_xlabel("delay [s]"), ax.set_ylabel("cars")
    page.figure(fig, "delays.png", "Drop-off delay: travel time minus free-flow time, dwell left out.")
    fig, ax = plt.subplots(figsize=(8, 3))
    labels = ["from a car", "walk-in", "from a bus", "escorting parent"]
    for k, label in enumerate(labels):
        dist = p["distance"][(p["kind"] == k) & (p["arrival"] >= 0)]
        if len(dist):
            ax.hist(dist, bins=25, alpha=0.7, label=f"{label} (mean {dist.mean():.0f} m)")
    ax.set_xlabel("walking distance to the gate [m]"), ax.set_ylabel("people"), legend(ax)
    page.figure(fig, "walking.png", "Walking distances along the sidewalks to the gate.")
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for ax, k, label in zip(axes, range(3), ["TTC [s]", "PET [s]", "deceleration [m/s²]"]):
        vals = conflicts["value"][kinds == k] if conflicts is not None else []
        ax.hist(vals, bins=15)
        ax.set_title(f"{len(vals)} events", fontsize=9), ax.set_xlabel(label)
    page.figure(fig, "conflicts.png", "Conflicts: vehicle-vehicle time to collision, vehicle-pupil "
                                      "post-encroachment at crossings, hard braking above 4.5 m/s².")


def draw(data, out):
    page = Page(out)
    page.table([("scenario", data["scenario_file"]), ("seed", data["seed"]), ("campusflow", data["version"]),
                ("wall time", f"{data['wall_time']:.1f} s")])
    if data["drill"] is not None:
        drill(data["drill"], page, data["heatmaps"])
    if data["gate"] is not None:
        gate(data["gate"], page)
        if data["drill"] is None:
            show_heatmaps(page, data["heatmaps"])
    page.write(data["title"])
    return page


def one_line(message):
    return " ".join(str(message).split())


def run_report(script, path, out, read, draw_page):
    """The guarded steps of a report script (this one and study_report.py):
    the read time limit from $CAMPUSFLOW_REPORT_READ_SECONDS, then
    read(path, seconds) (a BadInput: exit 2; a fault of the script: exit 1),
    then draw_page(data, out) (a failure to write: exit 1), each failure said
    in one line on stderr."""
    limit = os.environ.get("CAMPUSFLOW_REPORT_READ_SECONDS", str(READ_SECONDS))
    try:
        seconds = float(limit)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds < math.inf:
        print(f"{script}: CAMPUSFLOW_REPORT_READ_SECONDS is {name(limit)!r}, expected a positive number of seconds",
              file=sys.stderr)
        return 2
    try:
        data = read(path, seconds)
    except BadInput as e:
        print(f"{script}: {one_line(e)}", file=sys.stderr)
        return 2
    except Exception as e:  # a fault of this script, not of the file: said in one line all the same
        print(f"{script}: failed reading {path}: {one_line(f'{type(e).__name__}: {e}')}", file=sys.stderr)
        return 1
    # Past this point the input is checked: what fails is writing (a folder
    # that cannot be made, a full disk) or a fault of this script.
    try:
        os.makedirs(out, exist_ok=True)
        page = draw_page(data, out)
        print(os.path.join(out, "index.html"), len(page.images), "pictures")
    except Exception as e:
        print(f"{script}: could not write the report in {out}: {one_line(f'{type(e).__name__}: {e}')}",
              file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) != 3:
        print("usage: report.py RESULT.h5 OUT_DIR", file=sys.stderr)
        return 2
    result, out = argv[1:3]
    return run_report("report.py", result, out, lambda path, seconds: read_in_time(path, out, seconds), draw)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
