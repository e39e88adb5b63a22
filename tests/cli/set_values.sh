#!/usr/bin/env bash
# `run --set POINTER=VALUE` and `--variant NAME`: a what-if without editing
# the file. Every bad setting exits 2 with a message naming its pointer, all
# at once; a good one changes the run and is recorded in the result.
set -uo pipefail
campusflow=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$source_dir" || exit 1
demo=scenarios/demo/demo.json
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_error EXPECTED_STDERR ARGS...: exit 2 and exactly these lines.
expect_error() {
  local expected=$1; shift
  "$campusflow" run "$demo" -o "$work/never.h5" -q "$@" >/dev/null 2>"$work/err"; local rc=$?
  [ "$rc" -eq 2 ] || fail "run $*: exit $rc, expected 2"
  diff <(printf '%s\n' "$expected") "$work/err" >/dev/null || { fail "run $*: messages differ"; diff <(printf '%s\n' "$expected") "$work/err"; }
  [ ! -e "$work/never.h5" ] || fail "run $*: wrote a result"
}

expect_error "$demo: --set /settingz/dt: the scenario has no member \"settingz\"; did you mean \"settings\"?" \
  --set /settingz/dt=0.1
expect_error "$demo: --set /levels/3/name: levels has 1 entry; \"3\" is not an index from 0 to 0" --set '/levels/3/name="x"'
expect_error "$demo: --set /settings/dt/x: settings.dt is a number; \"x\" names nothing inside it" --set /settings/dt/x=1
expect_error "$demo: --set : names the whole scenario; name a member, e.g. /settings/seed" --set '={}'
expect_error "$demo: settings.dt: -1 must be > 0 and <= 0.5 (set by --set /settings/dt)" --set /settings/dt=-1
expect_error "$demo: groups[0].count: \"many\" must be an integer (set by --set /groups/0/count)" --set '/groups/0/count="many"'
expect_error "$demo: settings.speed: unknown key; did you mean \"seed\"? (set by --set /settings/speed)" --set /settings/speed=2
expect_error "$demo: --variant: \"fast\" names no variant: the scenario has no \"variants\"" --variant fast
# An error the street's compiler finds (after the checks of the file) names the setting too.
demo=scenarios/gate/base.json expect_error "scenarios/gate/base.json: street.curb_zones[0].end: 300 puts the curb zone past the end of link \"wg\", which is 244.5 m long (set by --set /street/curb_zones/0/end)" --set /street/curb_zones/0/end=300
# All at once: a pointer that names nothing and a value the rules refuse.
expect_error "$demo: --set /levelz/0: the scenario has no member \"levelz\"; did you mean \"levels\"?
$demo: settings.time_limit: 0 must be > 0 and <= 86400 (set by --set /settings/time_limit)" \
  --set /levelz/0=1 --set /settings/time_limit=0
expect_error "campusflow run: --set /settings/dt: 'abc' is not JSON; the value is JSON: a number, true, false, a string in double quotes (--set '/name=\"x\"'), a list or an object
campusflow run: --set settings/dt: a JSON pointer starts with '/' (e.g. /settings/seed)" --set /settings/dt=abc --set settings/dt=1
expect_error "campusflow run: --set /a~2b: '~' in a JSON pointer must be followed by 0 ('~') or 1 ('/')" --set '/a~2b=1'
expect_error "campusflow run: --set /settings/seed: no value is not JSON; the value is JSON: a number, true, false, a string in double quotes (--set '/name=\"x\"'), a list or an object" --set /settings/seed=

# A good setting changes the run: fewer pupils in 7A, a new name, recorded.
"$campusflow" run "$demo" -o "$work/set.h5" -q --set /groups/0/count=10 --set '/groups/0/name="7A 七年级"' \
  --set '/levels/0/exits/-={"name": "north", "segment": [[6, 19], [7, 19]]}' > "$work/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || { fail "good --set: exit $rc"; cat "$work/out"; }
grep -q '235 spawned' "$work/out" || fail "good --set: expected 235 agents (270 - 35)"
grep -q 'exit north' "$work/out" || fail "good --set: the appended exit is not in the summary"
/usr/bin/python3 - "$work/set.h5" <<'PY' || fail "the result does not record the settings"
import h5py, json, sys
cf = h5py.File(sys.argv[1])["campusflow"]
overrides = json.loads(cf.attrs["overrides"])
assert [o["pointer"] for o in overrides] == ["/groups/0/count", "/groups/0/name", "/levels/0/exits/-"], overrides
assert overrides[0]["value"] == 10 and overrides[1]["value"] == "7A 七年级", overrides
assert cf.attrs["variant"] == "", cf.attrs["variant"]
PY
# The same scenario with the same settings gives the same run; the base another hash.
"$campusflow" run "$demo" --no-output -q --set /groups/0/count=10 --set '/groups/0/name="7A 七年级"' \
  --set '/levels/0/exits/-={"name": "north", "segment": [[6, 19], [7, 19]]}' | grep 'state hash' > "$work/h1"
grep 'state hash' "$work/out" | diff -q - "$work/h1" >/dev/null || fail "the same settings gave another state hash"

# A named variant of the shipped drill runs, and the result names it.
"$campusflow" check scenarios/drill/drill.json > "$work/check" 2>&1 || fail "check drill.json with its variants"
[ "$(grep -c ', variant "[^"]*": ok$' "$work/check")" -eq 4 ] || { fail "check did not check the 4 variants"; cat "$work/check"; }

echo "$failures failures"
[ "$failures" -eq 0 ]
