#!/usr/bin/env bash
# Where render, report and the viewer write (sim/io/output_file.hpp,
# output_folder.hpp): only files they create themselves. A planted symbolic
# link is never followed, the result read is never overwritten, a device,
# FIFO or folder under a file's name is refused before drawing (exit 2), a
# dead command's .partial is replaced, and a folder output appears whole.
set -uo pipefail
campusflow=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o demo.h5 -q >/dev/null || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# expect RC NAME COMMAND...: exit status RC, and one line on stderr when RC != 0.
expect() {
  local want=$1 name=$2; shift 2
  "$@" >/dev/null 2>"$work/stderr"; rc=$?
  msg=$(grep -v 'vertical sync' "$work/stderr")
  if [ "$rc" -ne "$want" ]; then fail "$name: exit $rc, expected $want: $msg"; return 1; fi
  if [ "$want" -ne 0 ] && [ "$(echo "$msg" | wc -l)" -ne 1 ]; then fail "$name: expected one line: $msg"; return 1; fi
  echo "ok $name${msg:+ -> $msg}"
}
render() { xvfb-run -a "$campusflow" render demo.h5 "$@"; }
hash_of() { md5sum "$1" | cut -d' ' -f1; }

# The result itself, by its name or a hard link: refused, untouched.
before=$(hash_of demo.h5)
expect 2 "png over the result" render --png demo.h5 --at 1
ln demo.h5 hard.png
expect 2 "png over a hard link of the result" render --png hard.png --at 1
[ "$(hash_of demo.h5)" = "$before" ] || fail "the result changed"

# A symbolic link planted under the final name or the .partial: refused or replaced, never followed.
echo precious > target.txt
ln -s target.txt link.png
expect 2 "png onto a symbolic link" render --png link.png --at 1
ln -s target.txt x.png.partial
expect 1 "png whose .partial is a planted link" render --png x.png --at 1
[ "$(cat target.txt)" = precious ] || fail "the link's target was written"
[ ! -e x.png ] || fail "x.png published through a planted .partial"
rm x.png.partial

# A FIFO, a folder, a device under a file's name: refused before drawing.
mkfifo fifo.png
expect 2 "png onto a FIFO" timeout 20 xvfb-run -a "$campusflow" render demo.h5 --png fifo.png --at 1
mkdir folder.png
expect 2 "png onto a folder" render --png folder.png --at 1
if mknod null.png c 1 3 2>/dev/null; then
  expect 2 "png onto a device node" render --png null.png --at 1
  [ -c null.png ] || fail "the device node was replaced"
else
  echo "(no device node case: mknod is not allowed here)"
fi
expect 2 "mp4 onto a folder" render --video folder.png --to 1

# A .partial left by a killed render (nobody holds its lock) is replaced.
echo "half a picture" > ok.png.partial
expect 0 "png over a dead render's .partial" render --png ok.png --at 1
[ ! -e ok.png.partial ] || fail "the stale .partial stayed"
python3 -c "import sys; d=open('ok.png','rb').read(); sys.exit(d[:8] != b'\x89PNG\r\n\x1a\n')" || fail "ok.png is no PNG"

# Folders: a file under the name is refused; a dead command's marked
# .partial folder is reused; an unmarked folder of that name is someone's.
touch file-not-folder
expect 2 "frames into a file" render --frames file-not-folder --to 1
mkdir -p frames.partial && touch frames.partial/.campusflow-partial frames.partial/frame_99999.png
expect 0 "frames over a dead render's .partial" render --frames frames --to 1 --fps 4
[ -e frames/frame_00003.png ] && [ ! -e frames/frame_99999.png ] && [ ! -e frames.partial ] ||
  fail "frames: $(ls frames frames.partial 2>&1 | tr '\n' ' ')"
mkdir maps.partial && echo mine > maps.partial/notes.txt
expect 1 "heatmaps beside someone's maps.partial" "$campusflow" render demo.h5 --heatmaps maps
[ "$(cat maps.partial/notes.txt)" = mine ] || fail "someone's maps.partial was emptied"
ln -s /tmp report-link
expect 2 "report into a symbolic link" "$campusflow" report demo.h5 -o report-link

echo "$failures failures"
[ "$failures" -eq 0 ]
