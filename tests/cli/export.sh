#!/usr/bin/env bash
# `campusflow export RESULT --csv DIR` writes CSV files that hold exactly what
# the result holds (check_export.py compares them with h5py): the demo, the
# gate's street, and a demo whose class name has a comma, a quote, Chinese
# characters and a leading "=" (quoted per RFC 4180, guarded by an apostrophe).
# A DIR that is a regular file, and a damaged or non-campusflow result, exit 2
# with one line and write nothing.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

# expect_refusal DIR ARGS...: exit 2, one line on stderr, and DIR holds no CSV file.
expect_refusal() {
  local dir=$1 msg rc
  shift
  set +e
  msg=$("$campusflow" export "$@" 2>&1 >/dev/null)
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || { echo "FAIL export $*: exit $rc, expected 2: $msg"; exit 1; }
  [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || { echo "FAIL export $*: not one line: $msg"; exit 1; }
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then echo "FAIL export $*: wrote $(ls "$dir")"; exit 1; fi
  echo "refused: $msg"
}

class='=7A, "quoted" 七年级'
/usr/bin/python3 - "$source_dir/scenarios/demo/demo.json" "$out/named.json" "$class" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert '"name": "7A"' in text
open(sys.argv[2], "w", encoding="utf-8").write(text.replace('"name": "7A"', '"name": ' + json.dumps(sys.argv[3], ensure_ascii=False), 1))
PY
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
"$campusflow" run "$source_dir/scenarios/gate/base.json" -o "$out/gate.h5" -q >/dev/null
"$campusflow" run "$out/named.json" -o "$out/named.h5" -q >/dev/null

"$campusflow" export "$out/demo.h5" --csv "$out/demo-csv" | tee "$out/printed.txt"
grep -q "trajectory.csv" "$out/printed.txt"
/usr/bin/python3 "$source_dir/tests/cli/check_export.py" "$out/demo.h5" "$out/demo-csv"
"$campusflow" export "$out/gate.h5" --csv "$out/gate-csv"
/usr/bin/python3 "$source_dir/tests/cli/check_export.py" "$out/gate.h5" "$out/gate-csv"
"$campusflow" export "$out/named.h5" --csv "$out/named-csv/"
/usr/bin/python3 "$source_dir/tests/cli/check_export.py" "$out/named.h5" "$out/named-csv" "$class"
# Exporting again replaces the files.
"$campusflow" export "$out/demo.h5" --csv "$out/demo-csv" >/dev/null
/usr/bin/python3 "$source_dir/tests/cli/check_export.py" "$out/demo.h5" "$out/demo-csv"

touch "$out/a-file"
expect_refusal "$out/none" "$out/demo.h5" --csv "$out/a-file"
ln -s "$out/demo-csv" "$out/a-link"
expect_refusal "$out/none" "$out/demo.h5" --csv "$out/a-link"
head -c 20000 "$out/demo.h5" > "$out/truncated.h5"
expect_refusal "$out/t" "$out/truncated.h5" --csv "$out/t"
expect_refusal "$out/t" "$source_dir/scenarios/demo/demo.json" --csv "$out/t"
# One bit flipped in the stored data of each dataset: nothing written.
mkdir "$out/flip"
/usr/bin/python3 "$source_dir/tests/cli/flip_bits.py" "$out/demo.h5" "$out/flip" > "$out/flip.txt"
[ -s "$out/flip.txt" ]
while IFS=$'\t' read -r file dataset; do
  expect_refusal "$out/t" "$file" --csv "$out/t"
done < "$out/flip.txt"
echo "export: all checks passed"
