#!/usr/bin/env bash
# Remakes the result harness's seeds (fuzz/corpus/fuzz_result/seed-*.h5):
# small but complete results of a release build, one of each kind a reader
# meets: one floor, floors joined by a stair (flights, density samples), and
# the gate's street (vehicles, street frames, geometry).
# fuzz/make_result_seeds.sh build/release/app/campusflow
set -euo pipefail
campusflow=$1
here=$(cd "$(dirname "$0")" && pwd); src=$(dirname "$here")
out="$here/corpus/fuzz_result"; work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cat >"$work/room.json" <<'JSON'
{"format": "campusflow-scenario/1", "name": "room",
 "settings": {"output_fps": 2},
 "levels": [{"name": "room", "outline": [[0, 0], [8, 0], [8, 6], [0, 6]],
             "exits": [{"name": "door", "segment": [[8, 2], [8, 3.2]]}]}],
 "groups": [{"name": "class", "level": "room", "count": 4, "spawn": [[1, 1], [4, 1], [4, 5], [1, 5]]}]}
JSON
# The gate's first ten seconds of demand instead of twenty.
sed -e 's/"to": 1200/"to": 10/g' "$src/scenarios/gate/base.json" >"$work/gate.json"
"$campusflow" run "$work/room.json" -o "$out/seed-room.h5" -q
"$campusflow" run "$src/scenarios/warnings/exit-beside-stair.json" -o "$out/seed-stair.h5" -q
"$campusflow" run "$work/gate.json" -o "$out/seed-gate.h5" -q
ls -l "$out"/seed-*.h5
