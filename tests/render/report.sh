#!/usr/bin/env bash
# `campusflow report` on the drill (four floors, two stairs, 24 classes, an
# assembly point) and on the gate:
# writes index.html, every picture the page names exists and is not blank,
# and each part of the report is there; a bad result exits 2.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/drill/drill.json" -o "$out/drill.h5" -q >/dev/null
"$campusflow" run "$source_dir/scenarios/gate/base.json" -o "$out/gate.h5" -q >/dev/null
env -u DISPLAY "$campusflow" report "$out/drill.h5" -o "$out/drill" >/dev/null
env -u DISPLAY "$campusflow" report "$out/gate.h5" -o "$out/gate" >/dev/null
/usr/bin/python3 - "$out" <<'PY'
import os, re, sys
import matplotlib.image as mpimg
import numpy as np
root = sys.argv[1]
expect = {"drill": ["evacuation.png", "classes.png", "flows.png", "worst-density.png",
                    "heatmaps/level0-above-4.png", "heatmaps/level3-passages.png"],
          "gate": ["queues.png", "throughput.png", "delays.png", "walking.png", "conflicts.png",
                   "heatmaps/level0-queue-occupancy.png"]}
for name, needed in expect.items():
    page = open(os.path.join(root, name, "index.html"), encoding="utf-8").read()
    images = re.findall(r'<img src="([^"]+)"', page)
    for n in needed:
        assert n in images, f"{name}: {n} missing from the page"
    for img in images:
        path = os.path.join(root, name, img)
        assert os.path.exists(path), f"{name}: {img} named but not written"
        pixels = mpimg.imread(path)[:, :, :3].reshape(-1, 3)
        colours = len(np.unique((pixels * 255).astype(int), axis=0))
        assert colours >= 5 and pixels.std() > 0.02, f"{name}: {img} is blank ({colours} colours)"
    assert "<table>" in page
    print(name, len(images), "pictures, all present and not blank")
PY
echo "not a result" > "$out/bad.h5"
set +e
"$campusflow" report "$out/bad.h5" -o "$out/bad" 2>/dev/null
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "bad result: exit $rc, expected 2"; exit 1; }
