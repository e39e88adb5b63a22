#!/usr/bin/env bash
# Runs every libFuzzer harness of a fuzz build for a bounded time (CI: 60 s
# each) or a number of inputs: fuzz/run.sh BUILD_DIR SECONDS [RUNS].
# Seeds: fuzz/corpus/<harness>/ (committed: inputs that once crashed, and
# small interesting ones; the result harness's seed-*.h5 are small results
# remade by fuzz/make_result_seeds.sh) plus, for the scenario harness, the
# malformed and warned-about scenarios and the demo, for the study harness
# the shipped studies. New inputs go to a scratch corpus, not the tree. A
# crash, a leak, a sanitizer report or an input slower than 30 s fails the
# run, and the input is kept under fuzz/artifacts/ to be added to the corpus.
set -euo pipefail
build=$1; seconds=$2; runs=${3:--1}
here=$(cd "$(dirname "$0")" && pwd); src=$(dirname "$here")
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
mkdir -p "$here/artifacts"
status=0
# FUZZ_HARNESSES picks some (default: all); FUZZ_SEED fixes libFuzzer's random
# seed (CI: 1, so that a run repeats the same inputs as far as it gets).
for harness in ${FUZZ_HARNESSES:-fuzz_scenario fuzz_result fuzz_study}; do
  seeds=("$here/corpus/$harness")
  if [ "$harness" = fuzz_scenario ]; then
    # The small ones: malformed scenarios, plans check warns about, the demo.
    seeds+=("$src/scenarios/invalid" "$src/scenarios/warnings" "$src/scenarios/demo")
  fi
  # Studies, and scenarios with variants (the drill's is too long for max_len).
  if [ "$harness" = fuzz_study ]; then seeds+=("$src/scenarios/studies" "$src/tests/cli/data"); fi
  # A scenario is a few KiB; a small result 70-110 KiB (most of it chunk space).
  max_len=16384
  [ "$harness" = fuzz_result ] && max_len=262144
  mkdir -p "$scratch/$harness"
  dict=()
  [ -f "$here/$harness.dict" ] && dict=(-dict="$here/$harness.dict")
  echo "== $harness: ${seconds} s, runs ${runs}"
  if ! LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" "$build/fuzz/$harness" "$scratch/$harness" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" \
      -runs="$runs" -seed="${FUZZ_SEED:-0}" -timeout=30 -rss_limit_mb=4096 -max_len="$max_len" -print_final_stats=1 \
      -artifact_prefix="$here/artifacts/$harness-" 2>"$scratch/log"; then
    status=1
    grep -E "ERROR|SUMMARY|Test unit written" "$scratch/log" | head -20
  fi
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done" "$scratch/log" || tail -5 "$scratch/log"
done
exit $status
