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
	// main topic (facet number) of an authority's service, or -1
	mainTopic := func(o int32) int {
		if ix.entries[o].ref.Org.Kind != "authority" {
			return -1
		}
		if t := ix.flat.of(o, dimTopic); len(t) > 0 {
			return int(t[0])
		}
		return -1
	}
	top := make([]float64, len(ix.facets.ids[dimTopic]))
	found := false
	for _, c := range out {
		if t := mainTopic(c.ord); t >= 0 {
			top[t], found = max(top[t], c.score), true
		}
	}
	if !found {
		return
	}
	type org struct {
		id    string
		best  float64
		place float64
	}
	type key struct {
		topic int
		org   string
	}
	orgs := map[key]*org{}    // the comparable ones, by main topic and organization
	count := map[int]int{}    // organizations per main topic
	anchors := map[int]*org{} // per main topic: the best placed, then the best matched
	for _, c := range out {
		t := mainTopic(c.ord)
		if t < 0 || c.score < top[t]*equalShare {
			continue
		}
		k := key{t, ix.entries[c.ord].ref.Org.ID}
		g := orgs[k]
		if g == nil {
			g = &org{id: k.org, place: placeOf(c.ord)}
			orgs[k] = g
			count[t]++
		}
		if c.score > g.best {
			g.best, g.place = c.score, placeOf(c.ord)
		}
	}
	for k, g := range orgs {
		a := anchors[k.topic]
		if a == nil || g.place > a.place || g.place == a.place && (g.best > a.best || g.best == a.best && g.id < a.id) {
			anchors[k.topic] = g
		}
	}
	factor := map[key]float64{}
	for k, g := range orgs {
		if a := anchors[k.topic]; count[k.topic] > 1 && g != a {
			// never above 1: no office rises past services of others
			// it did not match as well
			factor[k] = min(1, a.best*g.place/a.place/g.best)
		}
	}
	if len(factor) == 0 {
		return
	}
	for i, c := range out {
		t := mainTopic(c.ord)
		if t < 0 {
			continue
		}
		if f, ok := factor[key{t, ix.entries[c.ord].ref.Org.ID}]; ok {
			if note != nil {
				note(c.ord, "× %.2f as one of %d equal offices, ordered by place", f, count[t])
			}
			out[i].score *= f
		}
	}
}
