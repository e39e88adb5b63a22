#!/usr/bin/env bash
# Readers treat a result as untrusted. `render --png`, `render --heatmaps`
# and the C++ part of `report` (which reads the whole file before it runs
# the plotting script) refuse a damaged or hand-made result with exit 2 and
# one line on stderr naming the file, never a signal:
#  - one bit flipped in the stored data of each dataset of two real results
#    (the demo's and the gate street's): "... is corrupt: ... in dataset D";
#  - each file of craft_results.py: NaN or far positions, ids and indices
#    past their tables, columns of another type, another shape, a claimed
#    size of 10^12 rows, attributes of another kind, links, no HDF5 at all;
#  - the inputs the result fuzzer once hung or crashed on (fuzz/corpus/fuzz_result/).
# No display is needed: every file is refused before anything is drawn.
set -euo pipefail
campusflow=$1; source_dir=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$campusflow" run "$source_dir/scenarios/demo/demo.json" -o "$out/demo.h5" -q >/dev/null
"$campusflow" run "$source_dir/scenarios/gate/base.json" -o "$out/gate.h5" -q >/dev/null
# The undamaged results are read: the refusals below are the damage's.
for f in demo gate; do "$campusflow" render "$out/$f.h5" --heatmaps "$out/maps-$f" >/dev/null; done

# refused FILE [FRAGMENT...]: every reader exits 2 with one line that names FILE and holds each FRAGMENT.
refused() {
  local file=$1 cmd msg rc fragment
  shift
  for cmd in "render --png $out/x.png --at 0" "render --heatmaps $out/maps" "report -o $out/report"; do
    set +e
    msg=$("$campusflow" $cmd "$file" 2>&1 >/dev/null)
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || { echo "FAIL $cmd $file: exit $rc, expected 2: $msg"; exit 1; }
    [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || { echo "FAIL $cmd $file: not one line: $msg"; exit 1; }
    [[ "$msg" == "campusflow ${cmd%% *}: $file"* ]] || { echo "FAIL $cmd $file: does not name the file: $msg"; exit 1; }
    for fragment in "$@"; do
      [[ "$msg" == *"$fragment"* ]] || { echo "FAIL $cmd $file: expected '$fragment' in: $msg"; exit 1; }
    done
  done
}

mkdir "$out/flip-demo" "$out/flip-gate" "$out/crafted"
flipped=0
for f in demo gate; do
  /usr/bin/python3 "$source_dir/tests/cli/flip_bits.py" "$out/$f.h5" "$out/flip-$f" > "$out/flip-$f.txt"
  while IFS=$'\t' read -r file dataset; do
    refused "$file" " is corrupt: " " in dataset $dataset"
    flipped=$((flipped + 1))
  done < "$out/flip-$f.txt"
done
crafted=0
/usr/bin/python3 "$source_dir/tests/cli/craft_results.py" "$out/demo.h5" "$out/gate.h5" "$out/crafted" \
  > "$out/crafted.txt"
while IFS=$'\t' read -r file what; do
  echo "$what: $(basename "$file")"
  refused "$file"
  crafted=$((crafted + 1))
done < "$out/crafted.txt"
found=0
for file in "$source_dir"/fuzz/corpus/fuzz_result/hang-*.h5 "$source_dir"/fuzz/corpus/fuzz_result/crash-*.h5; do
  [ -e "$file" ] || continue
  echo "found by the fuzzer: $(basename "$file")"
  refused "$file"
  found=$((found + 1))
done
[ "$found" -ge 1 ] || { echo "no fuzzer findings in fuzz/corpus/fuzz_result"; exit 1; }
# Both results store data in more datasets than this; fewer means flip_bits.py found too few.
[ "$flipped" -ge 40 ] || { echo "only $flipped datasets flipped"; exit 1; }
echo "$flipped datasets with a flipped bit, $crafted crafted files and $found fuzzer findings:" \
  "each refused by render --png, render --heatmaps and report with exit 2 and one line"
