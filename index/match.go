package index

import (
	"context"
	"fmt"
	"math/bits"
	"slices"
)

// Weights of the ranking; docs/decisions/search-core.md has the reasons.
const (
	// All of a query's words in one field (a name, a topic's keywords) say
	// more than each word alone somewhere.
	allWordsWeight = 2
	// Matches of the vocabulary: a topic or group a query refers to makes
	// each of its services a match.
	conceptWeight = 4
	prefixWeight  = 1.5 // the unfinished last word, against names
	// A responsible body's service (the IHK's recognition) for a query
	// that is not about the body's own situations (a nurse).
	otherBodyWeight = 0.5
	// A group's service that is not about the topic or situation the same
	// query words name (the business development agency for "we want to
	// hire staff", which is the employers' but not about hiring).
	groupAloneWeight = 0.5
	// A topic a service lists after its first, main one: the labour-rights
	// counselling also lists "work", but is not where to look for a job.
	secondaryTopicWeight = 0.75
	// A service whose own name or keywords hold the situation the query
	// describes ("Dolmetscher" for someone asking for "перекладач"): its
	// fit for the situation's topic, at least situationFloor, times this.
	situationFit   = 1.1
	situationFloor = 0.8
	// maxCompletions bounds the words an unfinished last word stands for.
	maxCompletions = 16
	maxPrefixTerms = 2000 // completions read from the dictionary, to pick the shortest
	// prefixCacheSize bounds the prefixes whose completions are kept.
	prefixCacheSize = 4096
	typoWeight      = 0.3 // a word found only with a typo, against names
)

// matches accumulates the score of every service a query touches: one
// slot per service, reused from a pool, so a query allocates little however
// many services match.
type matches struct {
	score   []float64
	words   []uint32 // bit i: query word i matched; bit halfShift+i: matched in part
	touched []int32
	// per pass: one field (or the vocabulary) at a time
	pass        []float64
	passWords   []uint32
	passTouched []int32
	// per word within a pass: the best of its languages and forms
	word        []float64
	wordCounts  []uint8 // how much the word counts as matched (see wordMax)
	wordTouched []int32
	explain     map[int32][]string // with Query.Explain
	hitWords    uint32             // words that matched any service
	// what ranking keeps per query (rank, orderEqualOffices,
	// orderUnconfirmed): the candidates stay in use until the page is cut
	seen        []uint8 // sortTouched's counts, zero between uses
	ranked      []scored
	old         []int
	equal       equalScratch
	unconfirmed unconfirmedScratch
	lacking     []bool // lackingNeeds, by topic
}

func (ix *Index) newMatches(explain bool) *matches {
	m, _ := ix.pool.Get().(*matches)
	if m == nil {
		n := len(ix.entries)
		m = &matches{score: make([]float64, n), words: make([]uint32, n), pass: make([]float64, n),
			passWords: make([]uint32, n), word: make([]float64, n), wordCounts: make([]uint8, n)}
	}
	if explain {
		m.explain = map[int32][]string{}
	}
	return m
}

// release clears the touched slots and returns m to the pool.
func (ix *Index) release(m *matches) {
	for _, o := range m.touched {
		m.score[o], m.words[o] = 0, 0
	}
	m.touched, m.explain, m.hitWords = m.touched[:0], nil, 0
	m.ranked, m.old = m.ranked[:0], m.old[:0]
	ix.pool.Put(m)
}

// How much a word counts as matched by a service (see rank's words
// matched): not, in part (it only fills part of a keyword: "lazım" of "iş
// lazım"), or fully. Partly matched words are kept in the high half of the
// word masks.
const (
	countsNot uint8 = iota
	countsPart
	countsFull
	halfShift = 16 // above maxQueryWords
	fullMask  = 1<<halfShift - 1
)

// wordAdd adds, for one word in one pass, a score per service: the word's
// forms and languages add up ("Jobcenter" in the German and the English
// name), which favours records that are translated.
func (m *matches) wordAdd(ord int32, s float64) {
	if m.word[ord] == 0 {
		m.wordTouched = append(m.wordTouched, ord)
	}
	m.word[ord] += s
	m.wordCounts[ord] = countsFull
}

// wordMax keeps, for one word in one pass, the best score per service.
// counts says how much this match makes the word count as matched.
func (m *matches) wordMax(ord int32, s float64, counts uint8) {
	if m.word[ord] == 0 {
		m.wordTouched = append(m.wordTouched, ord)
	}
	m.word[ord] = max(m.word[ord], s)
	m.wordCounts[ord] = max(m.wordCounts[ord], counts)
}

// endWord moves one word's best scores into the pass.
func (m *matches) endWord(wi int) {
	for _, o := range m.wordTouched {
		var bit uint32
		switch m.wordCounts[o] {
		case countsFull:
			bit = 1 << wi
		case countsPart:
			bit = 1 << (halfShift + wi)
		}
		m.passAdd(o, m.word[o], bit)
		m.word[o], m.wordCounts[o] = 0, countsNot
	}
	m.wordTouched = m.wordTouched[:0]
}

// wordsMatched is how many of a query's words a mask matches, a word
// matched in part counting half.
func wordsMatched(w uint32) float64 {
	full := w & fullMask
	return float64(bits.OnesCount32(full)) + 0.5*float64(bits.OnesCount32(w>>halfShift&^full))
}

func (m *matches) passAdd(ord int32, s float64, words uint32) {
	if m.pass[ord] == 0 && m.passWords[ord] == 0 {
		m.passTouched = append(m.passTouched, ord)
	}
	m.pass[ord] += s
	m.passWords[ord] |= words
}

// endPass adds a pass to the scores; a service matching all of the query's
// (several) words within the pass counts the pass more.
func (m *matches) endPass(name string, all uint32) {
	for _, o := range m.passTouched {
		s, w := m.pass[o], m.passWords[o]
		if w&fullMask == all && bits.OnesCount32(all) > 1 {
			s *= 1 + allWordsWeight
		}
		if m.score[o] == 0 && m.words[o] == 0 {
			m.touched = append(m.touched, o)
		}
		m.score[o] += s
		m.words[o] |= w
		m.hitWords |= w & fullMask
		if m.explain != nil {
			m.explain[o] = append(m.explain[o], fmt.Sprintf("%8.3f  %s (words %b)", s, name, w))
		}
		m.pass[o], m.passWords[o] = 0, 0
	}
	m.passTouched = m.passTouched[:0]
}

// sortTouched puts the touched services in the order of their numbers:
// ranking then reads the columns (and the facets) in order instead of
// jumping through them, which at 100,000 services missed the cache for
// nearly every match. The order of the matches does not change an answer
// (every order that cuts a page is total). A broad query's matches are
// counted out in one walk of the services; a few are sorted.
func (m *matches) sortTouched(n int) {
	if len(m.touched) < n/32 {
		slices.Sort(m.touched)
		return
	}
	if len(m.seen) != n {
		m.seen = make([]uint8, n)
	}
	for _, o := range m.touched {
		m.seen[o]++ // a service is touched once, or again by a pass that added nothing
	}
	k := 0
	for o, c := range m.seen {
		for ; c > 0; c-- {
			m.touched[k] = int32(o)
			k++
		}
		m.seen[o] = 0
	}
}

// note records an explanation line for a service.
func (m *matches) note(ord int32, format string, args ...any) {
	if m.explain != nil {
		m.explain[ord] = append(m.explain[ord], fmt.Sprintf(format, args...))
	}
}

// termPass matches each word's terms in one field per language.
func (ix *Index) termPass(ctx context.Context, m *matches, q *parsedQuery, field int, weight float64) error {
	for wi, w := range q.words {
		for _, lang := range q.langs {
			lw := weight
			if lang == q.detected {
				lw *= detectedLangWeight
			}
			for _, t := range w.forms[lang] {
				if err := ix.scoreTerm(ctx, m, textField(field, lang), t, lw); err != nil {
					return err
				}
			}
		}
		m.endWord(wi)
	}
	m.endPass(textFields[field].prefix, q.allWords())
	return ctx.Err()
}

// scoreTerm adds weight × TF-IDF for every service whose field holds the
// term (√tf × idf × length norm, from the decoded postings: postcache.go),
// without a call per posting: a broad term has tens of thousands. A match
// in an organization's document counts for each of its services.
func (ix *Index) scoreTerm(ctx context.Context, m *matches, field, term string, weight float64) error {
	if !ix.terms.has(field, term) {
		return nil
	}
	l, err := ix.postingList(ctx, field, term)
	if err != nil {
		return err
	}
	for i, ord := range l.ords {
		if ord >= 0 {
			m.wordAdd(ord, weight*l.weight(i))
			continue
		}
		w := weight * l.weight(i)
		for s, end := ix.orgFirst[-ord-1], ix.orgFirst[-ord]; s < end; s++ {
			m.wordAdd(s, w)
		}
	}
	return nil
}

// allWords is the mask of every word of the query.
func (q *parsedQuery) allWords() uint32 { return 1<<len(q.words) - 1 }
