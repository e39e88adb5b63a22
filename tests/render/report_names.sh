#!/usr/bin/env bash
# `campusflow report` end to end on a small two-floor drill whose scenario,
# level, exit, stair and class names hold mathtext ($\frac{$, $x$), HTML
# (<script>, <b>, &, ") and Chinese (一年级): the report completes with nothing
# on stderr (matplotlib used to stop on a mathtext parse error), the page shows
# the names escaped and holds no markup from them.
set -euo pipefail
campusflow=$1
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cat > "$out/names.json" <<'EOF'
{
  "format": "campusflow-scenario/1",
  "name": "$\\frac{$ <script>alert(1)</script> & \"一年级\"",
  "settings": {"dt": 0.05, "time_limit": 300, "seed": 1, "output_fps": 10, "field_cell": 0.125},
  "model": {"type": "collision_free_speed"},
  "levels": [
    {"name": "一年级 $\\frac{$ ground", "elevation": 0,
     "outline": [[0, 0], [10, 0], [10, 10], [0, 10]],
     "exits": [{"name": "$\\frac{$ exit & \"east\"", "segment": [[10, 4], [10, 6]]}]},
    {"name": "<script>up</script> & \"1\"", "elevation": 3,
     "outline": [[0, 0], [10, 0], [10, 10], [0, 10]]}
  ],
  "stairs": [
    {"name": "<b>stair</b> $x$", "length": 6,
     "from": {"level": "<script>up</script> & \"1\"", "segment": [[0, 4], [0, 5.2]]},
     "to": {"level": "一年级 $\\frac{$ ground", "segment": [[0, 4], [0, 5.2]]}}
  ],
  "groups": [
    {"name": "一年级 $\\frac{$", "level": "一年级 $\\frac{$ ground", "count": 6, "spawn": [[3, 3], [7, 3], [7, 7], [3, 7]]},
    {"name": "<script>alert(\"x\")</script> & co", "level": "<script>up</script> & \"1\"", "count": 6,
     "spawn": [[3, 3], [7, 3], [7, 7], [3, 7]]}
  ]
}
EOF
"$campusflow" run "$out/names.json" -o "$out/names.h5" -q >/dev/null
env -u DISPLAY "$campusflow" report "$out/names.h5" -o "$out/page" >/dev/null 2>"$out/stderr" || {
  echo "report failed:"; cat "$out/stderr"; exit 1; }
[ ! -s "$out/stderr" ] || { echo "report wrote to stderr:"; cat "$out/stderr"; exit 1; }
/usr/bin/python3 - "$out/page" <<'PY'
import os, re, sys
page = open(os.path.join(sys.argv[1], "index.html"), encoding="utf-8").read()
escaped = ['<title>campusflow report: $\\frac{$ &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;一年级&quot;</title>',
           # the level names reach the page through the heatmaps' captions
           '一年级 $\\frac{$ ground: highest density',
           '&lt;script&gt;up&lt;/script&gt; &amp; &quot;1&quot;: highest density']
for text in escaped:
    assert text in page, f"missing from the page: {text}"
for raw in ["<script", "<b>", '"1"']:
    assert raw not in page, f"raw {raw} in the page"
# Every attribute value is quoted text without a quote inside.
for tag in re.findall(r"<[^>]*>", page):
    assert tag.count('"') % 2 == 0, f"unbalanced quotes in {tag}"
for name in ["evacuation.png", "classes.png", "flows.png", "worst-density.png"]:
    assert os.path.getsize(os.path.join(sys.argv[1], name)) > 0, name
print("names escaped in", len(re.findall("<img ", page)), "pictures' page")
PY
