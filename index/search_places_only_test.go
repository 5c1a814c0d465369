package index

import (
	"context"
	"slices"
	"testing"
)

// TestQueryOfOnlyAPlace: a query that is only a town lists the services
// for it, those located there first, rather than the region's general first
// contacts (Königslutter, which no text names) or only the two services
// whose texts name it (Bad Harzburg).
func TestQueryOfOnlyAPlace(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		query     string
		area      string   // the first hits are located in it
		firstOrgs []string // the first hits' organizations, when the texts name the place
		atLeast   int      // hits
	}{
		{query: "Königslutter", area: "lk-helmstedt", atLeast: 6},
		{query: "Königsluter", area: "lk-helmstedt", atLeast: 6},
		{query: "Bad Harzburg", area: "lk-goslar", firstOrgs: []string{"diakonie-goslar", "diakonie-goslar"}, atLeast: 6},
		{query: "Seesen", area: "lk-goslar", atLeast: 5},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tc.query, Lang: "de", Page: 1, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if res.Fallback || res.Total < tc.atLeast {
			t.Errorf("%q: fallback %v, %d hits; want at least %d services for the place", tc.query, res.Fallback, res.Total, tc.atLeast)
			continue
		}
		for i, org := range tc.firstOrgs {
			if got := res.Hits[i].Org.ID; got != org {
				t.Errorf("%q: hit %d is %s, want %s (its text names the place)", tc.query, i+1, got, org)
			}
		}
		for _, h := range res.Hits[len(tc.firstOrgs) : len(tc.firstOrgs)+3] {
			if e := ix.entries[ix.byDoc[h.DocID()]]; !slices.Contains(e.located, tc.area) {
				t.Errorf("%q: %s among the first, not located in %s", tc.query, h.DocID(), tc.area)
			}
		}
		for _, h := range res.Hits {
			if ix.placeWeight(&ix.entries[ix.byDoc[h.DocID()]], []string{tc.area}, nil) <= elsewhereWeight {
				t.Errorf("%q: %s does not serve %s", tc.query, h.DocID(), tc.area)
			}
		}
	}
}

// TestFirstContactsForAPlace: when a query naming a town finds nothing,
// the general first contacts come in the order of the town (those serving
// it before those elsewhere), not in the records' order.
func TestFirstContactsForAPlace(t *testing.T) {
	ix := mustRealIndex(t)
	res, err := ix.Search(context.Background(), Query{Text: "Königslutter qqxqzv", Lang: "de", Page: 1, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Fallback || len(res.Hits) < 2 {
		t.Fatalf("fallback %v with %d hits; want the first contacts", res.Fallback, len(res.Hits))
	}
	weight := func(h Hit) float64 {
		return ix.placeWeight(&ix.entries[ix.byDoc[h.DocID()]], []string{"lk-helmstedt"}, []string{"Königslutter am Elm"})
	}
	for i := 1; i < len(res.Hits); i++ {
		if weight(res.Hits[i]) > weight(res.Hits[i-1]) {
			t.Errorf("%s (place weight %.2f) after %s (%.2f)", res.Hits[i].DocID(), weight(res.Hits[i]), res.Hits[i-1].DocID(), weight(res.Hits[i-1]))
		}
	}
}
