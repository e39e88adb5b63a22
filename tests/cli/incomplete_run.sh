#!/usr/bin/env bash
# A deliberately impossible plan: the only door out of the room is shut at
# 5 s and never opened. The run must say INCOMPLETE on its first line, list
# the 30 pupils where they are (near "middle door", stuck since their
# pre-movement ended at 10 s, because of the closed place), record their
# episodes in /campusflow/stuck, and exit 3.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
set +e
"$campusflow" run "$source_dir/tests/cli/data/closed-door-trap.json" -o "$out/trap.h5" -q > "$out/summary.txt"
rc=$?
set -e
cat "$out/summary.txt"
[ "$rc" -eq 3 ] || { echo "exit $rc, expected 3 (INCOMPLETE)"; exit 1; }
head -n 1 "$out/summary.txt" | grep -q '^INCOMPLETE: closed-door-trap .*: 30 of 30 agents not safe at 120.0 s (the time limit)$' ||
  { echo "first line does not say INCOMPLETE with the count"; exit 1; }
grep -q '^  not safe         30 on "ground" near "middle door", 30 stuck since 10.0 s (closed place)$' "$out/summary.txt" ||
  { echo "the stuck pupils are not listed at the door"; exit 1; }
/usr/bin/python3 - "$out/trap.h5" <<'PY'
import sys
import h5py
with h5py.File(sys.argv[1], "r") as f:
    s = f["campusflow/summary"].attrs
    assert s["outcome"] == "INCOMPLETE", s["outcome"]
    stuck = f["campusflow/stuck"]
    text = lambda v: v.decode() if isinstance(v, bytes) else v
    # One open episode per pupil, all at the door, all since 10 s (the end of
    # their pre-movement), found 60 s later.
    assert len(stuck["agent"]) == 30, len(stuck["agent"])
    assert sorted(stuck["agent"][:]) == list(range(30))
    assert all(text(p) == "middle door" for p in stuck["place"][:])
    assert all(text(c) == "closed place" for c in stuck["cause"][:])
    assert (stuck["until"][:] == -1).all() and (stuck["since"][:] == 10.0).all()
    # Everyone stands in the west room, west of the wall at x = 10 m.
    assert (stuck["x"][:] < 10.0).all()
print("INCOMPLETE run reported with its 30 stuck pupils, exit 3")
PY
