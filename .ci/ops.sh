#!/usr/bin/env bash
# Operations checks, run by .ci/test.sh after the unit tests: the fuzz
# targets briefly, the deployment files offline, and a short soak (load
# while the served data changes) that must end with zero failed requests.
# Installs: kubeconform (go install, cached), the Kubernetes OpenAPI spec
# (Go module proxy, cached), wrk and curl (Debian) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
scripts/validate-deploy.sh

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y wrk curl
fi
scripts/loadtest.sh soak "${SOAK_SECONDS:-45}"
