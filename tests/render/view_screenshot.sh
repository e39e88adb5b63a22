#!/usr/bin/env bash
# The viewer in a real X server (Xvfb): opens the demo's result, advances the
# clock 10 s frame by frame, saves a screenshot, and every agent must be drawn
# where the HDF5 file has it (check_pixels.py).
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
xvfb-run -a -s "-screen 0 1600x1000x24" "$campusflow" view "$out/demo.h5" --size 1280x800 \
  --advance 10 --screenshot "$out/shot.png"
/usr/bin/python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['time']; assert abs(t-10)<1e-6, t" "$out/shot.png.json"
/usr/bin/python3 "$source_dir/tests/render/check_pixels.py" "$out/shot.png" "$out/shot.png.json" "$out/demo.h5"
