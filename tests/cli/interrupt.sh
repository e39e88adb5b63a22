#!/usr/bin/env bash
# An interrupted run exits with 1, leaves no file under the final name, and
# keeps a readable .partial marked incomplete.
set -euo pipefail
campusflow=$1; source_dir=$2; work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Pupils who wait almost a day before moving: the run would take minutes.
"$campusflow" run "$source_dir/tests/cli/data/long-wait.json" -o "$work/run.h5" --quiet --threads 1 &
pid=$!
sleep 1
kill -INT "$pid"
set +e; wait "$pid"; rc=$?; set -e
[ "$rc" -eq 1 ] || { echo "exit code $rc, expected 1"; exit 1; }
[ ! -e "$work/run.h5" ] || { echo "final file exists after interruption"; exit 1; }
[ -f "$work/run.h5.partial" ] || { echo "no .partial file"; exit 1; }
/usr/bin/python3 "$source_dir/tests/python/check_result.py" "$work/run.h5.partial" --expect-status incomplete
