#!/usr/bin/env bash
# A full disk (a small tmpfs) under every output campusflow writes: run, sweep,
# render --png / --frames / --video / --heatmaps, report and the viewer's
# screenshot each exit 1 with a message, are not killed by a signal, and
# leave nothing under the final name and no .partial behind (a run keeps
# its .partial, marked incomplete, as an interrupted run does).
# Mounting needs root (CI runs as root); without it the test is skipped
# (exit 77), never passed.
set -uo pipefail
campusflow=$1; source_dir=$2
work=$(mktemp -d); full="$work/full"
source "$(dirname "$0")/own_display.sh"
cleanup() { stop_own_display; umount "$full" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir "$full"
if ! mount -t tmpfs -o size=64k tmpfs "$full" 2>/dev/null; then
  echo "SKIP: cannot mount a tmpfs here (needs root)"; exit 77
fi
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$work/demo.h5" -q >/dev/null || exit 1
start_own_display || exit 1
failures=0

# fill: leaves about $1 KiB free on the tmpfs.
fill() {
  rm -f "$full/filler"
  local free
  free=$(df -k --output=avail "$full" | tail -1)
  dd if=/dev/zero of="$full/filler" bs=1k count=$((free - $1)) status=none 2>/dev/null
}

# expect_full NAME FINAL COMMAND...: exit 1, a message, no signal, nothing
# under FINAL and no FINAL.partial (unless KEEP_PARTIAL=1).
expect_full() {
  local name=$1 final=$2; shift 2
  msg=$("$@" 2>&1 >/dev/null); rc=$?
  if [ "$rc" -ne 1 ]; then echo "FAIL $name: exit $rc (expected 1): $msg"; failures=$((failures + 1)); return; fi
  if [ -z "$msg" ]; then echo "FAIL $name: no message"; failures=$((failures + 1)); return; fi
  if [ -e "$final" ]; then echo "FAIL $name: $final exists"; failures=$((failures + 1)); return; fi
  if [ "${KEEP_PARTIAL:-0}" != 1 ] && [ -e "$final.partial" ]; then
    echo "FAIL $name: $final.partial left behind"; failures=$((failures + 1)); return
  fi
  echo "ok $name: $(echo "$msg" | tail -1)"
}

fill 8
KEEP_PARTIAL=1 expect_full "run" "$full/r.h5" "$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$full/r.h5" -q
fill 8
expect_full "render --png" "$full/x.png" "$campusflow" render "$work/demo.h5" --png "$full/x.png" --at 30
fill 8
expect_full "render --frames" "$full/frames" "$campusflow" render "$work/demo.h5" --frames "$full/frames" --to 4 --fps 5
fill 8
expect_full "render --video" "$full/v.mp4" "$campusflow" render "$work/demo.h5" --video "$full/v.mp4" --to 20
fill 8
expect_full "render --heatmaps" "$full/maps" "$campusflow" render "$work/demo.h5" --heatmaps "$full/maps"
fill 8
expect_full "report" "$full/report" "$campusflow" report "$work/demo.h5" -o "$full/report"
fill 8
expect_full "view --screenshot" "$full/s.png" "$campusflow" view "$work/demo.h5" --screenshot "$full/s.png"

# A report whose folder holds an earlier report: the failed one leaves it as it was.
umount "$full"; mount -t tmpfs -o size=64m tmpfs "$full"
"$campusflow" report "$work/demo.h5" -o "$full/report" >/dev/null 2>&1 || { echo "FAIL: report on a free disk"; exit 1; }
before=$(cd "$full/report" && find . -type f -exec md5sum {} + | sort)
fill 8
msg=$("$campusflow" report "$work/demo.h5" -o "$full/report" 2>&1 >/dev/null); rc=$?
after=$(cd "$full/report" && find . -type f -exec md5sum {} + | sort)
if [ "$rc" -ne 1 ] || [ "$before" != "$after" ] || [ -e "$full/report.partial" ]; then
  echo "FAIL report over an earlier one: exit $rc, folder changed or .partial left: $msg"; failures=$((failures + 1))
else
  echo "ok report over an earlier one: the earlier report is intact"
fi
# A sweep on a full disk: exit 1 with a message and no table half-written;
# given room, the same command finishes the study.
fill 24
msg=$("$campusflow" sweep "$source_dir/tests/cli/data/study-demo.json" -o "$full/study" -q 2>&1 >/dev/null); rc=$?
if [ "$rc" -ne 1 ] || [ -z "$msg" ]; then
  echo "FAIL sweep: exit $rc (expected 1): $msg"; failures=$((failures + 1))
elif ls "$full/study" 2>/dev/null | grep -q '\.partial$'; then
  echo "FAIL sweep: a .partial left behind"; failures=$((failures + 1))
else
  echo "ok sweep: $(echo "$msg" | tail -1)"
fi
rm -f "$full/filler"
if ! "$campusflow" sweep "$source_dir/tests/cli/data/study-demo.json" -o "$full/study" -q > "$work/sweep.out" 2>&1 ||
    ! grep -q "12 of 12 runs done" "$work/sweep.out"; then
  echo "FAIL sweep after the disk had room again"; cat "$work/sweep.out"; failures=$((failures + 1))
else
  echo "ok sweep after the disk had room again: $(grep 'runs done' "$work/sweep.out")"
fi
echo "$failures failures"
[ "$failures" -eq 0 ]
