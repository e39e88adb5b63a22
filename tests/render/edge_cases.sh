#!/usr/bin/env bash
# Edge cases of view and render that must end in one clear line and exit 2
# (bad input) or 1 (failed while running), never a crash or a silent 0.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null

# expect RC NAME COMMAND...: exit status RC and one line on stderr.
expect() {
  local want=$1 name=$2; shift 2
  set +e
  msg=$("$@" 2>&1 >/dev/null)
  rc=$?
  set -e
  [ "$rc" -eq "$want" ] || { echo "$name: exit $rc, expected $want: $msg"; exit 1; }
  [ "$(echo "$msg" | grep -vc 'vertical sync')" -eq 1 ] || { echo "$name: expected one line, got: $msg"; exit 1; }
  echo "$name -> $msg"
}

# Outputs into a folder that does not exist: refused before drawing (the
# video used to die of SIGPIPE when ffmpeg could not open its file).
expect 2 "video in a missing folder" xvfb-run -a "$campusflow" render "$out/demo.h5" --video "$out/no/v.mp4" --to 1
expect 2 "png in a missing folder" xvfb-run -a "$campusflow" render "$out/demo.h5" --png "$out/no/x.png" --at 1
expect 2 "screenshot in a missing folder" xvfb-run -a "$campusflow" view "$out/demo.h5" --screenshot "$out/no/x.png"

# An ffmpeg that exits at once: campusflow reports it (no SIGPIPE) and
# leaves neither the video nor its partial file behind.
mkdir "$out/bin"
printf '#!/bin/sh\nexit 3\n' > "$out/bin/ffmpeg"
chmod +x "$out/bin/ffmpeg"
expect 1 "ffmpeg exits early" xvfb-run -a env PATH="$out/bin:$PATH" "$campusflow" render "$out/demo.h5" --video "$out/v.mp4" --to 2
[ -z "$(ls "$out" | grep '^v\.mp4')" ] || { echo "video or partial video left behind"; exit 1; }

# --info that cannot be written (a folder by that name) is refused before drawing.
mkdir "$out/info.json"
expect 2 "info not writable" xvfb-run -a "$campusflow" render "$out/demo.h5" --png "$out/x.png" --at 1 --info "$out/info.json"

# A result of a single frame (everyone at their start): its heatmaps are
# drawn (--from and --to concern frames and videos only); a video of it is
# refused, naming the times.
cp "$out/demo.h5" "$out/one.h5"
/usr/bin/python3 - "$out/one.h5" <<'PY'
import h5py, sys
f = h5py.File(sys.argv[1], "r+")
t = f["trajectory"][:]; attrs = dict(f["trajectory"].attrs); dtype = f["trajectory"].dtype
del f["trajectory"]
d = f.create_dataset("trajectory", data=t[t["frame"] == 0], dtype=dtype)
for k, v in attrs.items():
    d.attrs[k] = v
PY
env -u DISPLAY "$campusflow" render "$out/one.h5" --heatmaps "$out/one-maps" >/dev/null
[ -s "$out/one-maps/heatmaps.json" ] || { echo "no heatmaps of a one-frame result"; exit 1; }
expect 2 "video of one frame" xvfb-run -a "$campusflow" render "$out/one.h5" --video "$out/one.mp4"

# A --window beside the level (it would show nothing) is refused; one
# overlapping it is drawn.
expect 2 "render window outside the level" xvfb-run -a "$campusflow" render "$out/demo.h5" --png "$out/w.png" --at 1 --window 100,100,110,110
expect 2 "view window outside the level" xvfb-run -a "$campusflow" view "$out/demo.h5" --screenshot "$out/w.png" --window -20,-20,-10,-10
xvfb-run -a "$campusflow" render "$out/demo.h5" --png "$out/w.png" --at 1 --window -5,-5,5,5 >/dev/null
