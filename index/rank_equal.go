package index

// Equal offices of several towns: the immigration offices, Jobcenters and
// employment agencies of the region's towns and districts do the same for
// different places. For a query that names no town, which of them the
// text matches best says only whose record was translated more fully (a
// district's service names in Turkish); their order should be the one of
// place alone, as the region's centre and reach give it.

// equalShare is how close an office's match must come to the best of its
// equals for it to count as one of them: a weaker one is about less of
// the query.
const equalShare = 0.5

// orderEqualOffices orders the authorities with the same main topic that
// match a query comparably (each organization's best service at least
// equalShare of the best) by place: each goes below the best placed one
// by its place weight against that one's, if it was above. Nothing rises,
// and an organization's own services keep their order.
func (ix *Index) orderEqualOffices(out []scored, placeOf func(o int32) float64, note func(int32, string, ...any)) {
	type org struct {
		id    string
		best  float64
		place float64
	}
	groups := map[string]map[string]*org{} // main topic -> organization -> its best service
	key := func(o int32) (string, bool) {
		e := &ix.entries[o]
		if e.ref.Org.Kind != "authority" || len(e.ref.Service.Topics) == 0 {
			return "", false
		}
		return e.ref.Service.Topics[0], true
	}
	for _, c := range out {
		t, ok := key(c.ord)
		if !ok {
			continue
		}
		if groups[t] == nil {
			groups[t] = map[string]*org{}
		}
		id := ix.entries[c.ord].ref.Org.ID
		if g := groups[t][id]; g == nil || c.score > g.best {
			groups[t][id] = &org{id: id, best: c.score, place: placeOf(c.ord)}
		}
	}
	for t, orgs := range groups {
		if len(orgs) < 2 {
			delete(groups, t)
			continue
		}
		top := 0.0
		for _, g := range orgs {
			top = max(top, g.best)
		}
		var anchor *org // the best placed, then the best matched
		for id, g := range orgs {
			if g.best < top*equalShare {
				delete(orgs, id)
				continue
			}
			if anchor == nil || g.place > anchor.place || g.place == anchor.place &&
				(g.best > anchor.best || g.best == anchor.best && g.id < anchor.id) {
				anchor = g
			}
		}
		for _, g := range orgs {
			// the factor for its services: never above 1, so no office
			// rises past services of others it did not match as well
			if g != anchor {
				g.place = min(1, anchor.best*g.place/anchor.place/g.best)
			}
		}
		anchor.place = 1
	}
	for i, c := range out {
		t, ok := key(c.ord)
		if !ok || groups[t] == nil {
			continue
		}
		if g := groups[t][ix.entries[c.ord].ref.Org.ID]; g != nil && len(groups[t]) > 1 {
			if note != nil {
				note(c.ord, "× %.2f as one of %d equal offices, ordered by place", g.place, len(groups[t]))
			}
			out[i].score *= g.place
		}
	}
}
