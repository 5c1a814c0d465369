#!/usr/bin/env bash
# The one test command of the README. On a fresh Debian machine it installs
# what the tests need (Debian's Chromium for the browser tests, axe-core from
# npm), then runs every test: vet, unit, HTTP, relevance and browser tests
# (the widget's 12 KiB gzip budget too: TestWidgetSize in static/).
set -euo pipefail
# The toolchain of go.mod (1.26.10, with the security fixes); the go command
# fetches it from the Go module proxy when the machine has an older one.
export GOTOOLCHAIN=go1.26.10
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v chromium >/dev/null 2>&1; then
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
if [ -f .ci/package-lock.json ]; then
  npm ci --prefix .ci --no-audit --no-fund --loglevel=error
fi

test -z "$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt: files need formatting:"; gofmt -l .; exit 1; }
go vet ./...
go test -race -count=1 ./...

# Operations checks (fuzzing briefly, deployment manifests), when present.
if [ -f .ci/ops.sh ]; then bash .ci/ops.sh; fi
