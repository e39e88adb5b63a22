#!/usr/bin/env bash
# Where run writes its result (sim/io/output_file.hpp): only a regular file
# it created itself; nothing overwritten that is not its own, nothing lost.
set -euo pipefail
campusflow=$(realpath "$1"); source_dir=$(realpath "$2"); work=$(mktemp -d)
trap 'kill "${first:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
demo=$source_dir/scenarios/demo/demo.json
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
# expect CODE MESSAGE-PATTERN ARGS...: run exits CODE and says MESSAGE on stderr.
expect() {
  local code=$1 pattern=$2; shift 2
  set +e; "$campusflow" run "$@" --quiet >out.log 2>err.log; local rc=$?; set -e
  [ "$rc" -eq "$code" ] || fail "run $* exited $rc, expected $code: $(cat err.log)"
  grep -q -- "$pattern" err.log || fail "run $*: no '$pattern' in: $(cat err.log)"
}

# A device node (our own, in this folder; mknod needs root and, in a
# container, the right to make nodes) stays a device.
if [ "$(id -u)" -eq 0 ] && mknod null c 1 3 2>/dev/null; then
  expect 2 "it is a device" "$demo" -o null
  [ -c null ] || fail "the device node was replaced"
fi
mkfifo fifo
expect 2 "it is a FIFO" "$demo" -o fifo
mkdir folder
expect 2 "it is a folder" "$demo" -o folder
# The scenario itself, by another name too.
cp "$demo" s.json
ln s.json hard.json
expect 2 "over the scenario" s.json -o hard.json
cmp -s s.json "$demo" || fail "the scenario was overwritten"
# A link under the final name, or planted as the .partial: its target is untouched.
echo untouched > victim
ln -s victim linked.h5
expect 2 "it is a symbolic link" "$demo" -o linked.h5
ln -s victim planted.h5.partial
expect 1 "it is a symbolic link" "$demo" -o planted.h5
[ "$(cat victim)" = untouched ] || fail "the link's target was written"
[ ! -e planted.h5 ] || fail "a result was published through a planted link"
# "-" and --no-output: the run, no file.
"$campusflow" run "$demo" -o - --quiet | grep -q "result *(discarded)" || fail "-o - did not discard"
"$campusflow" run "$demo" --no-output --quiet >/dev/null
[ ! -e out ] && [ ! -e ./- ] || fail "a discarded result left a file"

# Two runs on one output: the second is refused before it truncates anything;
# the first run's file stays whole (here: interrupted, readable, incomplete).
"$campusflow" run "$source_dir/tests/cli/data/long-wait.json" -o two.h5 --quiet --threads 1 2>first.log &
first=$!
for _ in $(seq 50); do [ -s two.h5.partial ] && break; sleep 0.1; done
sleep 0.5
expect 1 "another run is writing it" "$demo" -o two.h5
kill -INT "$first"
set +e; wait "$first"; set -e
/usr/bin/python3 "$source_dir/tests/python/check_result.py" two.h5.partial --expect-status incomplete
# A dead run's .partial (no lock held any more) is replaced.
"$campusflow" run "$demo" -o two.h5 --quiet >/dev/null || fail "a stale .partial was not replaced"
[ -f two.h5 ] && [ ! -e two.h5.partial ] || fail "the result was not published"

# A scenario name is one file name under out/, whatever it says.
sed 's|"name": "demo"|"name": "../../escaped"|' "$demo" > named.json
mkdir -p deep/er && cd deep/er
"$campusflow" run ../../named.json --quiet >/dev/null
[ -f "out/_._.._escaped.h5" ] || fail "the derived name is not out/_._.._escaped.h5: $(find . -name '*.h5')"
[ ! -e ../../escaped.h5 ] && [ ! -e ../escaped.h5 ] || fail "the scenario name escaped out/"
echo ok
