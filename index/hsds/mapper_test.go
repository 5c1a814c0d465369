package hsds

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds/hsdstest"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// realMapper maps the real records with the page's real words.
func realMapper(tb testing.TB) *Mapper {
	tb.Helper()
	d, problems := index.Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("data: %v", errs)
	}
	labels, err := ReadLabels(static.FS())
	if err != nil {
		tb.Fatal(err)
	}
	return New(d, labels)
}

// TestEveryDocumentValidates maps every record of the real data, in every
// language, full and as a list item, and validates each document against
// the official compiled schemas.
func TestEveryDocumentValidates(t *testing.T) {
	m := realMapper(t)
	schemas := hsdstest.Load(t, "../../testdata/hsds-3.0")
	n := 0
	check := func(schema, what string, doc any) {
		t.Helper()
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas.Validate(schema, b); err != nil {
			t.Errorf("%s as %s: %v", what, schema, err)
		}
		n++
	}
	for _, lang := range index.Languages {
		for _, o := range m.dir.Organizations {
			check("organization", o.ID, m.Organization(o, lang, orgFullService))
			check("organization", o.ID, m.Organization(o, lang, orgFull))
			check("organization_list", o.ID, m.Organization(o, lang, orgListItem))
			for i := range o.Services {
				ref := index.ServiceRef{Org: o, Service: &o.Services[i]}
				check("service", ref.DocID(), m.Service(ref, lang, true))
				check("service_list", ref.DocID(), m.Service(ref, lang, false))
				for _, l := range ref.Locations() {
					check("service_at_location", ref.DocID()+"@"+l.ID, m.ServiceAtLocation(ref, l, lang, true))
					check("service_at_location_list", ref.DocID()+"@"+l.ID, m.ServiceAtLocation(ref, l, lang, false))
				}
			}
		}
	}
	for _, tx := range m.Taxonomies() {
		check("taxonomy", tx.Name, tx)
	}
	for _, tm := range m.Terms("") {
		check("taxonomy_term", tm.Code+"/"+tm.Language, tm)
	}
	t.Logf("%d documents validated", n)
}
