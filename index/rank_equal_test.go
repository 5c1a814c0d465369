package index

import (
	"context"
	"strings"
	"testing"
)

// TestEqualOfficesInPlaceOrder: two immigration offices do the same for
// different towns; for a query that names no town the one in the region's
// centre comes first, though the other's record matches the words better
// (its description names the visa more often). Naming the town still finds its office.
func TestEqualOfficesInPlaceOrder(t *testing.T) {
	other := strings.NewReplacer(`"Ausländerbehörde Beispielstadt"`, `"Ausländerbehörde Wolfsburg"`,
		`city = "Braunschweig"`, `city = "Wolfsburg"`, `area = "braunschweig"`, `area = "wolfsburg"`,
		`place = "Gartenstadt"`, `place = "Wolfsburg"`, `areas = ["braunschweig"]`, `areas = ["wolfsburg"]`,
		`"Verlängert Aufenthaltstitel und Visa."`, `"Verlängert Aufenthaltstitel und Visa. Visum verlängern: auch das Visum zur Arbeit."`,
		`postcode = "38100"`, `postcode = "38440"`).Replace(fixtureOrg)
	// the region's centre is Braunschweig (regionCentre)
	areas := strings.Replace(fixtureAreas, `includes = ["braunschweig", "wolfsburg"]`, `includes = ["braunschweig", "wolfsburg"]
centre = "Braunschweig"`, 1)
	ix, err := New(context.Background(), mustLoad(t, map[string]string{"organizations/abh-wolfsburg.toml": other, "areas.toml": areas}))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{"Visum verlängern": "beispiel-amt", "Visum verlängern Wolfsburg": "abh-wolfsburg"} {
		res, err := ix.Search(context.Background(), Query{Text: q, Lang: "de", Page: 1, Limit: 10, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) < 2 || res.Hits[0].Org.ID != want {
			t.Errorf("%q: got %s, want %s first", q, ids(res.Hits), want)
		}
	}
}
