#!/bin/sh
# Runs every fuzz target for a while: scripts/fuzz.sh [seconds per target]
# CI runs it for 10 s each; for a long run give it an hour or a night:
#   scripts/fuzz.sh 3600
# A failure writes the input to <package>/testdata/fuzz/<Target>/; commit it
# with the fix, and it becomes a regression test that `go test` always runs.
set -eu
# The toolchain of go.mod (1.26.10, with the security fixes); the go command
# fetches it from the Go module proxy when the machine has an older one.
export GOTOOLCHAIN=go1.26.10
cd "$(dirname "$0")/.."
seconds="${1:-10}"

# Minimizing an interesting input may take up to a minute by default and
# stalls a short run; one second is plenty for inputs of this size.
fuzz() {
	echo "== $2 in $1 for ${seconds}s"
	go test "./$1" -run '^$' -fuzz "^$2\$" -fuzztime "${seconds}s" -fuzzminimizetime 1s
}

fuzz index FuzzLoad
fuzz server FuzzSearchParams
fuzz server FuzzJSONByHand
