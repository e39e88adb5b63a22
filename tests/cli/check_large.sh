#!/usr/bin/env bash
# `campusflow check` finds clashing obstacles however far apart they are in
# the list: in a generated hall of 5,000 obstacles (bench/large_inputs.py
# --overlap) the last two clash with obstacle 0 (overlapping it and obstacle 1)
# and with obstacle 2,500 (touching it at a corner only). The spatial index
# behind the check must report each against the earliest obstacle it meets,
# with the same words as the loop over every obstacle did.
set -uo pipefail
campusflow=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
python3 "$source_dir/bench/large_inputs.py" --obstacles 5000 --overlap -o large.json || exit 1
expected='large.json: levels[0].obstacles[5000]: overlaps or touches levels[0].obstacles[0]
large.json: levels[0].obstacles[5001]: overlaps or touches levels[0].obstacles[2500]
2 errors'
actual=$(timeout 20 "$campusflow" check large.json 2>&1 >/dev/null); rc=$?
if [ "$rc" -ne 2 ]; then echo "exit code $rc, expected 2"; exit 1; fi
if [ "$actual" != "$expected" ]; then diff <(echo "$expected") <(echo "$actual"); exit 1; fi
echo "both clashes reported"
