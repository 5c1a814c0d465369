package index

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestUnconfirmedKeepsItsNeed: an office evidenced only long ago ranks below
// confirmed offices for the same need (TestUnconfirmedRanksBelowConfirmed),
// not below confirmed services for another need that merely mention the
// words: the immigration office, last confirmed in 2016, stays the first
// answer for a visa when the only confirmed match is a job counselling that
// also answers questions about visas.
func TestUnconfirmedKeepsItsNeed(t *testing.T) {
	old := strings.ReplaceAll(fixtureOrg, "2026-01-15", "2016-01-15")
	old = strings.Replace(old, `"Aufenthaltstitel verlängern"`, `"Visum und Aufenthaltstitel verlängern"`, 1)
	jobs := strings.Replace(secondOrg, `first_contact = true`, `keywords = { de = ["Visum"] }`, 1)
	d := mustLoad(t, map[string]string{"organizations/beispiel-amt.toml": old, "organizations/jobhilfe.toml": jobs})
	ix, err := New(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	res, err := ix.Search(context.Background(), Query{Text: "Visum", Lang: "de", Page: 1, Limit: 10, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 2 || res.Hits[0].Org.ID != "beispiel-amt" {
		t.Errorf("got %s, want beispiel-amt (the visa office, last evidence 2016) before jobhilfe (job search, mentions visas)", ids(res.Hits))
	}
}

// TestUnconfirmedInANamedTown: for a town named, an office there evidenced
// only long ago goes below the confirmed offices there for the same need,
// not below a confirmed service for the whole region elsewhere: for
// "Integration Peine", Peine's migration counselling (last evidence 2016)
// before the region's interpreters in Braunschweig, but after Peine's
// confirmed integration guides.
func TestUnconfirmedInANamedTown(t *testing.T) {
	peine := strings.Replace(understandOrgs["peine"], "verified = 2026-06-01", "verified = 2016-06-01", 1)
	ix := understandIndexWith(t, map[string]string{
		"peine": strings.Replace(peine, `"Integration in Peine"`, `"Beratung in Peine"`, 1),
		// the region's service names integration: it matches comparably
		"dolmetsch": strings.Replace(understandOrgs["dolmetsch"], `keywords = { de = [] }`, `keywords = { de = ["Integration", "Integrationshilfe"] }`, 1),
	})
	q, order := "Integration Peine", []string{"lotsen", "peine", "dolmetsch"}
	got := ranked(t, ix, q)
	for i := 1; i < len(order); i++ {
		if a, b := rankOf(got, order[i-1]), rankOf(got, order[i]); a == 0 || b == 0 || a > b {
			t.Errorf("%q: got %s, want %s before %s", q, orgList(got), order[i-1], order[i])
		}
	}
}
