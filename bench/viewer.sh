#!/usr/bin/env bash
# The viewer's frame rate with 5,000 agents on screen: runs
# bench/scenarios/hall5000.json (60 s, everyone inside throughout) and draws
# 600 frames of its replay as fast as the viewer can, in a 1280x800 window.
# Without a display it runs under xvfb-run, i.e. Mesa's software renderer:
# a lower bound for any machine with a graphics card.
#   bash bench/viewer.sh [BIN]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
campusflow=${1:-$root/build/release/app/campusflow}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$campusflow" run "$root/bench/scenarios/hall5000.json" -o "$work/hall.h5" -q >/dev/null
run=("$campusflow" view "$work/hall.h5" --size 1280x800 --benchmark 600)
if [ -z "${DISPLAY:-}" ]; then run=(xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"); fi
"${run[@]}" 2>/dev/null | grep frames
