#!/usr/bin/env bash
# expect_exit.sh CODE COMMAND...: passes when COMMAND exits with exactly CODE.
expected=$1; shift
"$@"; rc=$?
[ "$rc" -eq "$expected" ] || { echo "exit code $rc, expected $expected"; exit 1; }
