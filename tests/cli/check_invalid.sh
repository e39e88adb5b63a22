#!/usr/bin/env bash
# `campusflow check` on every malformed scenario: exit code 2, and stderr
# holds exactly the messages the file's "// expect:" lines name (the file is
# named by its base name, as the command line was given it).
set -uo pipefail
campusflow=$1; source_dir=$2
cd "$source_dir/scenarios/invalid" || exit 1
failures=0; count=0
stderr=$(mktemp); trap 'rm -f "$stderr"' EXIT
for f in *.json; do
  count=$((count + 1))
  expected=$(sed -n 's|^// expect: ||p' "$f")
  # A hang is a failure too: no input may stop the checker for 20 s.
  timeout 20 "$campusflow" check "$f" >/dev/null 2>"$stderr"; rc=$?
  actual=$(grep -v '^[0-9]* errors\?$' "$stderr")
  if [ "$rc" -ne 2 ]; then echo "$f: exit code $rc, expected 2"; failures=$((failures + 1)); continue; fi
  if [ "$actual" != "$expected" ]; then
    echo "$f: messages differ"; diff <(echo "$expected") <(echo "$actual"); failures=$((failures + 1))
  fi
done
echo "$count malformed scenarios, $failures failures"
[ "$count" -ge 20 ] && [ "$failures" -eq 0 ]
