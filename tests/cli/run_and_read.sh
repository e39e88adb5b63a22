#!/usr/bin/env bash
# Runs the demo through the command line and reads the result with h5py:
# the summary printed, the summary stored and the trajectory must agree.
set -euo pipefail
campusflow=$1; source_dir=$2; work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$work/demo.h5" --threads 2 --quiet | tee "$work/summary.txt"
digest=$(/usr/bin/python3 "$source_dir/tests/python/check_result.py" "$work/demo.h5")
echo "$digest"
printed=$(sed -n 's/^  evacuation time  \([0-9.]*\) s$/\1/p' "$work/summary.txt")
stored=$(/usr/bin/python3 -c "import json,sys; print('%.2f' % json.loads(sys.argv[1])['evacuation_time'])" "$digest")
[ "$printed" = "$stored" ] || { echo "printed evacuation time $printed, stored $stored"; exit 1; }
grep -q "270 spawned, 270 exited, 0 inside" "$work/summary.txt"
