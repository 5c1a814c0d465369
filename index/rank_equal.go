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
func (ix *Index) orderEqualOffices(out []scored, placeOf func(o int32) float64, note func(int32, string, ...any), eq *equalScratch) {
	// The authorities' main topics and organizations are numbered in the
	// columns, and what is kept per query is reused with the matches: a broad
	// query at scale has thousands of comparable organizations, and a map
	// keyed by strings cost a quarter of its search.
	auth := ix.cols.authorityTopic
	top := eq.reset(len(ix.facets.ids[dimTopic]), len(ix.cols.orgByID))
	found := false
	// A service that scores 0 (its words matched, its weights did not)
	// is cut off later and compares with nothing; where every equal
	// scored 0, the factors were 0/0, NaN.
	// the authorities among the matches, by their place in out: the
	// walks after this one skip the other matches (most of a broad query's)
	at := eq.at[:0]
	for i, c := range out {
		if t := auth[c.ord]; t >= 0 && c.score > 0 {
			top[t], found = max(top[t], c.score), true
			at = append(at, int32(i))
		}
	}
	eq.at = at
	if !found {
		return
	}
	for _, i := range at {
		c := out[i]
		t := auth[c.ord]
		if c.score < top[t]*equalShare {
			continue
		}
		org := ix.cols.org[c.ord]
		i := eq.find(t, org)
		if i < 0 {
			i = int32(len(eq.orgs))
			eq.orgs = append(eq.orgs, equalOrg{ord: c.ord, org: org, topic: t, place: placeOf(c.ord), next: eq.first[org]})
			eq.first[org] = i
			eq.count[t]++
		}
		if g := &eq.orgs[i]; c.score > g.best {
			g.best, g.place = c.score, placeOf(c.ord)
		}
	}
	for i := range eq.orgs {
		g := &eq.orgs[i]
		a := eq.anchor[g.topic]
		if a < 0 || ix.betterAnchor(g, &eq.orgs[a]) {
			eq.anchor[g.topic] = int32(i)
		}
	}
	some := false
	for i := range eq.orgs {
		g := &eq.orgs[i]
		if a := eq.anchor[g.topic]; eq.count[g.topic] > 1 && a != int32(i) {
			// never above 1: no office rises past services of others
			// it did not match as well
			a := &eq.orgs[a]
			g.factor, some = min(1, a.best*g.place/a.place/g.best), true
		}
	}
	if !some {
		return
	}
	for _, i := range at {
		c := out[i]
		t := auth[c.ord]
		if k := eq.find(t, ix.cols.org[c.ord]); k >= 0 && eq.orgs[k].factor != 0 {
			f := eq.orgs[k].factor
			if note != nil {
				note(c.ord, "× %.2f as one of %d equal offices, ordered by place", f, eq.count[t])
			}
			out[i].score *= f
		}
	}
}

// betterAnchor reports whether g is the better placed of two comparable
// organizations with one main topic, then the better matched, then the
// first by id.
func (ix *Index) betterAnchor(g, a *equalOrg) bool {
	return g.place > a.place || g.place == a.place && (g.best > a.best ||
		g.best == a.best && ix.cols.orgByID[ix.cols.org[g.ord]] < ix.cols.orgByID[ix.cols.org[a.ord]])
}

// equalOrg is an organization comparable with others of one main topic:
// its best service's score and that one's place weight, and the factor
// its services' scores are multiplied by (0: none).
type equalOrg struct {
	ord    int32 // one of its services
	org    int32 // its number
	topic  int32
	best   float64
	place  float64
	factor float64
	next   int32 // the same organization's entry for another main topic, or -1
}

// equalScratch is what orderEqualOffices keeps per query, reused through
// the matches kept for reuse (spareMatches).
type equalScratch struct {
	top    []float64 // per main topic: the best score
	count  []int32   // per main topic: comparable organizations
	anchor []int32   // per main topic: the anchor's index in orgs, or -1
	// per organization number: its first entry in orgs, or -1; a slice,
	// not a map keyed by (topic, organization): at copies 100k the map's
	// lookups were 8 % of a tail search
	first []int32
	orgs  []equalOrg
	at    []int32 // the authorities' places among the matches
}

// find is the index in orgs of an organization's entry for a main topic, or -1.
func (eq *equalScratch) find(topic, org int32) int32 {
	i := eq.first[org]
	for i >= 0 && eq.orgs[i].topic != topic {
		i = eq.orgs[i].next
	}
	return i
}

// reset empties the scratch for topics main topics and orgs organizations
// and returns top.
func (eq *equalScratch) reset(topics, orgs int) []float64 {
	if len(eq.top) != topics {
		eq.top, eq.count, eq.anchor = make([]float64, topics), make([]int32, topics), make([]int32, topics)
	}
	clear(eq.top)
	clear(eq.count)
	for i := range eq.anchor {
		eq.anchor[i] = -1
	}
	if len(eq.first) != orgs {
		eq.first = make([]int32, orgs)
		for i := range eq.first {
			eq.first[i] = -1
		}
	} else {
		for _, g := range eq.orgs { // only what the last query set
			eq.first[g.org] = -1
		}
	}
	eq.orgs = eq.orgs[:0]
	return eq.top
}
