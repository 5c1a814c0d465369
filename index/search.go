package index

import (
	"context"
	"errors"
	"fmt"
	"html"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // opening hours are Europe/Berlin wherever the binary runs

	"github.com/blevesearch/bleve/v2"
	htmlformat "github.com/blevesearch/bleve/v2/search/highlight/format/html"
	"github.com/blevesearch/bleve/v2/search/query"
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
	Page       int // from 1
	Limit      int
	Explain    bool
}

// Point is a position in WGS84 degrees.
type Point struct{ Lat, Lon float64 }

// Result is one page of hits with facet counts over all hits.
type Result struct {
	Total        int
	Hits         []Hit
	Facets       map[string][]FacetCount // by filter name: topic, language, area, group
	DetectedLang string                  // language the query seems to be written in
	Suggestion   string                  // a corrected query, when nothing matched
	Fallback     bool                    // Hits are the general first contacts, not matches
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
	Message string
}

func (e *QueryError) Error() string { return e.Param + ": " + e.Message }

// Every search ranks at most maxHits matches; those scoring below
// relevanceCutoff of the best one are dropped, so that totals and facet
// counts describe real matches, not the tail of single fuzzy hits.
const (
	// A query's words together (all of them in one field, or as a phrase)
	// say more than each word alone in several fields.
	phraseWeight    = 1
	allWordsWeight  = 2
	elsewhereWeight = 0.2 // a service not serving the town the query names
	oldWeight       = 0.9 // verified 2 to 5 years ago
	veryOldWeight   = 0.8 // verified more than 5 years ago
	maxHits         = 1000
	relevanceCutoff = 0.01
)

var berlin = mustBerlin()

// Search runs a query. Filter values must exist in the vocabularies.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if err := ix.checkFilters(q); err != nil {
		return Result{}, err
	}
	res, err := ix.search(ctx, q)
	if err != nil || res.Total > 0 || strings.TrimSpace(q.Text) == "" {
		return res, err
	}
	// No dead ends: suggest a spelling and show the general first contacts.
	res.Suggestion = ix.suggestSpelling(q.Text)
	res.Hits, res.Fallback = ix.firstContacts(q.Lang), true
	return res, nil
}

func (ix *Index) search(ctx context.Context, q Query) (Result, error) {
	detected := ix.DetectLanguage(q.Text)
	text := strings.TrimSpace(q.Text)
	req := bleve.NewSearchRequestOptions(ix.buildQuery(q, detected), maxHits, 0, q.Explain)
	if text == "" {
		req.SortBy([]string{fieldNameSort, "_id"})
	} else {
		req.SortBy([]string{"-_score", fieldNameSort, "_id"})
	}
	sr, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	var hits []Hit
	for _, h := range sr.Hits {
		if text != "" && h.Score < sr.Hits[0].Score*relevanceCutoff {
			break // the long tail of single fuzzy or description matches
		}
		ref, ok := ix.services[h.ID]
		if !ok {
			return Result{}, errors.New("search: index and directory disagree on " + h.ID)
		}
		hit := Hit{ServiceRef: ref, Score: h.Score}
		if h.Expl != nil {
			hit.Explanation = h.Expl.String()
		}
		hits = append(hits, hit)
	}
	if text != "" {
		ix.preferFresh(hits, q.Now)
		if areas, _ := ix.places.areasIn(text); len(areas) > 0 {
			ix.preferPlaces(hits, areas)
		}
	}
	if q.Near != nil {
		ix.sortByDistance(hits, *q.Near)
	}
	res := Result{Total: len(hits), DetectedLang: detected, Facets: ix.facets(hits)}
	from := min((q.Page-1)*q.Limit, len(hits))
	res.Hits = hits[from:min(from+q.Limit, len(hits))]
	if err := ix.addSnippets(ctx, res.Hits, text, q.Lang, detected); err != nil {
		return Result{}, err
	}
	return res, nil
}

// preferFresh lowers the scores of records whose facts are many years old:
// among similar matches, the office that was confirmed recently is the
// better referral. Old records stay findable and are marked stale.
func (ix *Index) preferFresh(hits []Hit, now time.Time) {
	if now.IsZero() {
		now = time.Now()
	}
	for i := range hits {
		switch age := now.Sub(hits[i].Freshness()); {
		case age > 5*365*24*time.Hour:
			hits[i].Score *= veryOldWeight
		case age > 2*365*24*time.Hour:
			hits[i].Score *= oldWeight
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
}

// preferPlaces lowers the scores of services that do not serve a town or
// district the query names: "Migrationsberatung Wolfsburg" must not answer
// with Braunschweig's counselling because its name matches best. They are
// kept (a person may have no choice), below the local ones.
func (ix *Index) preferPlaces(hits []Hit, areas []string) {
	for i := range hits {
		served := ix.servedAreas(hits[i].Service)
		local := false
		for _, a := range areas {
			local = local || slices.Contains(served, a)
		}
		if !local {
			hits[i].Score *= elsewhereWeight
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
}

// addSnippets highlights the query in the descriptions of one page of hits;
// highlighting every match would cost more than the search.
func (ix *Index) addSnippets(ctx context.Context, hits []Hit, text, lang, detected string) error {
	fragments := map[string]map[string][]string{}
	if text != "" && len(hits) > 0 {
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.DocID()
		}
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), ix.textQuery(text, detected)), len(ids), 0, false)
		req.Highlight = bleve.NewHighlightWithStyle(htmlformat.Name)
		req.Highlight.AddField("desc_" + lang)
		req.Highlight.AddField("desc_de")
		sr, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("highlight: %w", err)
		}
		for _, h := range sr.Hits {
			fragments[h.ID] = h.Fragments
		}
	}
	for i := range hits {
		hits[i].Snippet = snippet(hits[i].ServiceRef, lang, fragments[hits[i].DocID()])
	}
	return nil
}

// facets counts, over all hits, the values of each filter.
func (ix *Index) facets(hits []Hit) map[string][]FacetCount {
	counts := map[string]map[string]int{"topic": {}, "language": {}, "area": {}, "group": {}}
	for _, h := range hits {
		s := h.Service
		for name, values := range map[string][]string{"topic": s.Topics, "language": s.Languages, "group": s.Groups, "area": ix.servedAreas(s)} {
			for _, v := range values {
				counts[name][v]++
			}
		}
	}
	out := map[string][]FacetCount{}
	for name, byID := range counts {
		list := []FacetCount{}
		for id, n := range byID {
			list = append(list, FacetCount{ID: id, Count: n})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].ID < list[j].ID
		})
		out[name] = list
	}
	return out
}

// servedAreas is every area a service serves, including the areas inside
// the ones it names: the same values the area filter matches.
func (ix *Index) servedAreas(s *Service) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range s.Areas {
		for _, id := range ix.within[a] {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// buildQuery turns a parsed query into bleve queries. User text only ever
// reaches bleve as the text of match queries, never as query syntax.
func (ix *Index) buildQuery(q Query, detected string) query.Query {
	var must []query.Query
	if text := strings.TrimSpace(q.Text); text != "" {
		must = append(must, ix.textQuery(text, detected))
	} else {
		must = append(must, bleve.NewMatchAllQuery())
	}
	must = appendAnyOf(must, fieldTopic, q.Topics)
	must = appendAnyOf(must, fieldLanguage, q.Languages)
	must = appendAnyOf(must, fieldArea, q.Areas)
	must = appendAnyOf(must, fieldGroup, q.Groups)
	if q.FreeOnly {
		must = appendAnyOf(must, fieldCost, []string{"free"})
	}
	if q.Wheelchair {
		must = appendAnyOf(must, fieldWheelchair, []string{"yes"})
	}
	if q.OpenNow {
		now := q.Now
		if now.IsZero() {
			now = time.Now()
		}
		ids := ix.openAt(now.In(berlin))
		if len(ids) == 0 {
			return bleve.NewMatchNoneQuery()
		}
		must = append(must, bleve.NewDocIDQuery(ids))
	}
	if len(must) == 1 {
		return must[0]
	}
	return bleve.NewConjunctionQuery(must...)
}

// textQuery matches free text in every language's fields. Clauses are
// grouped by aspect (names, keywords, prose, phrases, all words, typos,
// prefix), because a bleve disjunction scales its score by the share of its
// clauses that match: grouping makes that share mean "how many aspects
// match" instead of "in how many languages a word occurs".
func (ix *Index) textQuery(full, detected string) query.Query {
	// A town named in the query ranks services located there (placeBoost);
	// left in the text it would favour every provider with the town in
	// its name ("TU Braunschweig" for "Arbeit Braunschweig").
	areas, text := ix.places.areasIn(full)
	text = ix.generic.strip(text)
	weight := func(lang string) float64 {
		if lang == detected {
			return 1.5
		}
		return 1
	}
	match := func(field string, boost float64, tune func(*query.MatchQuery)) query.Query {
		m := bleve.NewMatchQuery(text)
		m.SetField(field)
		m.SetBoost(boost)
		if tune != nil {
			tune(m)
		}
		return m
	}
	var groups []query.Query
	var phrases, allWords []query.Query
	langs := scriptLanguages(text)
	for _, f := range textFields {
		var perLang []query.Query
		for _, lang := range langs {
			field, boost := f.prefix+"_"+lang, f.boost*weight(lang)
			perLang = append(perLang, match(field, boost, nil))
			allWords = append(allWords, match(field, boost, func(m *query.MatchQuery) {
				m.SetOperator(query.MatchQueryOperatorAnd)
			}))
			if f.prefix != "desc" && f.prefix != "odesc" && f.prefix != "org" {
				// Whole phrases: a name, or a keyword such as "work permit".
				p := bleve.NewMatchPhraseQuery(text)
				p.SetField(field)
				p.SetBoost(boost)
				phrases = append(phrases, p)
			}
		}
		groups = append(groups, group(perLang))
	}
	alt := bleve.NewMatchQuery(full)
	alt.SetField(fieldAlt)
	alt.SetBoost(6)
	groups = append(groups,
		alt,
		boosted(group(phrases), phraseWeight),
		boosted(group(allWords), allWordsWeight),
		// Typos: one fuzzy clause over the names and service keywords of
		// every language, because bleve builds a Levenshtein automaton per
		// term and field, and per-language fuzzy clauses cost most of the
		// time. Topic keywords stay out: copied to every service they would
		// double the index build (1.6 s, 330 MB) and made ranking worse.
		match(fieldTypo, 0.3, func(m *query.MatchQuery) { m.SetAutoFuzziness(true) }),
	)
	// Search as you type: the last word may be unfinished.
	if last := lastWord(full); len([]rune(last)) >= 2 {
		m := bleve.NewMatchQuery(last)
		m.SetField(fieldSuggest)
		m.Analyzer = analyzerPlain
		m.SetBoost(1.5)
		groups = append(groups, m)
	}
	if len(areas) > 0 {
		groups = append(groups, placeBoost(areas))
	}
	return bleve.NewDisjunctionQuery(groups...)
}

// boosted multiplies the boosts of a disjunction's clauses (bleve ignores
// a boost on the disjunction itself) and returns it.
func boosted(q *query.DisjunctionQuery, boost float64) query.Query {
	for _, c := range q.Disjuncts {
		if b, ok := c.(query.BoostableQuery); ok {
			b.SetBoost(b.Boost() * boost)
		}
	}
	return q
}

// group is a disjunction whose clauses are boosted by their number: bleve
// multiplies a disjunction's score by matched/total clauses, which would
// make a group of 50 per-language clauses worth 1/50 when one matches.
func group(clauses []query.Query) *query.DisjunctionQuery {
	for _, c := range clauses {
		if b, ok := c.(query.BoostableQuery); ok {
			b.SetBoost(b.Boost() * float64(len(clauses)))
		}
	}
	return bleve.NewDisjunctionQuery(clauses...)
}

func appendAnyOf(must []query.Query, field string, values []string) []query.Query {
	if len(values) == 0 {
		return must
	}
	var any []query.Query
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		any = append(any, t)
	}
	return append(must, bleve.NewDisjunctionQuery(any...))
}

func lastWord(text string) string {
	if strings.HasSuffix(text, " ") {
		return ""
	}
	words := strings.FieldsFunc(text, notLetter)
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

func (ix *Index) checkFilters(q Query) error {
	checks := []struct {
		param  string
		values []string
		known  func(string) bool
	}{
		{"topic", q.Topics, func(id string) bool { return ix.topics[id] != nil }},
		{"group", q.Groups, func(id string) bool { return ix.groups[id] != nil }},
		{"area", q.Areas, func(id string) bool { return ix.areas[id] != nil }},
		{"language", q.Languages, isLanguage},
	}
	for _, c := range checks {
		for _, v := range c.values {
			if !c.known(v) {
				return &QueryError{Param: c.param, Message: fmt.Sprintf("unknown value %q", v)}
			}
		}
	}
	return nil
}

// openAt lists the services with a location open at t.
func (ix *Index) openAt(t time.Time) []string {
	var ids []string
	for id, ref := range ix.services {
		for _, l := range ref.Locations() {
			if h, ok := ix.Hours(ref.Org, l); ok && h.OpenAt(t) {
				ids = append(ids, id)
				break
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// Locations returns the locations of the service, in the order it lists them.
func (r ServiceRef) Locations() []Location {
	var locs []Location
	for _, id := range r.Service.Locations {
		for _, l := range r.Org.Locations {
			if l.ID == id {
				locs = append(locs, l)
			}
		}
	}
	return locs
}

// sortByDistance orders hits by their nearest location; services without
// one (online only) come last. bleve sorts a multi-valued geo field by one
// arbitrary point, and a service may have several locations.
func (ix *Index) sortByDistance(hits []Hit, p Point) {
	for i := range hits {
		best, approx := math.Inf(1), false
		for _, l := range hits[i].Locations() {
			if lat, lon, a, ok := ix.Coordinates(l); ok {
				if d := haversineKM(p, Point{lat, lon}); d < best {
					best, approx = d, a
				}
			}
		}
		hits[i].DistanceApproximate = approx
		if !math.IsInf(best, 1) {
			d := math.Round(best*10) / 10
			hits[i].DistanceKM = &d
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i].DistanceKM, hits[j].DistanceKM
		if a == nil || b == nil {
			return b == nil && a != nil
		}
		return *a < *b
	})
}

// Coordinates returns a location's position; approximate is true when it is
// the centre of its place rather than a stated position.
func (ix *Index) Coordinates(l Location) (lat, lon float64, approximate, ok bool) {
	if l.Lat != nil && l.Lon != nil {
		return *l.Lat, *l.Lon, false, true
	}
	if p, found := ix.dir.Places[l.Place]; found {
		return p.Lat, p.Lon, true, true
	}
	return 0, 0, false, false
}

func haversineKM(a, b Point) float64 {
	const earthRadiusKM = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKM * math.Asin(math.Sqrt(h))
}

// snippet is the best highlighted fragment of the description, or its
// beginning. bleve's html formatter escapes the text around the marks.
func snippet(ref ServiceRef, lang string, fragments map[string][]string) string {
	field := "desc_" + lang
	if ref.Service.Description[lang] == "" {
		field = "desc_de"
	}
	if fr := fragments[field]; len(fr) > 0 {
		return fr[0]
	}
	text, _ := ref.Service.Description.In(lang)
	if r := []rune(text); len(r) > 200 {
		text = string(r[:200]) + "…"
	}
	return html.EscapeString(text)
}

// firstContacts are the services marked first_contact: where anyone can start.
func (ix *Index) firstContacts(lang string) []Hit {
	var hits []Hit
	for _, org := range ix.dir.Organizations {
		for i := range org.Services {
			if org.Services[i].FirstContact {
				ref := ServiceRef{org, &org.Services[i]}
				hits = append(hits, Hit{ServiceRef: ref, Snippet: snippet(ref, lang, nil)})
			}
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
