#!/usr/bin/env bash
# Files a scenario names (a street's demand file) and the scenario file itself
# are untrusted (sim/scenario/data_files.hpp, sim/core/input_file.hpp): names
# resolve in the scenario's folder and may not leave it (absolute names, ..,
# links) without --data-outside; only regular files up to 64 MiB are read (a
# FIFO or /dev/zero is refused at once, never waited on); messages never show
# the contents of a file that is not demand. Each case: exit 2, within 20 s.
set -uo pipefail
campusflow=$1; source_dir=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir -p school/data outside
template="$source_dir/scenarios/invalid/street-demand-file-errors.json"
# scenario NAME FILE: school/NAME.json naming FILE as its demand file.
scenario() { sed "s|\"file\": \"street-demand-file-errors.csv\"|\"file\": \"$2\"|" "$template" > "school/$1.json"; }
printf 'kind,id,time,type,route,dwell\ndrop_off,v0,12.5,car,east,45\n' > school/data/good.csv
printf 'SECRET_TOKEN=hunter2,x\n' > outside/secret.csv
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# expect RC NAME PATTERN ARGS...: exit RC, stderr matches PATTERN, no secret in it.
expect() {
  local want=$1 name=$2 pattern=$3; shift 3
  timeout 20 "$campusflow" "$@" >/dev/null 2>"$work/err"; rc=$?
  if [ "$rc" -ne "$want" ]; then fail "$name: exit $rc, expected $want: $(head -3 "$work/err")"; return; fi
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$work/err"; then fail "$name: no '$pattern' in: $(cat "$work/err")"; return; fi
  if grep -q -e hunter2 -e 'root:' -e 'SECRET' "$work/err"; then fail "$name: a file's contents in the message"; return; fi
  echo "ok $name${pattern:+ -> $(grep -- "$pattern" "$work/err" | head -1)}"
}

scenario good data/good.csv
expect 0 "a demand file in a subfolder" "" check school/good.json
scenario absolute /etc/passwd
expect 2 "an absolute name" "is an absolute name; a data file must be in the scenario's folder (allow it with --data-outside)" check school/absolute.json
scenario up ../outside/secret.csv
expect 2 "a name leading out by .." "leads out of the scenario's folder" check school/up.json
ln -s ../../outside/secret.csv school/data/link.csv
scenario link data/link.csv
expect 2 "a link leading out" "leads out of the scenario's folder through a link" check school/link.json
# Allowed outside: still only demand is shown, never other contents.
expect 2 "a secret file allowed outside" "is no column name" check school/up.json --data-outside
expect 2 "/etc/passwd allowed outside" "street.demand.file" check school/absolute.json --data-outside
scenario zero /dev/zero
expect 2 "/dev/zero" "is not a regular file (a device)" check school/zero.json --data-outside
mkfifo school/data/fifo.csv
scenario fifo data/fifo.csv
expect 2 "a FIFO" "is not a regular file (a FIFO)" check school/fifo.json
truncate -s 65M school/data/huge.csv
scenario huge data/huge.csv
expect 2 "a 65 MiB file" "is larger than 64 MiB" check school/huge.json
mkdir school/data/folder.csv
scenario folder data/folder.csv
expect 2 "a folder" "is not a regular file (a folder)" check school/folder.json
# The scenario file itself: the same rules for what is read.
expect 2 "/dev/zero as the scenario" "/dev/zero: is not a regular file (a device)" check /dev/zero
mkfifo school/scenario-fifo.json
expect 2 "a FIFO as the scenario" "scenario-fifo.json: is not a regular file (a FIFO)" run school/scenario-fifo.json --no-output
truncate -s 65M school/huge.json
expect 2 "a 65 MiB scenario" "is larger than 64 MiB" check school/huge.json
echo "$failures failures"
[ "$failures" -eq 0 ]
