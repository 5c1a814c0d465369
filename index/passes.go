package index

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	bindex "github.com/blevesearch/bleve_index_api"
)

// plainPass matches each word's plain form in a field analysed once for
// every language (the organization's id and alternate names).
func (ix *Index) plainPass(ctx context.Context, m *matches, q *parsedQuery, field string, weight float64) error {
	for wi, w := range q.words {
		for _, t := range w.plain {
			if err := ix.scoreTerm(ctx, m, field, t, weight, 0); err != nil {
				return err
			}
		}
		m.endWord(wi)
	}
	m.endPass(field, q.allWords())
	return nil
}

// prefixPass matches the last word as the beginning of a word of a name or
// keyword: search as you type ("Jobsu"). The completions come from the
// field's terms, the shortest first.
func (ix *Index) prefixPass(ctx context.Context, m *matches, q *parsedQuery) error {
	if q.last == "" || len(q.words) == 0 {
		return nil
	}
	for _, c := range ix.completions(q.last) {
		if err := ix.scoreTerm(ctx, m, fieldTypo, c, prefixWeight, 0); err != nil {
			return err
		}
	}
	m.endWord(len(q.words) - 1)
	m.endPass("prefix", q.allWords())
	return nil
}

// completions are the shortest terms of the typo field (names, keywords)
// that begin with prefix, at most maxCompletions, of the first
// maxPrefixTerms in byte order. They are a range of the field's terms,
// read when the index opened (fieldTerms.typo): bleve's prefix iterator
// starts a goroutine for each segment, and waking it was 5 % of a first
// search. Kept per index: search-as-you-type asks for the same prefixes
// again and again, and picking the shortest of up to maxPrefixTerms costs.
func (ix *Index) completions(prefix string) []string {
	if c, ok := ix.prefixes.Get(prefix); ok {
		return c
	}
	terms := ix.terms.typo
	from, _ := slices.BinarySearch(terms, prefix)
	to := from
	for to < len(terms) && to-from < maxPrefixTerms && strings.HasPrefix(terms[to], prefix) {
		to++
	}
	completions := slices.Clone(terms[from:to])
	slices.SortStableFunc(completions, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	c := slices.Clone(completions[:min(len(completions), maxCompletions)]) // not the rest's array
	ix.prefixes.Add(prefix, c)
	return c
}

// addCorrections finds, for words that matched nothing exactly, the
// vocabulary's terms one or two typos away.
func (ix *Index) addCorrections(q *parsedQuery, words uint32) {
	for wi := range q.words {
		if words&(1<<wi) == 0 {
			continue
		}
		w := &q.words[wi]
		w.corrections = map[string][]string{}
		byTerm := map[string][]string{} // term -> the languages analysing the word to it
		for _, lang := range sortedKeys(w.forms) {
			for _, t := range w.forms[lang] {
				byTerm[t] = append(byTerm[t], lang)
				if p := ix.vocab.longestKnownPrefix(lang, t); p != "" {
					w.corrections[lang] = append(w.corrections[lang], p)
				}
			}
		}
		for _, t := range sortedKeys(byTerm) {
			found := ix.vocab.fuzzy.corrections(t, byTerm[t])
			for _, lang := range sortedKeys(found) {
				w.corrections[lang] = append(w.corrections[lang], found[lang]...)
			}
		}
	}
}

// minStem is the shortest vocabulary term a longer unknown word may be
// read as: "öğretmendim" (I was a teacher) as "öğretmen", "Lehrerinnen" as
// "lehrerin". Languages that build words by suffixes (Turkish, Kurdish,
// Ukrainian without a stemmer) need it most.
const minStem = 5

// longestKnownPrefix returns the longest term of the vocabulary that a term
// starts with, of at least minStem letters and shorter than the term.
func (v *vocabulary) longestKnownPrefix(lang, term string) string {
	r := []rune(term)
	for k := len(r) - 1; k >= minStem; k-- {
		if p := string(r[:k]); v.knows(lang, p) {
			return p
		}
	}
	return ""
}

// typoPass matches words that found nothing exactly against the names and
// service keywords, forgiving typos: a fuzzy lookup costs far more than an
// exact one, so only where it pays.
func (ix *Index) typoPass(ctx context.Context, m *matches, q *parsedQuery, words uint32) error {
	for wi, w := range q.words {
		if words&(1<<wi) == 0 {
			continue
		}
		for _, t := range w.plain {
			found, err := ix.typoTerms(t)
			if err != nil {
				return err
			}
			for _, c := range found {
				if err := ix.scoreTerm(ctx, m, fieldTypo, c, typoWeight, 0); err != nil {
					return err
				}
			}
		}
		m.endWord(wi)
	}
	m.endPass("typo", q.allWords())
	return nil
}

// typoTerms are the names' and keywords' terms within a term's typo
// tolerance, kept in a bounded cache: bleve builds an automaton per lookup.
func (ix *Index) typoTerms(t string) ([]string, error) {
	if found, ok := ix.typos.Get(t); ok {
		return found, nil
	}
	fuzzy, ok := ix.reader.(bindex.IndexReaderFuzzy)
	d := maxEdits(len([]rune(t)))
	if !ok || d == 0 {
		return nil, nil // an index kind without fuzzy dictionaries: exact matches only
	}
	dict, err := fuzzy.FieldDictFuzzy(fieldTypo, t, d, "")
	if err != nil {
		return nil, fmt.Errorf("typo %s: %w", t, err)
	}
	defer dict.Close()
	var found []string
	for e, err := dict.Next(); e != nil && err == nil && len(found) < maxFuzzyHits; e, err = dict.Next() {
		found = append(found, e.Term)
	}
	ix.typos.Add(t, found)
	return found, nil
}

// conceptPass adds the topics and groups the query refers to: each of
// their services matches. A query word counts once per service, through the
// service's concept that explains it best, so that a keyword listed under
// two topics does not count twice for a service with both.
func (ix *Index) conceptPass(m *matches, q *parsedQuery) {
	cms, found := ix.vocab.match(q)
	found.noteAskedWords(ix.vocab.asked, q.folded)
	// A word read in another script asks too ("konsultatsiya":
	// консультация), in the query's language once known: "tarsia" next to
	// "rabota" is Bulgarian търся (I look for), not Persian ترس (fear).
	for _, w := range q.words {
		for _, lang := range slices.Sorted(maps.Keys(w.via)) {
			if q.detected == "" || lang == q.detected {
				found.noteAsked(ix.vocab.asked, strings.Join(w.via[lang], " "))
			}
		}
	}
	found.noteCountries(ix.vocab, q.folded)
	q.intents, q.needs = found, ix.needsOf(cms)
	if g := ix.originAudience(q.folded, found); g != "" {
		q.audience = []string{g}
	}
	hit := make([]bool, len(ix.vocab.concepts))
	for _, cm := range cms {
		// a responsible body is asked for only by a word its phrase
		// explains fully: "طب الاسنان" (dentistry) is not "فني اسنان"
		// (dental technician, a craft) for sharing "teeth"
		hit[cm.concept] = ix.vocab.concepts[cm.concept].body == nil || cm.words != 0
	}
	// How well each service fits each concept does not depend on the word:
	// computed once, not once per word (a broad topic has many services).
	fits := make([][]float64, len(cms))
	for k, cm := range cms {
		if !ix.anyBodies[cm.concept] || ix.vocab.concepts[cm.concept].body != nil {
			fits[k] = ix.baseFits[cm.concept] // bodyFit changes nothing: read, never written
			continue
		}
		fits[k] = make([]float64, len(ix.concepts[cm.concept]))
		for j, o := range ix.concepts[cm.concept] {
			fits[k][j] = ix.bodyFit(cm.concept, o, ix.baseFits[cm.concept][j], hit)
		}
	}
	// A group hit by the same words as a situation ("eleman almak":
	// employers, and hiring from abroad) says who asks about what: the
	// group's services that are about none of the topics or situations the
	// words name get the word in part. So the topics and situations go
	// first, and a group's service is about them if one already scored it.
	// A word that only names people ("refugees", also a keyword of asylum)
	// asks about nothing in particular: its group's services keep it.
	order := func(cm conceptMatch) int {
		if ix.vocab.concepts[cm.concept].group {
			return 1
		}
		return 0
	}
	alone := map[int32]bool{} // explained once
	for wi := range q.words {
		// a word of one concept only: its best per service is that
		// concept's score, straight into the pass (see termPass)
		if k := onlyConcept(cms, wi); k >= 0 {
			cm := cms[k]
			bit := countsBit(cm.counts(wi), wi)
			for j, o := range ix.concepts[cm.concept] {
				m.passAdd(o, conceptWeight*cm.credits[wi]*fits[k][j], bit)
			}
			continue
		}
		shared := false
		for step := range 2 {
			for k, cm := range cms {
				if cm.credits[wi] == 0 || order(cm) != step {
					continue
				}
				shared = shared || step == 0 && ix.vocab.concepts[cm.concept].situation != nil && cm.counts(wi) == countsFull
				for j, o := range ix.concepts[cm.concept] {
					w := 1.0
					if step == 1 && shared && m.word[o] == 0 {
						w = groupAloneWeight
						if m.explain != nil && !alone[o] {
							alone[o] = true
							m.note(o, "          group %s only, not what its words ask: × %.2f", ix.vocab.concepts[cm.concept].id, w)
						}
					}
					m.wordMax(o, conceptWeight*cm.credits[wi]*fits[k][j]*w, cm.counts(wi))
				}
			}
		}
		m.endWord(wi)
	}
	if m.explain != nil {
		for _, cm := range cms {
			c := ix.vocab.concepts[cm.concept]
			kind := "topic"
			switch {
			case c.group:
				kind = "group"
			case c.situation != nil:
				kind = "situation"
			case c.body != nil:
				kind = "bodies responsible for situation"
			}
			for _, o := range ix.concepts[cm.concept] {
				m.note(o, "          %s %s %.3f via %q", kind, c.id, conceptWeight*cm.score*ix.fit(cm.concept, o, hit), cm.via)
			}
		}
	}
	m.endPass("vocabulary", q.allWords())
}

// onlyConcept is the index of the one concept match crediting word wi, or
// -1 when none or several do.
func onlyConcept(cms []conceptMatch, wi int) int {
	k := -1
	for i, cm := range cms {
		if cm.credits[wi] != 0 {
			if k >= 0 {
				return -1
			}
			k = i
		}
	}
	return k
}

// fit is how well a service answers a concept the query hit: a service
// specialised in the situation the query describes fits it best, a service
// for one need fits it better than one that lists many (specificity), a
// service's main topic (the first it lists) better than its others, and
// the service of a responsible body (the IHK's recognition) fits the topic
// only for the body's own situations (its trades): for a nurse, the IHK is
// not the place.
func (ix *Index) fit(ci int, o int32, hit []bool) float64 {
	return ix.bodyFit(ci, o, ix.baseFit(ci, o), hit)
}

// baseFit is the part of fit that does not depend on the query.
func (ix *Index) baseFit(ci int, o int32) float64 {
	c := ix.vocab.concepts[ci]
	e := &ix.entries[o]
	if c.situation != nil {
		// as the best of the situation's topics and groups, and then some
		best := 0.0
		for _, t := range c.situation.Topics {
			if containsString(e.ref.Service.Topics, t) {
				best = max(best, ix.topicFit(e, t))
			}
		}
		// A service's group and its own words make it fit a situation
		// fully only when the situation is about its main topic: the
		// employment agency's employer service (main topic: work) after the
		// Welcome Center's (main topic: hiring from abroad), for hiring
		// from abroad.
		other := 1.0
		if t := e.ref.Service.Topics; len(c.situation.Topics) > 0 && len(t) > 0 && !containsString(c.situation.Topics, t[0]) {
			other = secondaryTopicWeight
		}
		if anyIn(e.ref.Service.Groups, c.situation.Groups) {
			best = max(best, e.specificity(true)*other)
		}
		return max(best, situationFloor*other) * situationFit
	}
	switch {
	case c.group:
		return e.specificity(true)
	case c.body != nil:
		return e.specificity(false)
	}
	return ix.topicFit(e, c.id)
}

// bodyFit lowers base for the service of a responsible body when the query
// hit none of its bodies' situations.
func (ix *Index) bodyFit(ci int, o int32, f float64, hit []bool) float64 {
	if bodies := ix.cols.bodies[o]; len(bodies) > 0 && ix.vocab.concepts[ci].body == nil {
		for _, b := range bodies {
			if hit[b] {
				return f
			}
		}
		f *= otherBodyWeight
	}
	return f
}

// topicFit is how well a service fits one of its topics: by how many
// topics it lists, and less for a topic after its first, main one.
func (ix *Index) topicFit(e *entry, topic string) float64 {
	f := e.specificity(false)
	if len(e.ref.Service.Topics) > 1 && e.ref.Service.Topics[0] != topic {
		f *= secondaryTopicWeight
	}
	return f
}

// sortedKeys returns a map's keys in order: what is built from a map must
// not depend on the order Go iterates it in.
func sortedKeys[V any](m map[string]V) []string {
	return appendSortedKeys(make([]string, 0, len(m)), m)
}

// appendSortedKeys appends a map's keys to keys, in order.
func appendSortedKeys[V any](keys []string, m map[string]V) []string {
	start := len(keys)
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys[start:])
	return keys
}

// known is the mask of query words the vocabulary has exactly.
func (v *vocabulary) known(q *parsedQuery) uint32 {
	var mask uint32
	for wi, w := range q.words {
		if w.known {
			mask |= 1 << wi
		}
	}
	return mask
}

// knowsAny reports whether the vocabulary has one of a word's terms.
func (v *vocabulary) knowsAny(forms map[string][]string) bool {
	for lang, ts := range forms {
		for _, t := range ts {
			if v.knows(lang, t) {
				return true
			}
		}
	}
	return false
}
