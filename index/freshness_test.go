package index

import (
	"testing"
	"time"
)

func mustDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func datedAt(s string) Dated { return Dated{AsOf: mustDay(s), Source: "https://example.org/" + s} }

// freshnessOrg has an old phone, a newer website, and two services with a
// location each: what a service shows decides its freshness.
func freshnessOrg() *Organization {
	return &Organization{
		Verified: mustDay("2025-10-07"),
		Website:  Link{URL: "https://example.org", Dated: datedAt("2025-10-07")},
		Locations: []Location{
			{ID: "alt", City: "Braunschweig", AsOf: mustDay("2012-05-01")},
			{ID: "neu", City: "Wolfsburg", AsOf: mustDay("2024-01-01")},
		},
		Services: []Service{{ID: "a", Locations: []string{"alt"}}, {ID: "b", Locations: []string{"neu"}}},
	}
}

func TestFreshnessIsTheOldestShownFact(t *testing.T) {
	o := freshnessOrg()
	if got := o.Freshness(); !got.Equal(mustDay("2012-05-01")) {
		t.Errorf("organization: got %s, want the 2012 address", got)
	}
	if got := (ServiceRef{o, &o.Services[1]}).Freshness(); !got.Equal(mustDay("2024-01-01")) {
		t.Errorf("service b: got %s, want 2024-01-01 (the 2012 address belongs to service a)", got)
	}
	o.Phones = []Phone{{Number: "0531 1"}} // undated: nobody knows its age
	if got := o.Freshness(); !got.IsZero() {
		t.Errorf("with an undated phone: got %s, want unknown (zero)", got)
	}
	bare := &Organization{Verified: mustDay("2023-03-01")}
	if got := bare.Freshness(); !got.Equal(mustDay("2023-03-01")) {
		t.Errorf("without contact facts: got %s, want verified", got)
	}
}

func TestUnconfirmedFollowsTheNewestEvidence(t *testing.T) {
	now := mustDay("2026-12-01")
	tests := []struct {
		name     string
		verified string
		website  string
		want     bool
		state    string
	}{
		{"recent source", "2025-10-07", "2015-02-19", false, "active"},
		{"only old sources", "2017-01-17", "2015-02-19", true, "unconfirmed"},
		{"a newer dated fact is evidence too", "2017-01-17", "2024-05-01", false, "active"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := &Organization{Verified: mustDay(tc.verified), Website: Link{URL: "https://example.org", Dated: datedAt(tc.website)}}
			if got := o.Unconfirmed(now); got != tc.want {
				t.Errorf("Unconfirmed = %v, want %v", got, tc.want)
			}
			if got := o.State(now); got != tc.state {
				t.Errorf("State = %q, want %q", got, tc.state)
			}
		})
	}
	defunct := &Organization{Status: "defunct", Verified: mustDay("2010-01-01")}
	if got := defunct.State(now); got != "defunct" {
		t.Errorf("a stated status wins: got %q", got)
	}
}
