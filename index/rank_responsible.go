package index

import "slices"

// The office responsible for a town, for a need the town's own matches do
// not serve: "cerco lavoro a salzgitter" found Salzgitter's citizens'
// service for migrants (located there, × locatedWeight, about arrival
// first) before the employment agency responsible for Salzgitter from its
// office in Braunschweig (× 1, about work first). A service that names the
// town among its areas and whose main topic is a need of the query counts
// as located there when no matched service located in the town has that
// need as its main topic. Where the town has its own office for the need,
// that one stays first.

// lackingNeeds marks, by topic number, the query's needs that no matched
// service located in the named towns has as its main topic; nil when the
// query names no town or no need.
func (ix *Index) lackingNeeds(m *matches, places *classMemo, needs []uint16, audience []uint8) []bool {
	if places == nil || len(needs) == 0 {
		return nil
	}
	n := len(ix.facets.ids[dimTopic])
	lacking := slices.Grow(m.lacking[:0], n)[:n] // reused: a town named is a common query
	clear(lacking)
	m.lacking = lacking
	for _, t := range needs {
		lacking[t] = true
	}
	for _, o := range m.touched {
		if t := ix.flat.of(o, dimTopic); len(t) > 0 && lacking[t[0]] && places.of(o) == locatedWeight && !notForAsker(ix.flat.of(o, dimGroup), audience) {
			lacking[t[0]] = false
		}
	}
	return lacking
}

// responsible reports whether a service weighed place (placeWeight: 1 is
// a service naming the town, located elsewhere) is responsible for a need
// the town lacks. For an employer's question a service for the whole
// region (broadWeight) is too: a firm in Peine hiring from abroad is the
// region's Welcome Center's client as much as one in Braunschweig, while a
// worker in Peine is better sent to an office in Peine.
func (ix *Index) responsible(o int32, place float64, lacking []bool, employer bool) bool {
	if lacking == nil || place != 1 && (place != broadWeight || !employer) {
		return false
	}
	t := ix.flat.of(o, dimTopic)
	return len(t) > 0 && lacking[t[0]]
}

// employersQuestion reports whether a query asks as an employer, and not
// as someone at risk: a question that is both is a worker's naming their
// firm ("unsere Firma … zahlt keinen Lohn"), for whom the town's offices
// stay first.
func (in intents) employersQuestion() bool {
	return in[intentEmployer] != nil && in[intentSensitive] == nil
}

// notForAsker reports whether a service is first of all for people the
// asker's group excludes (audienceGroups: the EU workers' counselling, for
// a Syrian): located in the town, it does not serve the town's need for
// this asker.
func notForAsker(groups []uint16, audience []uint8) bool {
	return audience != nil && firstExcluded(groups, audience)
}

// forAskersPeople reports whether a service serving the named town from
// elsewhere (the state's counselling for workers from outside the EU) is
// first of all for the asker's people, about a need the town lacks for
// them: it then weighs as one naming the town (× 1), not as one for a
// larger area.
func (ix *Index) forAskersPeople(o int32, place float64, lacking []bool, audience []uint8) bool {
	if lacking == nil || audience == nil || place <= elsewhereWeight || place >= 1 {
		return false
	}
	g, t := ix.flat.of(o, dimGroup), ix.flat.of(o, dimTopic)
	return len(g) > 0 && audience[g[0]] == audienceOwn && len(t) > 0 && lacking[t[0]]
}
