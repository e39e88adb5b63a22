#!/usr/bin/env bash
# view and render refuse what they cannot replay with one clear line and exit
# 2, without a crash: a file that is not HDF5, an HDF5 file from another
# program, a truncated result, an interrupted (incomplete) one, no file, a
# trajectory with a negative frame number, one too large for memory. A
# frame number far past the run (10^13) is replayed without asking for
# memory in proportion to it.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
echo "not a result" > "$out/text.h5"
/usr/bin/python3 -c "import h5py,sys; f=h5py.File(sys.argv[1],'w'); f['x']=[1,2,3]" "$out/other.h5"
head -c 20000 "$out/demo.h5" > "$out/truncated.h5"
cp "$out/demo.h5" "$out/incomplete.h5"
/usr/bin/python3 -c "import h5py,sys; f=h5py.File(sys.argv[1],'r+'); f['campusflow'].attrs['status']='incomplete'" "$out/incomplete.h5"
set_frame='import h5py,sys; t=h5py.File(sys.argv[1],"r+")["trajectory"]; k=int(sys.argv[2]); r=t[k]; r["frame"]=int(sys.argv[3]); t[k]=r'
cp "$out/demo.h5" "$out/negative-frame.h5"
/usr/bin/python3 -c "$set_frame" "$out/negative-frame.h5" 0 -5
cp "$out/demo.h5" "$out/far-frame.h5"
/usr/bin/python3 -c "$set_frame" "$out/far-frame.h5" -1 10000000000000
xvfb-run -a "$campusflow" render "$out/far-frame.h5" --png "$out/far.png" --at 1 >/dev/null
# A trajectory whose stored size (10^15 rows, never written) is past any address space.
/usr/bin/python3 - "$out/demo.h5" "$out/huge.h5" <<'PY'
import shutil, sys, h5py
shutil.copy(sys.argv[1], sys.argv[2])
f = h5py.File(sys.argv[2], "r+")
dtype, attrs = f["trajectory"].dtype, dict(f["trajectory"].attrs)
del f["trajectory"]
d = f.create_dataset("trajectory", shape=(10**15,), dtype=dtype, chunks=(4096,))
for k, v in attrs.items():
    d.attrs[k] = v
PY
for f in text other truncated incomplete missing negative-frame huge; do
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
