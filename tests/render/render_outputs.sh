#!/usr/bin/env bash
# `campusflow render` off screen (Xvfb): a PNG whose agents are where the
# result has them, a folder of frames, and an MP4 that ffprobe reports as
# H.264 / yuv420p with the requested frames and duration.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
x="xvfb-run -a -s '-screen 0 1280x1024x24'"
eval "$x" "$campusflow" render "$out/demo.h5" --png "$out/t20.png" --at 20 --info "$out/t20.json" >/dev/null
/usr/bin/python3 "$source_dir/tests/render/check_pixels.py" "$out/t20.png" "$out/t20.json" "$out/demo.h5"

# 2 s at 5 frames per second: 10 frames.
eval "$x" "$campusflow" render "$out/demo.h5" --frames "$out/frames" --from 10 --to 12 --fps 5 --size 320x240 >/dev/null
n=$(ls "$out/frames" | grep -c '^frame_[0-9]\{5\}\.png$')
[ "$n" -eq 10 ] || { echo "expected 10 frames, got $n"; exit 1; }

# 8 s of replay at double speed into 4 s of video at 25 fps: 100 frames.
eval "$x" "$campusflow" render "$out/demo.h5" --video "$out/demo.mp4" --from 0 --to 8 --speed 2 --fps 25 --size 640x360 >/dev/null
[ ! -e "$out/demo.mp4.partial.mp4" ] || { echo "partial video left behind"; exit 1; }
probe=$(ffprobe -v error -select_streams v:0 -count_frames \
  -show_entries stream=codec_name,pix_fmt,width,height,nb_read_frames,avg_frame_rate:format=duration -of json "$out/demo.mp4")
/usr/bin/python3 - "$probe" <<'PY'
import json, sys
p = json.loads(sys.argv[1]); s = p["streams"][0]; d = float(p["format"]["duration"])
print(s, d)
assert s["codec_name"] == "h264" and s["pix_fmt"] == "yuv420p", s
assert (s["width"], s["height"]) == (640, 360), s
assert int(s["nb_read_frames"]) == 100, s
assert s["avg_frame_rate"] == "25/1", s
assert abs(d - 4.0) < 0.05, d
PY
