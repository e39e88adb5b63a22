#!/usr/bin/env bash
# `campusflow check` warns about plans that will surprise (docs/scenario-format.md,
# "Warnings"): every scenario in scenarios/warnings/ exits 0, and stderr holds
# exactly the warnings its "// expect:" lines name, then their count. The
# shipped scenarios warn about nothing. `run` prints the same warnings at its start.
set -uo pipefail
campusflow=$1; source_dir=$2
failures=0; count=0
stderr=$(mktemp); out=$(mktemp -d); trap 'rm -rf "$stderr" "$out"' EXIT
cd "$source_dir/scenarios/warnings" || exit 1
for f in *.json; do
  count=$((count + 1))
  expected=$(sed -n 's|^// expect: ||p' "$f")
  n=$(printf '%s\n' "$expected" | grep -c .)
  [ "$n" -eq 1 ] && tally="1 warning" || tally="$n warnings"
  timeout 60 "$campusflow" check "$f" >/dev/null 2>"$stderr"; rc=$?
  if [ "$rc" -ne 0 ]; then echo "$f: exit code $rc, expected 0"; cat "$stderr"; failures=$((failures + 1)); continue; fi
  if [ "$(cat "$stderr")" != "$(printf '%s\n%s' "$expected" "$tally")" ]; then
    echo "$f: warnings differ"; diff <(printf '%s\n%s\n' "$expected" "$tally") "$stderr"; failures=$((failures + 1))
  fi
done
cd "$source_dir" || exit 1
for f in scenarios/demo/demo.json scenarios/drill/drill.json scenarios/kindergarten/kindergarten.json scenarios/gate/*.json \
         scenarios/dismissal/dismissal.json scenarios/arrival/arrival.json; do
  timeout 60 "$campusflow" check "$f" >/dev/null 2>"$stderr"; rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$stderr" ]; then
    echo "$f: exit code $rc, expected 0 and no warnings:"; cat "$stderr"; failures=$((failures + 1))
  fi
done
# `run` warns at its start, on stderr, and still runs.
warning=$(sed -n 's|^// expect: ||p' scenarios/warnings/route-without-alternative.json)
timeout 120 "$campusflow" run scenarios/warnings/route-without-alternative.json -o "$out/r.h5" >/dev/null 2>"$stderr"; rc=$?
if [ "$rc" -ne 0 ] || [ "$(head -n 1 "$stderr")" != "${warning/route-without-alternative.json/scenarios/warnings/route-without-alternative.json}" ]; then
  echo "run: exit code $rc, stderr:"; cat "$stderr"; failures=$((failures + 1))
fi
echo "$count warning scenarios, $failures failures"
[ "$count" -ge 5 ] && [ "$failures" -eq 0 ]
