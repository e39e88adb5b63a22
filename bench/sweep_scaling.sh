#!/usr/bin/env bash
# Runs per minute of `campusflow sweep` against the number of jobs (threads
# of one process) and of ranks under mpirun: the same study, each time into
# a fresh folder, whole processes side by side in one invocation. Prints
# wall and CPU time (user + sys, of the process tree) and the runs per
# minute of wall time; the tables of every configuration must be the same
# bit for bit, which the script checks. A benchmark, not a test: figures in
# docs/performance.md ("Studies").
# usage: bench/sweep_scaling.sh [STUDY] [MAX_WORKERS]
#        (default scenarios/studies/release-order.json, all cores;
#         CAMPUSFLOW=path/to/campusflow picks another build)
set -euo pipefail
cd "$(dirname "$0")/.."
campusflow=${CAMPUSFLOW:-build/release/app/campusflow}
study=${1:-scenarios/studies/release-order.json}
max=${2:-$(nproc)}
[ -x "$campusflow" ] || { echo "build first: make build"; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
workers=(1)
for ((n = 2; n <= max; n *= 2)); do workers+=("$n"); done
[ "${workers[-1]}" -eq "$max" ] || workers+=("$max")
printf '%-22s %8s %8s %9s %12s\n' "configuration" "wall s" "CPU s" "runs/min" "CPU s/run"
measure() {  # NAME DIR COMMAND...
  local name=$1 dir=$2; shift 2
  /usr/bin/time -f '%e %U %S' -o "$out/time" "$@" -o "$dir" -q > /dev/null 2>&1 || [ $? -eq 3 ]
  read -r wall user sys < "$out/time"
  local runs; runs=$(($(wc -l < "$dir/runs.csv") - 1))
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$runs" \
    'BEGIN { printf "%-22s %8.1f %8.1f %9.1f %12.2f\n", n, w, u + s, r / w * 60, (u + s) / r }'
  if [ -e "$out/first" ]; then
    for f in runs.csv aggregate.csv study.h5; do cmp -s "$out/first/$f" "$dir/$f" || echo "  $f differs from the first!"; done
  else
    cp -r "$dir" "$out/first"
  fi
}
for n in "${workers[@]}"; do measure "--jobs $n" "$out/jobs$n" "$campusflow" sweep "$study" --jobs "$n"; done
if command -v mpirun > /dev/null; then
  for n in "${workers[@]}"; do
    [ "$n" -ge 2 ] || continue
    measure "mpirun -n $n" "$out/mpi$n" mpirun --allow-run-as-root --oversubscribe -n "$n" "$campusflow" sweep "$study" --jobs 1
  done
fi
