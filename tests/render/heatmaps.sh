#!/usr/bin/env bash
# Heatmaps need no display (sf::Image): `render --heatmaps` runs without
# xvfb-run and writes, for the demo's floor, the highest density, the time
# above 2 and 4 P/m^2 and the passages, each a picture that is not blank,
# listed in heatmaps.json with plausible values.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
env -u DISPLAY "$campusflow" render "$out/demo.h5" --heatmaps "$out/maps" >/dev/null
/usr/bin/python3 - "$out/maps" <<'PY'
import json, os, sys
import matplotlib.image as mpimg
import numpy as np
d = sys.argv[1]
maps = json.load(open(os.path.join(d, "heatmaps.json")))["maps"]
kinds = {m["kind"]: m for m in maps if m["level"] == 0}
assert set(kinds) == {"max-density", "above-2", "above-4", "passages"}, kinds
for m in maps:
    img = mpimg.imread(os.path.join(d, m["file"]))[:, :, :3]
    colours = np.unique((img.reshape(-1, 3) * 255).astype(int), axis=0)
    print(m["file"], m["max"], m["unit"], len(colours), "colours")
    assert len(colours) >= 5, f"{m['file']} is blank"
# 270 pupils leave six classrooms through two exits: at least a class (45)
# passes one cell, nobody more than once; densities stay below 10 P/m^2.
assert 45 <= kinds["passages"]["max"] <= 270, kinds["passages"]
assert 1 <= kinds["max-density"]["max"] <= 10, kinds["max-density"]
assert kinds["above-4"]["max"] <= kinds["above-2"]["max"]
PY

# A level name with quotes and a backslash (the scenario allows them) stays
# valid JSON in heatmaps.json.
sed 's/"floor-1"/"floor \\"1\\" \\\\ west"/g' "$source_dir/scenarios/demo/demo.json" > "$out/quoted.json"
"$campusflow" run "$out/quoted.json" -o "$out/quoted.h5" -q >/dev/null
env -u DISPLAY "$campusflow" render "$out/quoted.h5" --heatmaps "$out/quoted" >/dev/null
/usr/bin/python3 -c '
import json, sys
names = {m["level_name"] for m in json.load(open(sys.argv[1]))["maps"]}
assert names == {"floor \"1\" \\ west"}, names
' "$out/quoted/heatmaps.json"
