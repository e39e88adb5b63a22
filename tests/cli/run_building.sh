#!/usr/bin/env bash
# Runs the kindergarten (two storeys, stairs, an assembly point, classes led
# by teachers) through the command line and checks its building results with
# h5py: places, passages, flow bins, roll call and density maps agree.
set -euo pipefail
campusflow=$1; source_dir=$2; work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$campusflow" run "$source_dir/scenarios/kindergarten/kindergarten.json" -o "$work/k.h5" --threads 2 --quiet | tee "$work/summary.txt"
grep -q "186 spawned, 186 exited, 0 inside" "$work/summary.txt"
/usr/bin/python3 "$source_dir/tests/python/check_building_result.py" "$work/k.h5"
