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
#
# Go before 1.27 may end a run that found nothing with "context deadline
# exceeded" when -fuzztime expires while a worker is busy (a race in the
# fuzzing coordinator, go.dev/issue/75804, fixed in Go 1.27; seen here on a
# loaded machine). That failure alone, with no failing input written, is
# run once more; anything else fails at once.
fuzz() {
	echo "== $2 in $1 for ${seconds}s"
	log="$(mktemp)"
	for try in 1 2; do
		if go test "./$1" -run '^$' -fuzz "^$2\$" -fuzztime "${seconds}s" -fuzzminimizetime 1s >"$log" 2>&1; then
			cat "$log"
			rm -f "$log"
			return 0
		fi
		cat "$log"
		if [ "$try" = 2 ] || ! grep -q '^    context deadline exceeded$' "$log" || grep -q 'Failing input written' "$log"; then
			rm -f "$log"
			return 1
		fi
		echo "== $2: the fuzzing coordinator's deadline race (go.dev/issue/75804), no failing input; once more"
	done
}

fuzz index FuzzLoad
fuzz index FuzzWordSegmenter
fuzz index FuzzBracketBalance
fuzz server FuzzSearchParams
fuzz server FuzzJSONByHand
