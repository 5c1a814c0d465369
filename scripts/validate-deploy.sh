#!/bin/sh
# Validates the deployment files without Docker or network access beyond the
# Go module proxy:
#   - deploy/kubernetes/*.yaml with kubeconform -strict against JSON schemas
#     generated from the Kubernetes OpenAPI spec (k8s.io/kubernetes module),
#     plus a self-test that a broken manifest fails;
#   - deploy/wegweiser.service with systemd-analyze verify and security;
#   - the Dockerfile's build step: a static binary (CGO_ENABLED=0).
# Installs kubeconform and caches the schemas under ${XDG_CACHE_HOME:-~/.cache}/wegweiser.
set -eu
# The toolchain of go.mod (1.26.10, with the security fixes); the go command
# fetches it from the Go module proxy when the machine has an older one.
export GOTOOLCHAIN=go1.26.10
cd "$(dirname "$0")/.."
K8S_VERSION=v1.34.2
KUBECONFORM_VERSION=v0.8.0
cache="${XDG_CACHE_HOME:-$HOME/.cache}/wegweiser"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== kubeconform $KUBECONFORM_VERSION"
kubeconform="$cache/bin/kubeconform"
if [ ! -x "$kubeconform" ]; then
	GOBIN="$cache/bin" go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
fi

echo "== JSON schemas of Kubernetes $K8S_VERSION"
schemas="$cache/k8s-schemas/$K8S_VERSION"
if [ ! -f "$schemas/_definitions.json" ]; then
	# Outside this module, so that go.mod does not change.
	(cd "$tmp" && go mod download "k8s.io/kubernetes@$K8S_VERSION")
	spec="$(go env GOMODCACHE)/k8s.io/kubernetes@$K8S_VERSION/api/openapi-spec/swagger.json"
	go run ./scripts/k8s-schemas "$spec" "$schemas.tmp"
	rm -rf "$schemas" && mv "$schemas.tmp" "$schemas"
fi
location="$schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json"

echo "== deploy/kubernetes"
"$kubeconform" -strict -summary -schema-location "$location" deploy/kubernetes/

# The schemas must bite: a misspelt field and a wrong type are errors.
sed 's/readinessProbe:/readynessProbe:/; s/replicas: 3/replicas: "3"/' deploy/kubernetes/deployment.yaml >"$tmp/broken.yaml"
if "$kubeconform" -strict -schema-location "$location" "$tmp/broken.yaml" >"$tmp/broken.out" 2>&1; then
	echo "validate-deploy: kubeconform accepted a broken manifest; the schemas check nothing" >&2
	exit 1
fi
grep -q readynessProbe "$tmp/broken.out" && grep -q /spec/replicas "$tmp/broken.out"

echo "== Dockerfile build step: static binary"
CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$tmp/wegweiser" ./cmd/wegweiser
if ! command -v readelf >/dev/null; then
	echo "readelf not installed (binutils); linking not checked"
elif readelf -l "$tmp/wegweiser" | grep -q INTERP; then
	echo "validate-deploy: the binary is dynamically linked" >&2
	exit 1
fi

echo "== deploy/wegweiser.service"
if command -v systemd-analyze >/dev/null; then
	# verify insists that ExecStart exists: point it at the binary just built.
	sed "s|/usr/local/bin/wegweiser|$tmp/wegweiser|" deploy/wegweiser.service >"$tmp/wegweiser.service"
	systemd-analyze verify "$tmp/wegweiser.service"
	# Exposure 0 (locked down) to 10 (unprotected); the unit reaches 1.4.
	systemd-analyze security --offline=yes --threshold=20 "$tmp/wegweiser.service" | tail -1
else
	echo "systemd-analyze not installed; unit not checked"
fi
echo "validate-deploy: ok"
