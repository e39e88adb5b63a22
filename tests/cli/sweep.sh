#!/usr/bin/env bash
# `campusflow sweep`: the table is the same bit for bit for 1 and 2 jobs and
# under mpirun -n 2 and -n 4; a run in it equals the same run by `run`; a
# sweep started again skips what it finished, also after SIGINT and SIGKILL,
# and ends with the same table; a changed scenario is run again; bad studies
# exit 2; two sweeps never share a folder.
set -uo pipefail
campusflow=$1; source_dir=$(cd "$2" && pwd)
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
same_tables() {  # DIR_A DIR_B WHAT
  for f in runs.csv aggregate.csv study.h5; do
    cmp -s "$1/$f" "$2/$f" || fail "$3: $f differs"
  done
}
study=$source_dir/tests/cli/data/study-demo.json

"$campusflow" sweep "$study" -o "$work/j1" --jobs 1 -q > "$work/j1.out" 2>&1 || { fail "jobs 1: exit $?"; cat "$work/j1.out"; }
"$campusflow" sweep "$study" -o "$work/j2" --jobs 2 -q > /dev/null 2>&1 || fail "jobs 2: exit $?"
same_tables "$work/j1" "$work/j2" "jobs 1 vs 2"
# Under mpirun (root needs Open MPI's consent): rank 0 coordinates and runs one
# job, every other rank asks for runs.
mpi=(mpirun --allow-run-as-root --oversubscribe)
command -v mpirun > /dev/null || fail "mpirun is missing (scripts/setup.sh installs openmpi-bin)"
"${mpi[@]}" -n 2 "$campusflow" sweep "$study" -o "$work/n2" -q > "$work/n2.out" 2>&1 || { fail "mpirun -n 2: exit $?"; cat "$work/n2.out"; }
same_tables "$work/j1" "$work/n2" "jobs 1 vs mpirun -n 2"
"${mpi[@]}" -n 4 "$campusflow" sweep "$study" -o "$work/n4" -q > "$work/n4.out" 2>&1 || { fail "mpirun -n 4: exit $?"; cat "$work/n4.out"; }
same_tables "$work/j1" "$work/n4" "jobs 1 vs mpirun -n 4"

# The table holds what `run` gives: the demo as shipped (7A of 45) with seed 1.
"$campusflow" run "$source_dir/scenarios/demo/demo.json" --seed 1 -o "$work/one.h5" -q > /dev/null || fail "run demo"
/usr/bin/python3 - "$work/j1" "$work/one.h5" <<'PY' || fail "the tables do not hold the runs"
import csv, h5py, math, sys
d, one = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{d}/runs.csv", encoding="utf-8")))
assert len(rows) == 12, len(rows)  # 2 variants x 2 levels x 3 seeds
assert [r["run"] for r in rows] == [str(k) for k in range(12)]
row = next(r for r in rows if r["variant"] == "as built" and r["7A pupils"] == "45" and r["seed"] == "1")
expected = h5py.File(one)["campusflow/summary"].attrs["evacuation_time"]
# Shortest round-trip text: the same double.
assert float(row["evacuation_time [s]"]) == expected, (row, expected)
# A narrower west exit sends fewer through it, with 7A's count the same.
west = {(r["variant"], r["7A pupils"], r["seed"]): int(r["exit:west"]) for r in rows}
assert all(west[("west exit 0.8 m", n, s)] <= west[("as built", n, s)] for n in ("20", "45") for s in "123"), west
f = h5py.File(f"{d}/study.h5")
assert f.attrs["format"] == "campusflow-study/1"
values = f["runs/values"][:]
names = [n.decode() if isinstance(n, bytes) else n for n in f["runs/metric_names"][:]]
assert values.shape == (12, 5) and names[0] == "evacuation_time"
assert values[[int(r["run"]) for r in rows].index(int(row["run"])), 0] == expected
agg = list(csv.DictReader(open(f"{d}/aggregate.csv", encoding="utf-8")))
a = next(r for r in agg if r["variant"] == "as built" and r["7A pupils"] == "45" and r["metric"] == "evacuation_time")
times = [float(r["evacuation_time [s]"]) for r in rows if r["variant"] == "as built" and r["7A pupils"] == "45"]
mean = sum(times) / 3
sd = math.sqrt(sum((t - mean) ** 2 for t in times) / 2)
# 95 % CI of the mean with Student's t(0.975, 2) = 4.302652729911275.
assert abs(float(a["mean"]) - mean) < 1e-9 and abs(float(a["sd"]) - sd) < 1e-9, (a, mean, sd)
assert abs(float(a["ci95_high"]) - (mean + 4.302652729911275 * sd / math.sqrt(3))) < 1e-6, a
assert a["runs"] == "3" and a["incomplete"] == "0", a
PY

# Started again: every run is skipped and the tables stay.
"$campusflow" sweep "$study" -o "$work/j1" --jobs 2 > "$work/again.out" 2>&1 || fail "again: exit $?"
grep -q "12 of 12 runs done (12 from before, 0 now)" "$work/again.out" || { fail "again: runs were not skipped"; cat "$work/again.out"; }
same_tables "$work/j1" "$work/j2" "started again"

# With trajectories, each run's result file, recording the settings it ran with.
mkdir -p "$work/traj-study"
sed 's/"metrics": \[/"trajectories": true, "metrics": [/; s|"../../../scenarios/demo/demo.json"|"'"$source_dir"'/scenarios/demo/demo.json"|' \
  "$study" > "$work/traj-study/study.json"
"$campusflow" sweep "$work/traj-study/study.json" -o "$work/traj" -q > /dev/null 2>&1 || fail "trajectories: exit $?"
/usr/bin/python3 - "$work/traj" <<'PY' || fail "trajectories: the run files are not the runs"
import csv, h5py, json, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(f"{d}/runs.csv", encoding="utf-8")))
for r in rows:
    f = h5py.File(f"{d}/runs/run-{int(r['run']):06d}.h5")
    s = f["campusflow/summary"].attrs["evacuation_time"]
    assert float(r["evacuation_time [s]"]) == s, (r, s)
    assert json.loads(f["campusflow"].attrs["overrides"])[-1]["value"] == int(r["7A pupils"])
    assert f["campusflow"].attrs["seed"] == int(r["seed"])
PY

# A changed scenario is another scenario: its runs are done again.
mkdir -p "$work/copy" && cp "$source_dir/scenarios/demo/demo.json" "$work/copy/demo.json"
sed "s|\"../../../scenarios/demo/demo.json\"|\"demo.json\"|" "$study" > "$work/copy/study.json"
"$campusflow" sweep "$work/copy/study.json" -o "$work/copy/out" -q > /dev/null 2>&1 || fail "copy: exit $?"
sed -i 's/"time_limit": 600/"time_limit": 601/' "$work/copy/demo.json"
"$campusflow" sweep "$work/copy/study.json" -o "$work/copy/out" > "$work/copy.out" 2>&1 || fail "changed: exit $?"
grep -q "(0 from before, 12 now)" "$work/copy.out" || { fail "a changed scenario's runs were skipped"; cat "$work/copy.out"; }

# Interrupted (SIGINT, then SIGKILL) half way and started again: the same
# final table as a sweep never interrupted. Drill runs of 150 s, 0.5 s each.
cat > "$work/drill-study.json" <<JSON
{"format": "campusflow-study/1", "name": "drill-short", "scenario": "$source_dir/scenarios/drill/drill.json",
 "variants": [{"name": "150 s", "set": {"/settings/time_limit": 150}}],
 "seeds": {"from": 1, "count": 12}, "metrics": ["not_safe", "peak_density", "complete"]}
JSON
"$campusflow" sweep "$work/drill-study.json" -o "$work/ref" --jobs 2 -q > /dev/null 2>&1
[ $? -eq 3 ] || fail "reference drill sweep: expected exit 3 (runs incomplete at 150 s)"
for signal in INT KILL; do
  out=$work/cut-$signal
  "$campusflow" sweep "$work/drill-study.json" -o "$out" --jobs 1 -q > "$out.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    [ "$(ls "$out/runs" 2>/dev/null | grep -c '\.txt$')" -ge 3 ] && break
    sleep 0.05
  done
  kill -"$signal" "$pid"; wait "$pid" 2>/dev/null; rc=$?
  done_rows=$(ls "$out/runs" | grep -c '\.txt$')
  [ "$done_rows" -ge 3 ] && [ "$done_rows" -lt 12 ] || fail "$signal: $done_rows rows, expected some of 12"
  [ "$signal" = INT ] && [ "$rc" -ne 1 ] && fail "SIGINT: exit $rc, expected 1"
  # The table is whole at every moment: readable, rows from the row files only.
  table_rows=$(($(wc -l < "$out/runs.csv") - 1))
  [ "$table_rows" -le "$done_rows" ] || fail "$signal: runs.csv has $table_rows rows, $done_rows runs finished"
  /usr/bin/python3 -c "import h5py,sys; h5py.File(sys.argv[1])['runs/values'][:]" "$out/study.h5" || fail "$signal: study.h5 unreadable"
  "$campusflow" sweep "$work/drill-study.json" -o "$out" --jobs 2 > "$out.again" 2>&1
  grep -q "12 of 12 runs done ($done_rows from before" "$out.again" || { fail "$signal: restart did not resume"; cat "$out.again"; }
  same_tables "$work/ref" "$out" "after SIGINT/SIGKILL ($signal) and a restart"
done

# One sweep per folder.
"$campusflow" sweep "$work/drill-study.json" -o "$work/busy" --jobs 1 -q > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do [ -e "$work/busy/.sweep.lock" ] && break; sleep 0.05; done
"$campusflow" sweep "$work/drill-study.json" -o "$work/busy" -q > /dev/null 2> "$work/busy.err"; rc=$?
kill -INT "$pid"; wait "$pid"
[ "$rc" -eq 1 ] && grep -q "another sweep is writing" "$work/busy.err" || { fail "a second sweep on a busy folder: exit $rc"; cat "$work/busy.err"; }

# Bad studies: exit 2, every problem named.
cat > "$work/bad.json" <<JSON
{"format": "campusflow-study/1", "name": "bad", "scenario": "$source_dir/scenarios/demo/demo.json",
 "factors": [{"name": "w", "values": [1, "x"], "set": [{"pointer": "/levels/0/exits/0/width", "scale": 2}]},
             {"name": "v", "range": {"from": 5, "to": 1, "step": 1}, "set": ["settings/seed"]}],
 "seeds": {"from": 1, "count": 0}, "metrics": ["evac_time"], "colour": 1}
JSON
"$campusflow" sweep "$work/bad.json" -o "$work/bad" > /dev/null 2> "$work/bad.err"; rc=$?
[ "$rc" -eq 2 ] || fail "bad study: exit $rc"
for expected in 'colour: unknown key' 'factors\[0\].values\[1\]: "x" must be a number' \
    'factors\[1\].range.to: 1 must be >= from (5)' 'factors\[1\].set\[0\]: "settings/seed" must be a JSON pointer' \
    'seeds.count: 0 must be >= 1' 'metrics\[0\]: "evac_time" names no metric; choose one of complete, evacuation_time'; do
  grep -q "$expected" "$work/bad.err" || fail "bad study: no message '$expected'"
done
[ ! -e "$work/bad" ] || fail "bad study: wrote its folder"
cat > "$work/bad2.json" <<JSON
{"format": "campusflow-study/1", "name": "bad2", "scenario": "$source_dir/scenarios/demo/demo.json",
 "variants": ["no such variant"], "factors": [{"name": "r", "values": [1], "set": ["/levels/0/exitz"]}],
 "seeds": [1], "metrics": ["class_assembled:9Z", "street.mean_delay"]}
JSON
"$campusflow" sweep "$work/bad2.json" -o "$work/bad2" > /dev/null 2> "$work/bad2.err"; rc=$?
[ "$rc" -eq 2 ] || fail "bad2: exit $rc"
for expected in '--variant: "no such variant" names no variant' \
    'metrics\[0\]: "class_assembled:9Z" names no class of the scenario' \
    'metrics\[1\]: "street.mean_delay" is a street.s figure, and the scenario has no street'; do
  grep -q -- "$expected" "$work/bad2.err" || { fail "bad2: no message '$expected'"; cat "$work/bad2.err"; }
done

echo "$failures failures"
[ "$failures" -eq 0 ]
