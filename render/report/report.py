#!/usr/bin/env python3
"""campusflow's run report: one HTML page with a summary table and plots,
for a drill (evacuation curve, classes, flows at doors and stairs, density
at the worst place, the heatmaps) and for gate traffic (queues, drop-offs
per 5 minutes, delays, walking distances, conflicts).

  report.py RESULT.h5 OUT_DIR      (run by `campusflow report`, which has
                                    already drawn OUT_DIR/heatmaps/)

Plots are matplotlib (Agg, no display), Debian's python3-matplotlib under
/usr/bin/python3; why in docs/report.md. The page links its pictures as
files beside it, so the folder opens from disk and can be zipped and sent."""
import html
import json
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
plt.rcParams.update({"figure.dpi": 100, "font.size": 10, "axes.grid": True, "grid.alpha": 0.3,
                     "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO)})


def text(x):
    return x.decode() if isinstance(x, bytes) else str(x)


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


def drill(f, page):
    c = f["campusflow"]
    s = dict(c["summary"].attrs)
    page.heading("Evacuation")
    ev = float(s.get("evacuation_time", -1))
    page.table([("people", int(s.get("agents", 0))), ("left the building", int(s.get("exited", 0))),
                ("evacuation time", f"{ev:.1f} s" if ev >= 0 else "not everyone left"),
                ("lower bounds: walking, capacity", f"{float(s.get('walking_bound', 0)):.1f} s, "
                                                     f"{float(s.get('capacity_bound', 0)):.1f} s"),
                ("peak density", f"{float(s.get('peak_density', 0)):.1f} P/m² at "
                                 f"{float(s.get('peak_density_time', 0)):.0f} s")])
    exits = np.sort(c["exit_events"]["time"][:]) if "exit_events" in c else np.array([])
    fig, ax = plt.subplots(figsize=(8, 3.5))
    n = int(s.get("agents", len(exits)))
    ax.step(np.r_[0, exits], np.r_[0, np.arange(1, len(exits) + 1)], where="post", label="out")
    ax.step(np.r_[0, exits], n - np.r_[0, np.arange(1, len(exits) + 1)], where="post", label="inside")
    ax.set_xlabel("time after the alarm [s]"), ax.set_ylabel("people"), ax.legend()
    page.figure(fig, "evacuation.png", "Evacuation curve: people out and still inside.")

    if "classes" in c and len(c["classes"]):
        cl = c["classes"][:]
        names = [text(x) for x in c["group_names"][:]]
        fig, ax = plt.subplots(figsize=(8, max(2.5, 0.25 * len(cl) + 1)))
        y = np.arange(len(cl))
        for k, (field, label) in enumerate([("start", "start"), ("cleared", "out of the building"),
                                            ("assembled", "assembled")]):
            ax.barh(y + (k - 1) * 0.27, np.where(cl[field] >= 0, cl[field], np.nan), height=0.27, label=label)
        ax.set_yticks(y, [names[g] for g in cl["group"]]), ax.invert_yaxis()
        ax.set_xlabel("time after the alarm [s]"), ax.legend(loc="lower right")
        page.figure(fig, "classes.png", "Each class: first released, last member out of the building, "
                                        "last member at the assembly point.")

    if "summary/flow" in c and c["summary/flow"].size:
        flow = c["summary/flow"][:].astype(float)
        bin_s = float(s.get("flow_bin", 5.0))
        names = [text(x) for x in c["places/name"][:]]
        kinds = [text(x) for x in c["places/kind"][:]]
        fig, ax = plt.subplots(figsize=(8, 3.5))
        busiest = np.argsort(flow.sum(axis=0))[::-1]
        shown = [p for p in busiest if kinds[p] in ("exit", "stair end", "door")][:6]
        t = (np.arange(flow.shape[0]) + 0.5) * bin_s
        for p in shown:
            ax.plot(t, flow[:, p] / bin_s, label=f"{names[p]} ({kinds[p]})")
        ax.set_xlabel("time [s]"), ax.set_ylabel("flow [P/s]"), ax.legend(fontsize=8)
        page.figure(fig, "flows.png", f"Flow over time at the six busiest doors, stairs and exits ({bin_s:.0f} s bins).")

    if "density" in c and len(c["density"]):
        d = c["density"][:]
        worst = d[np.argmax(d["density"])]
        here = d[(d["level"] == worst["level"]) & (d["x"] == worst["x"]) & (d["y"] == worst["y"])]
        fig, ax = plt.subplots(figsize=(8, 3))
        ax.plot(here["time"], here["density"], marker=".", lw=1)
        ax.axhline(4, color="#D55E00", ls="--", lw=1, label="4 P/m²")
        ax.set_xlabel("time [s]"), ax.set_ylabel("density [P/m²]"), ax.legend()
        page.figure(fig, "worst-density.png", f"Density over time in the 1 m cell where it peaked "
                    f"(level {int(worst['level'])}, {worst['x']:.1f}, {worst['y']:.1f} m).")
    heatmaps(page)


def heatmaps(page):
    index = os.path.join(page.out, "heatmaps", "heatmaps.json")
    if not os.path.exists(index):
        return
    page.heading("Heatmaps")
    for m in json.load(open(index))["maps"]:
        what = {"max-density": "highest density", "above-2": "time above 2 P/m²", "above-4": "time above 4 P/m²",
                "passages": "people who passed",
                "queue-occupancy": "share of the time a queued vehicle stood on each 5 m of lane"}[m["kind"]]
        page.image(f"heatmaps/{m['file']}", f"{m['level_name']}: {what} (colour scale 0 to {m['scale_top']:g} "
                                            f"{m['unit']}; largest {m['max']:g}).")


def gate(f, page):
    st = f["campusflow/street"]
    v, p = st["vehicles"][:], st["pedestrians"][:]
    conflicts = st["conflicts"][:] if "conflicts" in st else np.array([])
    drop = v[v["drop_off"] == 1]
    delays = drop["delay"][drop["delay"] >= 0]
    page.heading("Gate traffic")
    kinds = conflicts["kind"] if len(conflicts) else np.array([])
    spill = st["spillback"][:] if "spillback" in st else np.array([])
    tails = st["queue_tail"][:]
    page.table([("vehicles", len(v)), ("unfinished", int((v["arrival"] < 0).sum())), ("drop-offs", len(drop)),
                ("mean drop-off delay", f"{delays.mean():.1f} s" if len(delays) else "-"),
                ("longest queue", f"{np.max(tails):.0f} m" if tails.size else "-"),
                ("spillback", f"{(spill['end'] - spill['start']).sum():.0f} s in {len(spill)} episodes"),
                ("pupils and parents on foot", len(p)),
                ("conflicts: TTC ≤ 1.5 s, PET ≤ 2 s, hard braking",
                 f"{int((kinds == 0).sum())}, {int((kinds == 1).sum())}, {int((kinds == 2).sum())}")])
    t = st["queue_time"][:]
    q = tails.reshape(len(t), -1)
    names = [text(x) for x in st["approach_names"][:]]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for k in range(q.shape[1]):
        ax.plot(t, q[:, k], lw=1, label=names[k] if k < len(names) else f"approach {k}")
    ax.set_xlabel("time [s]"), ax.set_ylabel("queue tail [m]"), ax.legend()
    page.figure(fig, "queues.png", "Queue length over time per approach (vehicles slower than 2 m/s, "
                                   "gaps under 20 m, from the reference point).")
    th = st["throughput"][:]
    fig, ax = plt.subplots(figsize=(8, 3))
    bins = sorted(set(th["bin_start"]))
    ax.bar([b / 60 for b in bins], [th["drop_offs"][th["bin_start"] == b].sum() for b in bins], width=4)
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
    ax.set_xlabel("walking distance to the gate [m]"), ax.set_ylabel("people"), ax.legend()
    page.figure(fig, "walking.png", "Walking distances along the sidewalks to the gate.")
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for ax, k, label in zip(axes, range(3), ["TTC [s]", "PET [s]", "deceleration [m/s²]"]):
        vals = conflicts["value"][kinds == k] if len(conflicts) else []
        ax.hist(vals, bins=15)
        ax.set_title(f"{len(vals)} events", fontsize=9), ax.set_xlabel(label)
    page.figure(fig, "conflicts.png", "Conflicts: vehicle-vehicle time to collision, vehicle-pupil "
                                      "post-encroachment at crossings, hard braking above 4.5 m/s².")


def main():
    result, out = sys.argv[1:3]
    os.makedirs(out, exist_ok=True)
    page = Page(out)
    with h5py.File(result, "r") as f:
        c = f["campusflow"]
        a = dict(c.attrs)
        title = f"campusflow report: {text(a.get('scenario_name', '?'))}"
        page.table([("scenario", text(a.get("scenario_file", ""))), ("seed", int(a.get("seed", 0))),
                    ("campusflow", text(a.get("version", ""))), ("wall time", f"{float(a.get('wall_time', 0)):.1f} s")])
        if f["trajectory"].shape[0] > 0:
            drill(f, page)
        if "street" in c:
            gate(f, page)
            if f["trajectory"].shape[0] == 0:
                heatmaps(page)
    page.write(title)
    print(os.path.join(out, "index.html"), len(page.images), "pictures")


if __name__ == "__main__":
    main()
