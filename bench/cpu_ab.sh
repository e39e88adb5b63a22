#!/usr/bin/env bash
# Whole-process CPU time (user + system) of two campusflow binaries doing the
# same work, interleaved A B A B ... in one run so that both see the same
# machine; the median of REPEATS each. Wall time on a shared machine is noise.
# usage: bench/cpu_ab.sh BINARY_A BINARY_B SCENARIO [REPEATS] [-- run options]
#   e.g. bench/cpu_ab.sh /tmp/old/campusflow build/release/app/campusflow scenarios/gate/base.json 9 -- --threads 1
set -euo pipefail
a=$1; b=$2; scenario=$3; repeats=${4:-9}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = "--" ] && shift
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
cpu() {  # user + system seconds of one whole run, result written and thrown away
  local bin=$1; shift
  /usr/bin/time -f "%U %S" -o "$out/t" "$bin" run "$scenario" -o "$out/r.h5" --quiet "$@" >/dev/null || [ $? -eq 3 ]
  awk '{printf "%.3f\n", $1 + $2}' "$out/t"
}
for _ in $(seq "$repeats"); do
  cpu "$a" "$@" >>"$out/a"
  cpu "$b" "$@" >>"$out/b"
done
median() { sort -n "$1" | sed -n "$(( (repeats + 1) / 2 ))p"; }
ma=$(median "$out/a"); mb=$(median "$out/b")
echo "$scenario: CPU time (median of $repeats) A $ma s, B $mb s, B/A $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.3f", b / a}')"
