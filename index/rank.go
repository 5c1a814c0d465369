package index

import (
	"cmp"
	"html"
	"math"
	"slices"
	"time"
)

// Ranking weights beyond the text match; docs/decisions/search-core.md.
const (
	oldWeight     = 0.9 // verified 2 to 5 years ago
	veryOldWeight = 0.8 // verified more than 5 years ago
	// A town the query names: services located there first, then those
	// serving it; services not serving it last but kept (a person may have
	// no choice).
	locatedWeight   = 3.0
	elsewhereWeight = 0.2
	// A service for the town only as part of a larger area (the region,
	// the state) comes after the town's own services.
	broadWeight = 0.7
	// A service for the asker's people serving the town from elsewhere,
	// where the town has no office for them (rank_responsible.go).
	askersPeopleWeight = 1.0
	// A query that names no town: a service open to the whole region comes
	// before one for a single town, by the share of people it serves to
	// this power (a town of a fifth of the region: × 0.72).
	reachExponent = 0.2
	// …and one with an office in the region before one that only answers
	// by phone or online from elsewhere (a nationwide hotline); for a town
	// named too, after broadWeight (the national course finder after the
	// region's offices, for "Deutschkurs in Gifhorn").
	remoteWeight = 0.7
	// …and one with an office in the region's centre (the city the region
	// is named after, where its main offices are and its trains meet)
	// slightly before the same office elsewhere.
	centreWeight = 1.15
)

// ageWeights weigh services by age at one moment, with the dates they
// compare against computed once for all of a query's matches. Services
// whose contact facts are many years old (the oldest fact shown, see
// ServiceRef.Freshness) rank lower: among similar matches, the office
// confirmed recently is the better referral. Old records stay findable
// and are marked stale.
type ageWeights struct{ old, veryOld, unconfirmed instant }

func newAgeWeights(now time.Time) ageWeights {
	return ageWeights{old: instantOf(now.Add(-2 * 365 * 24 * time.Hour)), veryOld: instantOf(now.Add(-5 * 365 * 24 * time.Hour)),
		unconfirmed: instantOf(now.AddDate(-unconfirmedAfterYears, 0, 0))}
}

// of is the age weight of entry o, read from the index's columns.
func (a ageWeights) of(c *columns, o int32) float64 {
	w := 1.0
	switch fresh := c.fresh[o]; {
	case fresh.before(a.veryOld):
		w = veryOldWeight
	case fresh.before(a.old):
		w = oldWeight
	}
	return w
}

// unconfirmedAt reports whether a service's organization is only evidenced
// long ago (see orderUnconfirmed).
func (a ageWeights) unconfirmedAt(c *columns, o int32) bool {
	return c.confirmed[o].before(a.unconfirmed)
}

// placeWeight weighs a service by the towns and districts a query names:
// "Migrationsberatung Wolfsburg" must not answer with Braunschweig's
// counselling because its name matches best. A query naming none weighs
// services by their reach. A service limited to some towns of its areas
// (Service.LimitedTo) serves no other town the query names: the town of
// Goslar's own office is not Seesen's.
func (ix *Index) placeWeight(e *entry, areas, places []string) float64 {
	if len(areas) == 0 && e.unplaced != 0 {
		return e.unplaced
	}
	switch {
	case notForPlaces(e.ref.Service.LimitedTo, places):
		return elsewhereWeight
	case len(areas) == 0 && len(e.located) == 0:
		return e.reach * remoteWeight
	case len(areas) == 0 && ix.centre != "" && containsString(e.located, ix.centre):
		return e.reach * centreWeight
	case len(areas) == 0:
		return e.reach
	case anyIn(e.located, areas):
		return locatedWeight
	case anyIn(e.ref.Service.Areas, areas):
		return 1
	case anyIn(e.served, areas) && len(e.located) == 0:
		return broadWeight * remoteWeight
	case anyIn(e.served, areas):
		return broadWeight
	}
	return elsewhereWeight
}

// notForPlaces reports whether a service limited to the towns limited
// serves none of the places a query names; a query naming no place (or
// only a district) leaves it as it is.
func notForPlaces(limited, places []string) bool {
	return len(limited) > 0 && len(places) > 0 && !anyIn(limited, places)
}

// reach weighs a service by the share of the people of the areas with a
// known population that it serves: anyone asking without naming a town can
// use a service for the whole region, only some a service for one town.
// Without population figures every service weighs 1.
func (ix *Index) reach(served []string) float64 {
	total, open := 0, 0
	for _, a := range ix.dir.Areas {
		total += a.Population.Count
	}
	for _, id := range served {
		if a := ix.areas[id]; a != nil {
			open += a.Population.Count
		}
	}
	if total == 0 || open == 0 {
		return 1
	}
	return math.Pow(float64(open)/float64(total), reachExponent)
}

// regionCentre is the city or district holding the centre of the largest
// region of the data (Braunschweig for the Region Braunschweig), or "".
func regionCentre(areas []Area) string {
	var region *Area
	for i := range areas {
		if areas[i].Kind == "region" && areas[i].Centre != "" && (region == nil || len(areas[i].Includes) > len(region.Includes)) {
			region = &areas[i]
		}
	}
	if region == nil {
		return ""
	}
	for _, a := range areas {
		if (a.Kind == "city" || a.Kind == "district") && containsString(a.Places, region.Centre) {
			return a.ID
		}
	}
	return ""
}

// firstContacts are the services marked first_contact: where anyone can
// start. For a query naming places (a town and a word nobody wrote) those
// there come first, then those serving them, in the order placeWeight
// gives matches: a person in Königslutter is shown the district of
// Helmstedt's first contacts before Braunschweig's.
func (ix *Index) firstContacts(lang string, named []PlaceRead) []Hit {
	var ords []int32
	for i := range ix.entries {
		if ix.entries[i].ref.Service.FirstContact {
			ords = append(ords, int32(i))
		}
	}
	if len(named) > 0 {
		var areas, places []string
		for _, p := range named {
			areas = append(areas, p.Area)
			if p.Place != "" {
				places = append(places, p.Place)
			}
		}
		weight := func(o int32) float64 { return ix.placeWeight(&ix.entries[o], areas, places) }
		slices.SortStableFunc(ords, func(a, b int32) int { return cmp.Compare(weight(b), weight(a)) })
	}
	hits := make([]Hit, 0, len(ords))
	for _, o := range ords {
		ref := ix.entries[o].ref
		hits = append(hits, Hit{ServiceRef: ref, Snippet: html.EscapeString(excerpt(ref, lang))})
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
