#!/usr/bin/env python3
"""Checks a replay picture against the result it shows: every pedestrian the
HDF5 file has in that frame on that level must be drawn at its position in
its profile's colour, and floor away from everyone must not be.

  check_pixels.py IMAGE.png INFO.json RESULT.h5

INFO.json is what `campusflow view --screenshot` or `campusflow render --info`
wrote: the frame, the level, and how world metres map to pixels (the centre
of the viewport and pixels per metre); positions come from /trajectory."""
import json
import sys

import h5py
import matplotlib.image as mpimg
import numpy as np

image_path, info_path, result_path = sys.argv[1:4]
img = (mpimg.imread(image_path)[:, :, :3] * 255.0 + 0.5).astype(int)
info = json.load(open(info_path))
h, w = img.shape[:2]
vx, vy, vw, vh = info.get("viewport", [0, 0, info["width"], info["height"]])
scale, (cx, cy) = info["pixels_per_metre"], info["centre"]
colours = np.array(info["profile_colours"])


def to_pixel(x, y):
    return vx + vw / 2 + (x - cx) * scale, vy + vh / 2 - (y - cy) * scale


# The text panel (top left) and the seek bar (bottom) cover the scene.
def covered(px, py):
    return (px < 270 and py < 280) or py > h - 30


with h5py.File(result_path, "r") as f:
    traj = f["trajectory"][:]
    agents = f["campusflow/agents"][:]
    elevation = float(info["elevation"])
rows = traj[(traj["frame"] == info["frame"]) & (np.abs(traj["z"] - elevation) < 0.5)]
assert len(rows) >= 20, f"only {len(rows)} agents in frame {info['frame']}: pick a busier time"
checked, wrong = 0, []
for r in rows:
    px, py = to_pixel(r["x"], r["y"])
    ix, iy = int(np.floor(px)), int(np.floor(py))
    if not (2 <= ix < w - 2 and 2 <= iy < h - 2) or covered(ix, iy):
        continue
    want = colours[agents["profile"][r["id"]]]
    checked += 1
    if np.abs(img[iy, ix] - want).max() > 3:
        wrong.append((int(r["id"]), ix, iy, img[iy, ix].tolist(), want.tolist()))
print(f"{checked} agents checked at their pixels, {len(wrong)} not in their profile's colour")
assert checked >= 20, "too few agents on screen to check"
assert len(wrong) <= 0.05 * checked, f"agents not drawn where the result has them: {wrong[:10]}"

# Control: floor pixels at least 1.5 m from every agent carry no profile colour.
rng = np.random.default_rng(1)
xy = np.c_[rows["x"], rows["y"]]
bad, tried = 0, 0
for _ in range(4000):
    px, py = rng.uniform(0, w), rng.uniform(0, h)
    if covered(px, py):
        continue
    x, y = cx + (px - vx - vw / 2) / scale, cy - (py - vy - vh / 2) / scale
    if np.min(np.hypot(xy[:, 0] - x, xy[:, 1] - y)) < 1.5:
        continue
    tried += 1
    bad += bool((np.abs(colours - img[int(py), int(px)]).max(axis=1) <= 3).any())
print(f"{tried} pixels away from agents, {bad} in a profile colour")
assert tried >= 100 and bad <= 0.01 * tried, "agents drawn where the result has none"
