#!/usr/bin/env bash
# Side by side with SUMO on the school-gate scenario (issue 4): the same
# network, the same explicit demand (bench/sumo/gen_demand.py writes both a
# SUMO route file and a campusflow demand file from one set of draws), IDM in
# both, tick 0.25 s. Cases: base (600 drop-offs/h) and low demand (400/h).
#   bash bench/sumo/run.sh [--campusflow BIN] [--markdown FILE] [--seeds "1 2 3"]
# --seeds: replications with these demand seeds, their metrics averaged per
# engine before the comparison (default: 42, the shared generator's seed).
# Installs Debian's sumo if missing (root). Needs /usr/bin/python3 with h5py.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
campusflow=$root/build/release/app/campusflow; markdown=""; seeds=42
while [ $# -gt 0 ]; do
  case $1 in --campusflow) campusflow=$2; shift 2 ;; --markdown) markdown=$2; shift 2 ;; --seeds) seeds=$2; shift 2 ;; *) echo "unknown option $1" >&2; exit 2 ;; esac
done
if ! command -v sumo >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q sumo sumo-tools >/dev/null
fi
export SUMO_HOME=${SUMO_HOME:-/usr/share/sumo}
[ -x "$campusflow" ] || { echo "no campusflow binary at $campusflow (make build first)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
report=""
for case in base:600 lowdemand:400; do
  name=${case%%:*}; rate=${case##*:}
  for seed in $seeds; do
    d=$work/$name/$seed; mkdir -p "$d"
    # The base scenario's lay-by: 8 stalls of 7 m from 130 to 186 m along the school street.
    $py "$here/gen_demand.py" --rate "$rate" --seed "$seed" --bay-end 186 --rou "$d/gate.rou.xml" --csv "$d/demand.csv" >/dev/null
    $py "$here/sumo_side.py" --routes "$d/gate.rou.xml" --bay-start 130 --bay-end 186 --approach 130 --out "$d/sumo" >/dev/null
    $py "$here/campusflow_side.py" --campusflow "$campusflow" --scenario "$root/scenarios/gate/base.json" \
        --csv "$d/demand.csv" --out "$d/campusflow" >/dev/null
  done
  for engine in sumo campusflow; do
    $py "$here/average.py" "$work/$name/$engine.json" "$work/$name"/*/"$engine/metrics.json"
  done
  n=$(echo $seeds | wc -w); label="$name ($rate drop-offs/h for 20 min"
  [ "$n" -eq 1 ] && label+=", seed $seeds)" || label+=", means of $n demand seeds)"
  report+=$($py "$here/compare.py" "$label" "$work/$name/sumo.json" "$work/$name/campusflow.json")$'\n\n'
done
echo "$report"
[ -z "$markdown" ] || printf '%s' "$report" > "$markdown"
