package index

import (
	"context"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // opening hours are Europe/Berlin wherever the binary runs
)

// Query is one search, already parsed and bounded by the caller.
type Query struct {
	Text       string
	Lang       string // language of snippets; German fallback
	Topics     []string
	Languages  []string
	Areas      []string
	Groups     []string
	FreeOnly   bool
	Wheelchair bool
	OpenNow    bool
	Now        time.Time // reference for OpenNow; zero means time.Now()
	Near       *Point
	Page       int // from 1; less is the first
	Limit      int // hits a page; less than 0 is none
	Explain    bool
}

// Point is a position in WGS84 degrees.
type Point struct{ Lat, Lon float64 }

// Result is one page of hits with facet counts over all hits.
type Result struct {
	Total int
	Hits  []Hit
	// Facets counts, per filter (topic, language, area, group), the
	// matches each value would give: with every other filter applied but
	// not the filter's own, so a count says what choosing a value yields.
	Facets       map[string][]FacetCount
	DetectedLang string // language the query seems to be written in
	// Places are the towns, villages and districts the query names, in
	// its order, whose areas rank the hits (none when it names none).
	Places     []PlaceRead
	Suggestion string // a corrected query, when nothing matched
	Fallback   bool   // Hits are the general first contacts, not matches
}

// Hit is one service found.
type Hit struct {
	ServiceRef
	Score      float64
	Snippet    string   // HTML: escaped text with <mark> around matched words
	DistanceKM *float64 // with Query.Near
	// DistanceApproximate: the nearest location's position is the centre
	// of its town or district, not a stated address.
	DistanceApproximate bool
	Explanation         string // with Query.Explain
}

// FacetCount is how many hits have one filter value.
type FacetCount struct {
	ID    string
	Count int
}

// QueryError says which part of a query is wrong.
type QueryError struct {
	Param   string
	Value   string // the value that is wrong, when one is (an unknown topic id)
	Message string
}

func (e *QueryError) Error() string { return e.Param + ": " + e.Message }

// Matches scoring below relevanceCutoff of the best one are dropped, so
// that totals and facet counts describe real matches, not the tail of
// single typo or description matches.
const relevanceCutoff = 0.01

var berlin = mustBerlin()

// Search runs a query. Filter values must exist in the vocabularies.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if ix.closed.Load() {
		return Result{}, ErrClosed
	}
	if err := ix.checkFilters(q); err != nil {
		return Result{}, err
	}
	if q.Now.IsZero() {
		q.Now = time.Now()
	}
	// The page's slice of the hits must not start before them.
	q.Page, q.Limit = max(q.Page, 1), max(q.Limit, 0)
	key, cacheable := q.CacheKey()
	if res, ok := ix.cache.get(key); cacheable && ok {
		return res, nil
	}
	res, err := ix.answer(ctx, q)
	if err == nil && cacheable {
		ix.cache.put(key, res)
	}
	return res, err
}

// answer searches without the cache.
func (ix *Index) answer(ctx context.Context, q Query) (Result, error) {
	res, err := ix.search(ctx, q)
	if err != nil {
		return res, err
	}
	if res.Total == 0 && strings.TrimSpace(q.Text) != "" {
		// No dead ends: suggest a spelling and show the general first contacts.
		res.Suggestion = ix.suggestion(ctx, q, res.DetectedLang)
		res.Hits, res.Fallback = ix.firstContacts(q.Lang, res.Places), true
	}
	return res, nil
}

// scored is a service with its score.
type scored struct {
	ord   int32
	score float64
}

func (ix *Index) search(ctx context.Context, q Query) (Result, error) {
	pq := ix.parse(q.Text)
	f := ix.newFilter(q)
	res := Result{}
	var cands []scored
	var explain map[int32][]string
	if pq == nil {
		cands = make([]scored, 0, len(ix.entries))
		for _, o := range ix.byName {
			cands = append(cands, scored{ord: o})
		}
	} else {
		res.DetectedLang, res.Places = pq.detected, pq.read
		m, err := ix.match(ctx, pq, q)
		defer ix.release(m) // after the page is cut: cands are m's
		if err != nil {
			return Result{}, err
		}
		cands, explain = ix.rank(m, pq, q.Now), m.explain
		if pq.onlyPlaces() {
			cands = ix.forPlacesOnly(cands, pq, q.Now)
		}
	}
	hits, facets := f.apply(ix, cands)
	res.Total, res.Facets = len(hits), facets
	k := q.Page * q.Limit
	if q.Near != nil {
		ix.byDistance(hits, *q.Near, k)
	} else if pq != nil {
		topK(hits, k, func(a, b scored) bool { return ix.before(a, b) })
	}
	from := min((q.Page-1)*q.Limit, len(hits))
	page := hits[from:min(from+q.Limit, len(hits))]
	res.Hits = make([]Hit, len(page))
	for i, s := range page {
		res.Hits[i] = Hit{ServiceRef: ix.entries[s.ord].ref, Score: s.score}
		if explain != nil {
			res.Hits[i].Explanation = strings.Join(explain[s.ord], "\n")
		}
	}
	if q.Near != nil {
		ix.addDistances(res.Hits, *q.Near)
	}
	ix.addSnippets(res.Hits, page, pq, q.Lang)
	return res, ctx.Err()
}

// forPlacesOnly answers a query that is only places ("Königslutter",
// "Bad Harzburg"): the services whose texts name the place (matched, their
// order kept) first, then every other service for it, those located there
// before those serving it (placeWeight, by freshness as matches are).
// Services only for elsewhere are left out. Such a query had found only
// the services naming the town in their texts (two for Bad Harzburg), or
// none and shown the region's general first contacts, most of them in
// Braunschweig (Königslutter).
func (ix *Index) forPlacesOnly(matched []scored, pq *parsedQuery, now time.Time) []scored {
	below := 1.0 // the lowest matched score: the others come after it
	in := make(map[int32]bool, len(matched))
	for _, c := range matched {
		in[c.ord] = true
		below = min(below, c.score)
	}
	// placeWeight is at most locatedWeight, and ages at most 1
	scale := below / (2 * locatedWeight)
	ages := newAgeWeights(now)
	out := matched
	for _, o := range ix.byName {
		if in[o] {
			continue
		}
		if w := ix.placeWeight(&ix.entries[o], pq.areas, pq.places); w > elsewhereWeight {
			out = append(out, scored{ord: o, score: scale * w * ages.of(&ix.cols, o)})
		}
	}
	return out
}

// match looks the query's words up in the services' fields and in the
// vocabulary. Each pass costs one postings lookup per word, language and
// form; typo tolerance runs only for words that found nothing exactly.
func (ix *Index) match(ctx context.Context, pq *parsedQuery, q Query) (*matches, error) {
	m := ix.newMatches(q.Explain)
	if m.explain != nil {
		for _, w := range pq.words {
			m.said = append(m.said, w.text)
		}
	}
	for fi, f := range textFields {
		if err := ix.termPass(ctx, m, pq, fi, f.weight); err != nil {
			return m, err
		}
	}
	if err := ix.plainPass(ctx, m, pq, fieldAlt, altWeight); err != nil {
		return m, err
	}
	if err := ix.prefixPass(ctx, m, pq); err != nil {
		return m, err
	}
	unmatched := pq.allWords() &^ (m.hitWords | ix.vocab.known(pq))
	if unmatched != 0 {
		ix.addCorrections(pq, unmatched)
		if err := ix.typoPass(ctx, m, pq, unmatched); err != nil {
			return m, err
		}
	}
	ix.conceptPass(m, pq)
	m.endMatch()
	return m, ctx.Err()
}

// rank turns accumulated matches into scores: the share of the query's
// words a service matches, its freshness and the towns the query names.
func (ix *Index) rank(m *matches, pq *parsedQuery, now time.Time) []scored {
	n := float64(len(pq.words))
	out := slices.Grow(m.ranked[:0], len(m.touched))
	best := 0.0
	audience, ages := ix.audienceGroups(pq.audience), newAgeWeights(now)
	memo := ix.newIntentMemo(pq.intents)
	var fits *classMemo
	if audience != nil {
		fits = ix.newAudienceMemo(audience)
	}
	var places *classMemo
	if len(pq.areas) > 0 {
		places = ix.newPlaceMemo(pq.areas, pq.places)
	}
	lacking := ix.lackingNeeds(m, places, pq.needs, audience)
	employer := pq.intents.employersQuestion()
	old := m.old[:0] // the unconfirmed, by their index in out
	facts := m.unconfirmed.facts[:0]
	for _, o := range m.touched {
		coord := wordsMatched(m.words[o]) / n
		fresh := ages.of(&ix.cols, o)
		place := ix.cols.unplaced[o]
		var fact uint8
		switch {
		case places != nil:
			place = places.of(o)
			if m.explain != nil {
				if l := ix.entries[o].ref.Service.LimitedTo; notForPlaces(l, pq.places) {
					m.note(o, "only for people living in %v, not %v: as if elsewhere", l, pq.places)
				}
			}
			if ix.responsible(o, place, lacking, employer) {
				place = locatedWeight
				if m.explain != nil {
					m.note(o, "responsible for %v, where no matched office has its main topic: as if located there", pq.areas)
				}
			}
			if place == locatedWeight {
				fact |= factLocated
			}
		case place == 0:
			place = ix.placeWeight(&ix.entries[o], nil, nil)
		}
		intent := memo.of(o)
		if audience != nil {
			fit := fits.of(o)
			intent *= fit
			if fit < 1 {
				place = min(place, 1)
			} else if ix.forAskersPeople(o, place, lacking, audience) {
				place = askersPeopleWeight
				if m.explain != nil {
					m.note(o, "first of all for the asker's people %v, serving %v, where no matched office for them has its main topic", pq.audience, pq.areas)
				}
			}
		}
		s := m.score[o] * coord * fresh * place * intent
		if m.explain != nil { // the arguments alone would cost a broad query dearly
			m.note(o, "× %.2f words matched, × %.2f freshness, × %.2f place %v (reach when none), × %.2f intent %v audience %v", coord, fresh, place, pq.areas, intent, pq.intents, pq.audience)
		}
		if ages.unconfirmedAt(&ix.cols, o) {
			old = append(old, len(out))
			fact |= factUnconfirmed
		}
		out = append(out, scored{o, s})
		facts = append(facts, fact)
		best = max(best, s)
	}
	var note func(int32, string, ...any)
	if m.explain != nil {
		note = m.note
	}
	if len(pq.areas) == 0 {
		ix.orderEqualOffices(out, func(o int32) float64 {
			if p := ix.cols.unplaced[o]; p != 0 {
				return p
			}
			return ix.placeWeight(&ix.entries[o], nil, nil)
		}, note, &m.equal)
	}
	m.unconfirmed.facts = facts
	ix.orderUnconfirmedByPlace(out, old, pq.needs, note, &m.unconfirmed, places != nil)
	m.ranked, m.old = out, old
	kept := out[:0]
	for _, c := range out {
		if c.score >= best*relevanceCutoff && c.score > 0 {
			kept = append(kept, c)
		}
	}
	return kept
}

// before orders hits by score, then by name.
func (ix *Index) before(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if ka, kb := ix.cols.nameKey[a.ord], ix.cols.nameKey[b.ord]; ka != kb {
		return ka < kb
	}
	return a.ord < b.ord
}

// topK moves the k first elements in less-order to the front of s, sorted:
// sorting every match of a broad query would cost more than the search.
func topK(s []scored, k int, less func(a, b scored) bool) {
	if k >= len(s) || len(s) < 64 {
		slices.SortStableFunc(s, func(a, b scored) int { return cmpLess(a, b, less) })
		return
	}
	// a heap of the k best so far, worst on top
	h := s[:k]
	worse := func(i, j int) bool { return less(h[i], h[j]) }
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= k {
				return
			}
			if c+1 < k && worse(c, c+1) {
				c++
			}
			if !worse(i, c) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for i := k; i < len(s); i++ {
		if less(s[i], h[0]) {
			h[0], s[i] = s[i], h[0]
			down(0)
		}
	}
	slices.SortStableFunc(h, func(a, b scored) int { return cmpLess(a, b, less) })
}

func cmpLess(a, b scored, less func(a, b scored) bool) int {
	switch {
	case less(a, b):
		return -1
	case less(b, a):
		return 1
	}
	return 0
}
