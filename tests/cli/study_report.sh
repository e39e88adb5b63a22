#!/usr/bin/env bash
# `campusflow report` on a study: tests/cli/data/study-demo.json swept into a
# temporary folder and reported from the folder exits 0; index.html names
# every variant and metric of aggregate.csv; every picture it links is a PNG
# (signature, nonzero size); the summary's difference of evacuation_time
# between the variants (7A pupils 20) is the difference of the means in
# aggregate.csv, rounded as printed. A copy of the study whose variant is
# named <script>... gives a page with the name escaped and no markup from it.
# A truncated study.h5, a text file and a folder without study.h5 exit 2
# with one line on stderr, and leave no page.
set -euo pipefail
campusflow=$1; source_dir=$(cd "$2" && pwd)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

"$campusflow" sweep "$source_dir/tests/cli/data/study-demo.json" -o "$out/demo" -q > /dev/null
"$campusflow" report "$out/demo" -o "$out/page" > /dev/null 2> "$out/stderr" || {
  echo "FAIL: report exit $?"; cat "$out/stderr"; exit 1; }
[ ! -s "$out/stderr" ] || { echo "FAIL: report wrote to stderr:"; cat "$out/stderr"; exit 1; }

/usr/bin/python3 - "$out/page" "$out/demo/aggregate.csv" <<'PY'
import csv, html, os, re, sys
page_dir, aggregate = sys.argv[1:]
page = open(os.path.join(page_dir, "index.html"), encoding="utf-8").read()
rows = list(csv.DictReader(open(aggregate, newline="", encoding="utf-8")))
for name in {r["variant"] for r in rows} | {r["metric"] for r in rows}:
    assert html.escape(name) in page, f"{name} is not named in index.html"
pictures = re.findall(r'<img src="([^"]+)"', page)
assert len(pictures) >= 7, f"only {len(pictures)} pictures: {pictures}"
for p in pictures:
    path = os.path.join(page_dir, html.unescape(p))
    with open(path, "rb") as f:
        head = f.read(8)
    assert head == b"\x89PNG\r\n\x1a\n", f"{p} is not a PNG ({head!r})"
    assert os.path.getsize(path) > 100, f"{p} is too small"

def mean(variant, metric):
    [r] = [r for r in rows if r["variant"] == variant and r["metric"] == metric and float(r["7A pupils"]) == 20]
    return float(r["mean"])

diff = mean("west exit 0.8 m", "evacuation_time") - mean("as built", "evacuation_time")
text = html.unescape(page[page.index("west exit 0.8 m against as built (7A pupils 20)"):])
found = re.search(r"With west exit 0\.8 m, evacuation_time is (\d+(?:\.(\d+))?) s (higher|lower) than with as built "
                  r"\(95 % CI (-?[\d.]+) to (-?[\d.]+) s", text)
assert found, "no summary sentence for evacuation_time"
printed, decimals = float(found[1]), len(found[2] or "")
signed = printed if found[3] == "higher" else -printed
assert abs(round(diff, decimals) - signed) < 1e-6, f"printed {found[0]}, aggregate.csv gives {diff!r}"
low, high = float(found[4]), float(found[5])
assert low <= printed <= high, f"the interval {low} to {high} does not hold {printed}"
print(f"summary: {found[0]}...; aggregate.csv: {diff:.6f}; {len(pictures)} PNGs")
PY

# A variant named with markup: escaped in the page, in text and attributes.
sed -e "s#\"../../../scenarios/demo/demo.json\"#\"$source_dir/scenarios/demo/demo.json\"#" \
    -e 's#{"name": "as built"}#{"name": "<script>alert(1)</script> \& \\"as built\\""}#' \
    -e 's#"seeds": \[1, 2, 3\]#"seeds": [1, 2]#' \
    "$source_dir/tests/cli/data/study-demo.json" > "$out/hostile.json"
grep -q '<script>' "$out/hostile.json"
"$campusflow" sweep "$out/hostile.json" -o "$out/hostile" -q > /dev/null
"$campusflow" report "$out/hostile/study.h5" -o "$out/hostile-page" > /dev/null
/usr/bin/python3 - "$out/hostile-page/index.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;as built&quot;" in page, "the variant's name is not escaped"
assert "<script" not in page, "raw <script in the page"
print("the <script> variant is escaped")
PY

# Bad input: exit 2, one line, no page.
expect_refused() {  # WHAT PATH
  local rc=0
  "$campusflow" report "$2" -o "$out/refused" > /dev/null 2> "$out/stderr" || rc=$?
  [ "$rc" -eq 2 ] || { echo "FAIL: $1: exit $rc, expected 2"; cat "$out/stderr"; exit 1; }
  [ "$(wc -l < "$out/stderr")" -eq 1 ] || { echo "FAIL: $1: not one line on stderr:"; cat "$out/stderr"; exit 1; }
  [ ! -e "$out/refused/index.html" ] || { echo "FAIL: $1: a page was written"; exit 1; }
  echo "$1: exit 2: $(cat "$out/stderr")"
}
mkdir "$out/truncated"
head -c "$(($(stat -c %s "$out/demo/study.h5") / 2))" "$out/demo/study.h5" > "$out/truncated/study.h5"
expect_refused "truncated study.h5" "$out/truncated/study.h5"
expect_refused "folder of a truncated study.h5" "$out/truncated"
echo "not a study" > "$out/text.h5"
expect_refused "text file" "$out/text.h5"
mkdir "$out/empty"
expect_refused "folder without study.h5" "$out/empty"
# A study.h5 that opens but is malformed: the script's own check, one line.
cp "$out/demo/study.h5" "$out/malformed.h5"
/usr/bin/python3 -c 'import sys, h5py; h5py.File(sys.argv[1], "r+")["aggregate/metric_1"].attrs["columns"] = "mean"' \
  "$out/malformed.h5"
expect_refused "study.h5 with a metric's columns changed" "$out/malformed.h5"
echo "study report: OK"
