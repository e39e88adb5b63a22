#!/usr/bin/env bash
# CPU time (user + sys) and peak memory of `campusflow check` on large
# generated scenarios (bench/large_inputs.py): a hall with N obstacles for
# N = 1,000 to 10,000, a spawn area of 100,000 vertices, and 20,000 explicit
# positions among 10,000 obstacles. A benchmark, not a test: figures in
# docs/performance.md ("Checking large scenarios").
# usage: bench/check_scaling.sh [TIMEOUT_S]   (default 3600 s a scenario;
#        CAMPUSFLOW=path/to/campusflow picks another build)
set -euo pipefail
cd "$(dirname "$0")/.."
campusflow=${CAMPUSFLOW:-build/release/app/campusflow}
limit=${1:-3600}
[ -x "$campusflow" ] || { echo "build first: make build"; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cases=(
  "1,000 obstacles|--obstacles 1000"
  "2,000 obstacles|--obstacles 2000"
  "5,000 obstacles|--obstacles 5000"
  "10,000 obstacles|--obstacles 10000"
  "1,000 obstacles, spawn of 100,000 vertices|--obstacles 1000 --spawn-vertices 100000"
  "10,000 obstacles, 20,000 positions|--obstacles 10000 --positions 20000"
)
printf "%-45s %10s %10s\n" scenario "cpu (s)" "peak (MB)"
for c in "${cases[@]}"; do
  name=${c%%|*}
  read -ra args <<<"${c#*|}"
  python3 bench/large_inputs.py "${args[@]}" -o "$out/scenario.json"
  rc=0
  /usr/bin/time -f "%U %S %M" -o "$out/time" timeout "$limit" "$campusflow" check "$out/scenario.json" \
    >/dev/null 2>"$out/stderr" || rc=$?
  read -r user sys peak < <(tail -1 "$out/time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  case $rc in
    0) printf "%-45s %10s %10d\n" "$name" "$cpu" $((peak / 1024)) ;;
    124) printf "%-45s %10s %10s\n" "$name" ">$limit" "stopped" ;;
    *) printf "%-45s %10s %10s\n" "$name" "$cpu" "exit $rc"; head -3 "$out/stderr" ;;
  esac
done
