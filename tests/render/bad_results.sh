#!/usr/bin/env bash
# view and render refuse what they cannot replay with one clear line and exit
# 2, without a crash: a file that is not HDF5, an HDF5 file from another
# program, a truncated result, an interrupted (incomplete) one, no file.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
echo "not a result" > "$out/text.h5"
/usr/bin/python3 -c "import h5py,sys; f=h5py.File(sys.argv[1],'w'); f['x']=[1,2,3]" "$out/other.h5"
head -c 20000 "$out/demo.h5" > "$out/truncated.h5"
cp "$out/demo.h5" "$out/incomplete.h5"
/usr/bin/python3 -c "import h5py,sys; f=h5py.File(sys.argv[1],'r+'); f['campusflow'].attrs['status']='incomplete'" "$out/incomplete.h5"
for f in text other truncated incomplete missing; do
  for cmd in "view" "render --png $out/x.png --at 0"; do
    set +e
    msg=$(xvfb-run -a "$campusflow" $cmd "$out/$f.h5" 2>&1 >/dev/null)
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || { echo "$cmd $f.h5: exit $rc, expected 2: $msg"; exit 1; }
    [ "$(echo "$msg" | wc -l)" -eq 1 ] || { echo "$cmd $f.h5: expected one line, got: $msg"; exit 1; }
    echo "$cmd $f.h5 -> $msg"
  done
done
