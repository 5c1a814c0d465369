package server

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestAPIDocMatchesOpenAPI holds docs/api.md to openapi.json: every JSON
// example under a "## GET /api/v1/…" heading must be a valid answer of
// that route as the document describes it (field names, types, required
// fields, at most so many items). The document is itself checked against
// the real answers (TestOpenAPIMatchesAnswers), so the prose a partner
// reads first cannot drift from what the server says.
func TestAPIDocMatchesOpenAPI(t *testing.T) {
	doc, _ := openAPIRouter(t)
	md, err := os.ReadFile("../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile(`^## GET (/api/v1/[^?\s,]+)`)
	var route string
	checked := map[string]bool{}
	blocks := strings.Split(string(md), "```")
	for i, block := range blocks {
		if i%2 == 0 { // prose: the last route heading in it names the next examples
			for _, line := range strings.Split(block, "\n") {
				if m := heading.FindStringSubmatch(line); m != nil {
					route = m[1]
				}
			}
			continue
		}
		body, ok := strings.CutPrefix(block, "json\n")
		if !ok || route == "" {
			continue
		}
		// Patterns are not checked: the docs write "…" for an id or a date
		// left out. Names, types, required fields and sizes are.
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Errorf("docs/api.md, example of %s: not JSON: %v", route, err)
			continue
		}
		item := doc.Paths.Find(route)
		if item == nil || item.Get == nil {
			t.Errorf("docs/api.md shows an example of %s, which openapi.json does not describe", route)
			continue
		}
		schema := item.Get.Responses.Status(200).Value.Content.Get("application/json").Schema.Value
		if err := schema.VisitJSON(v, openapi3.MultiErrors(), openapi3.DisablePatternValidation()); err != nil {
			t.Errorf("docs/api.md, example of %s does not match openapi.json: %v", route, err)
		}
		checked[route] = true
	}
	for _, want := range []string{"/api/v1/search", "/api/v1/suggest", "/api/v1/services/{org}/{service}"} {
		if !checked[want] {
			t.Errorf("docs/api.md has no JSON example of %s checked", want)
		}
	}
}
