#!/usr/bin/env bash
# `campusflow compare A B`: the demo with seed 1 against seed 2 prints the
# evacuation times of both files and their difference exactly as the files'
# attributes give them (read with h5py), also in --csv; a file against itself
# differs by 0 in every figure; the demo against the kindergarten warns that
# the buildings differ and lists the classes only one of them has; a
# non-result, a missing B and a --csv naming a folder exit 2 with one line.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/seed1.h5" --seed 1 -q >/dev/null
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/seed2.h5" --seed 2 -q >/dev/null
"$campusflow" run "$source_dir/scenarios/kindergarten/kindergarten.json" -o "$out/kg.h5" -q >/dev/null

"$campusflow" compare "$out/seed1.h5" "$out/seed2.h5" --csv "$out/table.csv" > "$out/seeds.txt"
cat "$out/seeds.txt"
grep -q "^A: $out/seed1.h5 .*seed 1" "$out/seeds.txt"
grep -q "^B: $out/seed2.h5 .*seed 2" "$out/seeds.txt"
if grep -q "^warning" "$out/seeds.txt"; then echo "FAIL: a warning for the same building"; exit 1; fi
/usr/bin/python3 - "$out/seed1.h5" "$out/seed2.h5" "$out/seeds.txt" "$out/table.csv" <<'PY'
import csv, sys
import h5py
a_file, b_file, printed, table = sys.argv[1:]
a = h5py.File(a_file, "r")["campusflow/summary"].attrs["evacuation_time"]
b = h5py.File(b_file, "r")["campusflow/summary"].attrs["evacuation_time"]
assert a != b, "seeds 1 and 2 should differ"
line = next(l for l in open(printed) if l.split()[:1] == ["evacuation_time"])
metric, unit, pa, pb, diff, rel = line.split()
# The console shows 6 significant digits; the CSV every digit.
assert (pa, pb) == (f"{a:.6g}", f"{b:.6g}"), f"printed {pa} {pb}, files {a} {b}"
assert diff == f"{b - a:.6g}", f"printed difference {diff}, files {b - a!r}"
assert abs(float(rel.rstrip("%")) - (b - a) / a * 100) < 0.006, rel
row = next(r for r in csv.DictReader(open(table, newline="", encoding="utf-8")) if r["metric"] == "evacuation_time")
assert (float(row["a"]), float(row["b"]), float(row["b_minus_a"])) == (a, b, b - a), row
print(f"evacuation time {a!r} -> {b!r}: difference {diff} as printed")
PY

# A file against itself: every difference is 0 ("same" for text).
"$campusflow" compare "$out/kg.h5" "$out/kg.h5" > "$out/self.txt"
/usr/bin/python3 - "$out/self.txt" <<'PY'
import sys
rows = 0
for line in open(sys.argv[1]):
    fields = line.split()
    if not line.startswith("  ") or fields[-1] == "(B-A)/A%":
        continue
    rows += 1
    assert fields[-2] in ("0", "same"), f"not 0: {line!r}"
assert rows > 40, f"only {rows} rows compared"
print(f"{rows} rows, every difference 0")
PY

"$campusflow" compare "$out/seed1.h5" "$out/kg.h5" > "$out/other.txt"
grep -q '^warning: the two runs are of different buildings (scenario names "demo" and "kindergarten")' "$out/other.txt"
grep -q '^classes only in A: "7A", "7B"' "$out/other.txt"
grep -q '^classes only in B: "class 1.1"' "$out/other.txt"

# refused ARGS...: exit 2 and one line on stderr.
refused() {
  local msg rc
  set +e
  msg=$("$campusflow" compare "$@" 2>&1 >/dev/null)
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || { echo "FAIL compare $*: exit $rc, expected 2: $msg"; exit 1; }
  [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || { echo "FAIL compare $*: not one line: $msg"; exit 1; }
  echo "refused: $msg"
}
refused "$out/seed1.h5" "$source_dir/scenarios/demo/demo.json"
head -c 20000 "$out/seed2.h5" > "$out/truncated.h5"
refused "$out/truncated.h5" "$out/seed1.h5"
refused "$out/seed1.h5" "$out/seed2.h5" --csv "$out"
refused "$out/seed1.h5" "$out/seed2.h5" --csv "$out/seed1.h5"
set +e; "$campusflow" compare "$out/seed1.h5" >/dev/null 2>&1; rc=$?; set -e
[ "$rc" -eq 2 ] || { echo "FAIL: one result: exit $rc"; exit 1; }
echo "compare: all checks passed"
