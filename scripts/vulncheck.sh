#!/bin/sh
# Known vulnerabilities in the code, its modules and the Go standard
# library it is built with: govulncheck against the Go vulnerability
# database as of VULNDB_DATE. vuln.go.dev cannot be reached from CI, so the
# database comes as the Go module golang.org/x/vulndb, pinned below, whose
# data/osv folder govulncheck reads as a local database (CC BY 4.0, the Go
# Authors). To move the date, pick a newer golang.org/x/vulndb version
# (go list -m -versions golang.org/x/vulndb) and set both lines.
# Fails on any advisory that reaches the code and is not explained in
# scripts/vulncheck-accepted.txt. Installs govulncheck under
# ${XDG_CACHE_HOME:-~/.cache}/wegweiser/bin.
set -eu
cd "$(dirname "$0")/.."
# The toolchain of go.mod (1.26.10, with the security fixes); the go command
# fetches it from the Go module proxy when the machine has an older one.
export GOTOOLCHAIN=go1.26.10
GOVULNCHECK_VERSION=v1.9.0
VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018
VULNDB_DATE=2026-11-05
cache="${XDG_CACHE_HOME:-$HOME/.cache}/wegweiser"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

govulncheck="$cache/bin/govulncheck-$GOVULNCHECK_VERSION"
if [ ! -x "$govulncheck" ]; then
	GOBIN="$tmp" go install "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION"
	mkdir -p "$cache/bin" && mv "$tmp/govulncheck" "$govulncheck"
fi
# Outside this module, so that go.mod does not change.
(cd "$tmp" && go mod download "golang.org/x/vulndb@$VULNDB_VERSION")
db="$(go env GOMODCACHE)/golang.org/x/vulndb@$VULNDB_VERSION/data/osv"

echo "== govulncheck $GOVULNCHECK_VERSION, $(go env GOVERSION), database of $VULNDB_DATE"
status=0
"$govulncheck" -db "file://$db" ./... >"$tmp/out" 2>&1 || status=$?
cat "$tmp/out"
case "$status" in 0 | 3) ;; *) echo "vulncheck: govulncheck failed ($status)" >&2 && exit 1 ;; esac
ids="$(sed -n 's/^Vulnerability #[0-9]*: \(GO-[0-9]*-[0-9]*\)$/\1/p' "$tmp/out")"
if [ "$status" = 3 ] && [ -z "$ids" ]; then
	echo "vulncheck: govulncheck found something, but its output names no advisory this script can read" >&2
	exit 1
fi
unexplained=""
for id in $ids; do
	grep -q "^$id " scripts/vulncheck-accepted.txt || unexplained="$unexplained $id"
done
if [ -n "$unexplained" ]; then
	echo "vulncheck: reachable and not explained in scripts/vulncheck-accepted.txt:$unexplained" >&2
	exit 1
fi
echo "vulncheck: no unexplained advisory reaches the code"
