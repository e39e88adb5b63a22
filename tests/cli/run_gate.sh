#!/usr/bin/env bash
# Both gate scenarios run from their files to the end: every vehicle leaves,
# every pupil reaches the gate, and the result's street tables read with h5py
# agree with each other (tests/unit/engine/check_street_result.py).
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for name in base nocar100; do
  summary=$("$campusflow" run "$source_dir/scenarios/gate/$name.json" -o "$out/$name.h5" -q)
  echo "$summary" | grep -q "(0 unfinished)" || { echo "$name: unfinished vehicles"; echo "$summary"; exit 1; }
  echo "$summary" | grep -q "all done" || { echo "$name: did not finish"; echo "$summary"; exit 1; }
  /usr/bin/python3 "$source_dir/tests/unit/engine/check_street_result.py" "$out/$name.h5"
done
