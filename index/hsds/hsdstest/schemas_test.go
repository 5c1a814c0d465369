package hsdstest

import (
	"os"
	"testing"
)

// TestOfficialExamples: the official examples validate, and a document
// with a wrong id does not, so the schemas really assert something.
func TestOfficialExamples(t *testing.T) {
	s := Load(t, "../../../testdata/hsds-3.0")
	for file, schema := range map[string]string{"service_full.json": "service", "organization_full.json": "organization",
		"service_at_location_full.json": "service_at_location", "taxonomy.json": "taxonomy", "taxonomy_term.json": "taxonomy_term"} {
		b, err := os.ReadFile("../../../testdata/hsds-3.0/examples/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(schema, b); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	for _, bad := range []struct{ schema, doc string }{
		{"service", `{"id":"not-a-uuid","name":"x","status":"active"}`},
		{"service", `{"id":"ac148810-d857-441c-9679-408f346de14b","name":"x","status":"open"}`},
		{"service_list", `{"id":"ac148810-d857-441c-9679-408f346de14b","name":"x"}`},
		{"taxonomy_term", `{"id":"ac148810-d857-441c-9679-408f346de14b","name":"x"}`},
		{"page", `{"total_items":"3"}`},
		{"root", `{"version":3}`},
	} {
		if err := s.Validate(bad.schema, []byte(bad.doc)); err == nil {
			t.Errorf("%s accepted %s", bad.schema, bad.doc)
		}
	}
}
