#!/usr/bin/env bash
# Signals at any moment (docs/result-format.md). run: SIGINT and SIGTERM end
# it with exit 1, no file under the final name and a readable .partial marked
# incomplete; SIGKILL (no clean-up possible) leaves no final file and a
# .partial that is readable and marked incomplete, which the next run on the
# same name replaces. render --video: SIGINT/SIGTERM remove the .partial,
# SIGKILL leaves it for the next render to replace; never a final file.
set -uo pipefail
campusflow=$1; source_dir=$2; work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# Pupils who wait almost a day before moving: the run would take minutes.
long="$source_dir/tests/cli/data/long-wait.json"
# wait_for FILE: until FILE exists and is not empty (at most 20 s).
wait_for() { for _ in $(seq 200); do [ -s "$1" ] && return 0; sleep 0.1; done; return 1; }
readable_incomplete() {
  /usr/bin/python3 "$source_dir/tests/python/check_result.py" "$1" --expect-status incomplete >/dev/null 2>"$work/why" ||
    { fail "$2: $1 is not a readable incomplete result: $(tail -1 "$work/why")"; return 1; }
}

for sig in INT TERM; do
  rm -f "$work/run.h5" "$work/run.h5.partial"
  "$campusflow" run "$long" -o "$work/run.h5" --quiet --threads 1 2>/dev/null & pid=$!
  wait_for "$work/run.h5.partial" || fail "SIG$sig: no .partial appeared"
  sleep 1
  kill -"$sig" "$pid"; wait "$pid"; rc=$?
  [ "$rc" -eq 1 ] || fail "SIG$sig: exit code $rc, expected 1"
  [ ! -e "$work/run.h5" ] || fail "SIG$sig: final file exists"
  readable_incomplete "$work/run.h5.partial" "SIG$sig" && echo "ok run, SIG$sig"
done

# SIGKILL at moments across batches (the writer flushes after each).
for delay in 0.2 0.7 1.3 2.1 3.4; do
  rm -f "$work/run.h5" "$work/run.h5.partial"
  "$campusflow" run "$long" -o "$work/run.h5" --quiet --threads 1 & pid=$!
  wait_for "$work/run.h5.partial" || fail "SIGKILL: no .partial appeared"
  sleep "$delay"
  kill -KILL "$pid"; wait "$pid" 2>/dev/null
  [ ! -e "$work/run.h5" ] || fail "SIGKILL after $delay s: final file exists"
  readable_incomplete "$work/run.h5.partial" "SIGKILL after $delay s" && echo "ok run, SIGKILL after $delay s"
done
# The killed run's .partial (nobody holds its lock) is replaced by the next run.
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$work/run.h5" --quiet >/dev/null ||
  fail "a run over a killed run's .partial failed"
[ -f "$work/run.h5" ] && [ ! -e "$work/run.h5.partial" ] || fail "after the next run: $(ls "$work")"

# render --video, long enough to be caught in the middle.
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$work/demo.h5" --quiet >/dev/null
video() { xvfb-run -a "$campusflow" render "$work/demo.h5" --video "$work/v.mp4" "$@"; }
for sig in INT TERM; do
  video --size 640x360 >/dev/null 2>"$work/err" & pid=$!
  wait_for "$work/v.mp4.partial" || fail "video SIG$sig: no .partial appeared"
  sleep 1
  # The renderer itself (xvfb-run's child), as a user's Ctrl-C or a kill would reach it.
  pkill -"$sig" -f "^$campusflow render $work/demo.h5" ; wait "$pid"; rc=$?
  [ "$rc" -eq 1 ] || fail "video SIG$sig: exit code $rc, expected 1: $(cat "$work/err")"
  [ ! -e "$work/v.mp4" ] && [ ! -e "$work/v.mp4.partial" ] || fail "video SIG$sig left: $(ls "$work")"
  grep -q "interrupted; nothing was written" "$work/err" && echo "ok video, SIG$sig" || fail "video SIG$sig: $(cat "$work/err")"
done
video --size 640x360 >/dev/null 2>&1 & pid=$!
wait_for "$work/v.mp4.partial" || fail "video SIGKILL: no .partial appeared"
sleep 1
pkill -KILL -f "^$campusflow render $work/demo.h5"; wait "$pid" 2>/dev/null
[ ! -e "$work/v.mp4" ] || fail "video SIGKILL: a final file"
video --to 2 >/dev/null 2>&1 || fail "a render over a killed render's .partial failed"
[ -s "$work/v.mp4" ] && [ ! -e "$work/v.mp4.partial" ] && echo "ok video, SIGKILL, then replaced" ||
  fail "after the next render: $(ls "$work")"
echo "$failures failures"
[ "$failures" -eq 0 ]
