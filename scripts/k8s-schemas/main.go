// Command k8s-schemas turns the OpenAPI (swagger 2) spec of a Kubernetes
// release into the JSON schemas kubeconform reads, so that the manifests in
// deploy/kubernetes can be validated without kubeconform's download from
// GitHub. scripts/validate-deploy.sh takes the spec from the k8s.io/kubernetes
// module through the Go module proxy.
//
//	go run ./scripts/k8s-schemas SWAGGER.JSON OUTDIR
//
// It writes OUTDIR/_definitions.json with every definition, strict (objects
// reject unknown fields, as kubeconform -strict expects), and one small file
// per kind named as kubeconform looks it up, e.g. deployment-apps-v1.json,
// that refers into it.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type gvk struct{ Group, Version, Kind string }

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: k8s-schemas SWAGGER.JSON OUTDIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "k8s-schemas:", err)
		os.Exit(1)
	}
}

func run(specPath, out string) error {
	b, err := os.ReadFile(specPath)
	if err != nil {
		return err
	}
	var spec struct {
		Definitions map[string]map[string]any `json:"definitions"`
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		return fmt.Errorf("%s: %w", specPath, err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	kinds := 0
	for name, def := range spec.Definitions {
		fixTypes(name, def)
		strict(def)
		for _, k := range kindsOf(def) {
			if err := writeJSON(filepath.Join(out, fileName(k)), map[string]any{
				"$ref": "_definitions.json#/definitions/" + name,
			}); err != nil {
				return err
			}
			kinds++
		}
	}
	if err := writeJSON(filepath.Join(out, "_definitions.json"), map[string]any{"definitions": spec.Definitions}); err != nil {
		return err
	}
	fmt.Printf("k8s-schemas: %d definitions, %d kinds in %s\n", len(spec.Definitions), kinds, out)
	return nil
}

// fixTypes widens the two string types that manifests also write as
// numbers: ports ("http" or 8080) and quantities ("100m" or 1).
func fixTypes(name string, def map[string]any) {
	switch {
	case strings.HasSuffix(name, ".util.intstr.IntOrString"):
		clear(def)
		def["oneOf"] = []any{map[string]any{"type": "string"}, map[string]any{"type": "integer"}}
	case strings.HasSuffix(name, ".api.resource.Quantity"):
		clear(def)
		def["oneOf"] = []any{map[string]any{"type": "string"}, map[string]any{"type": "number"}}
	}
}

// strict forbids unknown fields in every object with declared properties,
// at any depth, so that a misspelt field fails validation.
func strict(v any) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["properties"].(map[string]any); ok {
			if _, set := v["additionalProperties"]; !set {
				v["additionalProperties"] = false
			}
		}
		for _, child := range v {
			strict(child)
		}
	case []any:
		for _, child := range v {
			strict(child)
		}
	}
}

func kindsOf(def map[string]any) []gvk {
	list, _ := def["x-kubernetes-group-version-kind"].([]any)
	var out []gvk
	for _, item := range list {
		m, _ := item.(map[string]any)
		g, _ := m["group"].(string)
		v, _ := m["version"].(string)
		k, _ := m["kind"].(string)
		if k != "" && v != "" {
			out = append(out, gvk{g, v, k})
		}
	}
	return out
}

// fileName follows kubeconform's {{ .ResourceKind }}{{ .KindSuffix }}.json:
// the kind in lower case, then the first part of the group, then the version.
func fileName(k gvk) string {
	suffix := "-" + strings.ToLower(k.Version)
	if k.Group != "" {
		suffix = "-" + strings.ToLower(strings.Split(k.Group, ".")[0]) + suffix
	}
	return strings.ToLower(k.Kind) + suffix + ".json"
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
