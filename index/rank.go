package index

import (
	"html"
	"time"
)

// Ranking weights beyond the text match; docs/decisions/search-core.md.
const (
	oldWeight     = 0.9 // verified 2 to 5 years ago
	veryOldWeight = 0.8 // verified more than 5 years ago
	// A town the query names: services located there first, then those
	// serving it; services not serving it last but kept (a person may have
	// no choice).
	locatedWeight   = 1.5
	elsewhereWeight = 0.2
)

// freshnessWeight lowers the scores of services whose contact facts are many
// years old (the oldest fact shown, see ServiceRef.Freshness):
// among similar matches, the office that was confirmed recently is the
// better referral. Old records stay findable and are marked stale.
func freshnessWeight(freshness, now time.Time) float64 {
	switch age := now.Sub(freshness); {
	case age > 5*365*24*time.Hour:
		return veryOldWeight
	case age > 2*365*24*time.Hour:
		return oldWeight
	}
	return 1
}

// placeWeight weighs a service by the towns and districts a query names:
// "Migrationsberatung Wolfsburg" must not answer with Braunschweig's
// counselling because its name matches best.
func (ix *Index) placeWeight(e entry, areas []string) float64 {
	switch {
	case len(areas) == 0 || anyIn(e.served, areas) && !anyIn(e.located, areas):
		return 1
	case anyIn(e.located, areas):
		return locatedWeight
	}
	return elsewhereWeight
}

// firstContacts are the services marked first_contact: where anyone can start.
func (ix *Index) firstContacts(lang string) []Hit {
	var hits []Hit
	for _, e := range ix.entries {
		if e.ref.Service.FirstContact {
			hits = append(hits, Hit{ServiceRef: e.ref, Snippet: html.EscapeString(excerpt(e.ref, lang))})
		}
	}
	return hits
}

func mustBerlin() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic("time zone data missing; the binary embeds time/tzdata: " + err.Error())
	}
	return loc
}
