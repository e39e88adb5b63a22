#!/usr/bin/env bash
# Whole-run figures for a scenario: wall time, real-time factor, agent-updates
# per second and peak memory, for 1, 2, 4, ... threads up to the core count.
# usage: bench/scenario_timing.sh [SCENARIO] [REPEATS]   (median of REPEATS runs)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/demo/demo.json}
repeats=${2:-5}
campusflow=${CAMPUSFLOW:-build/release/app/campusflow}
[ -x "$campusflow" ] || { echo "build first: make build"; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cores=$(nproc)
printf "%-8s %12s %12s %16s %12s\n" threads "wall (s)" "RTF" "updates/s" "peak (MB)"
for threads in 1 2 4 8 16; do
  [ "$threads" -le "$cores" ] || break
  rows=()
  for _ in $(seq "$repeats"); do
    "$campusflow" run "$scenario" -o "$out/r.h5" --quiet --threads "$threads" >"$out/s"
    wall=$(sed -n 's/.*in \([0-9.]*\) s wall.*/\1/p' "$out/s")
    rtf=$(sed -n 's/.*real-time factor \([0-9.]*\)).*/\1/p' "$out/s")
    ups=$(sed -n 's/.*agent updates *\([0-9.e+]*\) per second.*/\1/p' "$out/s")
    mem=$(sed -n 's/.*peak memory *\([0-9]*\) MB.*/\1/p' "$out/s")
    rows+=("$wall $rtf $ups $mem")
  done
  median=$(printf "%s\n" "${rows[@]}" | sort -n | sed -n "$(( (repeats + 1) / 2 ))p")
  read -r wall rtf ups mem <<<"$median"
  printf "%-8s %12s %12s %16s %12s\n" "$threads" "$wall" "$rtf" "$ups" "$mem"
done
