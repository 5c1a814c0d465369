package index

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"runtime"
	"strconv"
	"strings"
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
// slot per service, reused (spareMatches), so a query allocates little however
// many services match. Each level (a word, a pass, the query) marks the
// services it touched in a bitset and reads them back in the order of
// their numbers: the slots are then visited in order, which at 100,000
// services is what keeps a broad query's passes in the cache.
type matches struct {
	score   []float64
	words   []uint32 // bit i: query word i matched; bit halfShift+i: matched in part
	seen    ordSet
	touched []int32 // seen's services in order, once match is done
	// per pass: one field (or the vocabulary) at a time
	pass      []float64
	passWords []uint32
	passSeen  ordSet
	// per word within a pass: the best of its languages and forms
	word       []float64
	wordCounts []uint8 // how much the word counts as matched (see wordMax)
	wordSeen   ordSet
	drained    []int32            // release's scratch: a level's services, read from its bitset
	explain    map[int32][]string // with Query.Explain
	said       []string           // with Query.Explain: the query's words, to name them
	hitWords   uint32             // words that matched any service
	// what ranking keeps per query (rank, orderEqualOffices,
	// orderUnconfirmed): the candidates stay in use until the page is cut
	ranked      []scored
	old         []int
	equal       equalScratch
	unconfirmed unconfirmedScratch
	lacking     []bool // lackingNeeds, by topic
}

// ordSet is a set of service numbers, one bit each.
type ordSet []uint64

func newOrdSet(n int) ordSet { return make(ordSet, (n+63)/64) }

func (s ordSet) add(o int32) { s[o>>6] |= 1 << (o & 63) }

// drain appends the set's services to buf in order and empties the set.
func (s ordSet) drain(buf []int32) []int32 {
	for k, w := range s {
		if w == 0 {
			continue
		}
		s[k] = 0
		for base := int32(k << 6); w != 0; w &= w - 1 {
			buf = append(buf, base|int32(bits.TrailingZeros64(w)))
		}
	}
	return buf
}

// spareMatches is how many matches an index keeps for reuse: as many as
// searches run at once (the server's default limit, twice the cores and
// at least 4). A sync.Pool dropped them at every collection, and a
// search that then found none allocated its slots anew: at 100,000
// services 3-5 MB, a quarter of what a tail search allocated, which made
// the collections that dropped them come sooner.
func spareMatches() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

func (ix *Index) newMatches(explain bool) *matches {
	var m *matches
	select {
	case m = <-ix.spare:
	default:
		n := len(ix.entries)
		m = &matches{score: make([]float64, n), words: make([]uint32, n), seen: newOrdSet(n),
			pass: make([]float64, n), passWords: make([]uint32, n), passSeen: newOrdSet(n),
			word: make([]float64, n), wordCounts: make([]uint8, n), wordSeen: newOrdSet(n)}
	}
	if explain {
		m.explain = map[int32][]string{}
	}
	return m
}

// passNames are the passes' fields in words, for explanations.
var passNames = map[string]string{"name": "name", "org": "organization's name", "skw": "keywords",
	"desc": "description", "odesc": "organization's description", fieldAlt: "organization id or other name",
	"prefix": "start of a word (unfinished)", "typo": "one typo away", "vocabulary": "topics, groups and situations"}

// wordNames says which of the query's words a word mask holds, for
// explanations: `words "chef", "zahlt"; in part "nicht"`.
func (m *matches) wordNames(w uint32) string {
	var full, part []string
	for i, word := range m.said {
		if w&(1<<i) != 0 {
			full = append(full, strconv.Quote(word))
		} else if w&(1<<(halfShift+i)) != 0 {
			part = append(part, strconv.Quote(word))
		}
	}
	out := "words " + strings.Join(full, ", ")
	if len(full) == 0 {
		out = "no word in full"
	}
	if len(part) > 0 {
		out += "; in part " + strings.Join(part, ", ")
	}
	return out
}

// release clears the touched slots and keeps m for another search. A search
// stopped within a pass (its context ended) leaves a word's or a pass's
// slots set: they are cleared too, or the next query would inherit them.
func (ix *Index) release(m *matches) {
	m.drained = m.wordSeen.drain(m.drained[:0])
	for _, o := range m.drained {
		m.word[o], m.wordCounts[o] = 0, countsNot
	}
	m.drained = m.passSeen.drain(m.drained[:0])
	for _, o := range m.drained {
		m.pass[o], m.passWords[o] = 0, 0
	}
	m.touched = m.seen.drain(m.touched)
	for _, o := range m.touched {
		m.score[o], m.words[o] = 0, 0
	}
	m.touched, m.drained, m.explain, m.said, m.hitWords = m.touched[:0], m.drained[:0], nil, nil, 0
	m.ranked, m.old = m.ranked[:0], m.old[:0]
	select {
	case ix.spare <- m:
	default: // as many kept as searches run at once: this one goes
	}
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
	m.wordSeen.add(ord)
	m.word[ord] += s
	m.wordCounts[ord] = countsFull
}

// wordMax keeps, for one word in one pass, the best score per service.
// counts says how much this match makes the word count as matched.
func (m *matches) wordMax(ord int32, s float64, counts uint8) {
	m.wordSeen.add(ord)
	m.word[ord] = max(m.word[ord], s)
	m.wordCounts[ord] = max(m.wordCounts[ord], counts)
}

// endWord moves one word's best scores into the pass. The bitset's walk
// is written out here and in endPass: as one range-over-func iterator
// (inlined by the compiler) the accumulation at generated 100k took
// 20-50 % longer (3.4-3.7 against 4.4-5.5 ms a tail search, quiet machine).
func (m *matches) endWord(wi int) {
	full, part := countsBit(countsFull, wi), countsBit(countsPart, wi)
	for k, set := range m.wordSeen {
		if set == 0 {
			continue
		}
		m.wordSeen[k], m.passSeen[k] = 0, m.passSeen[k]|set
		for base := int32(k << 6); set != 0; set &= set - 1 {
			o := base | int32(bits.TrailingZeros64(set))
			m.pass[o] += m.word[o]
			switch m.wordCounts[o] {
			case countsFull:
				m.passWords[o] |= full
			case countsPart:
				m.passWords[o] |= part
			}
			m.word[o], m.wordCounts[o] = 0, countsNot
		}
	}
}

// countsBit is the bit of word wi in a word mask for how much it counts
// as matched.
func countsBit(counts uint8, wi int) uint32 {
	switch counts {
	case countsFull:
		return 1 << wi
	case countsPart:
		return 1 << (halfShift + wi)
	}
	return 0
}

// wordsMatched is how many of a query's words a mask matches, a word
// matched in part counting half.
func wordsMatched(w uint32) float64 {
	full := w & fullMask
	return float64(bits.OnesCount32(full)) + 0.5*float64(bits.OnesCount32(w>>halfShift&^full))
}

func (m *matches) passAdd(ord int32, s float64, words uint32) {
	m.passSeen.add(ord)
	m.pass[ord] += s
	m.passWords[ord] |= words
}

// endPass adds a pass to the scores; a service matching all of the query's
// (several) words within the pass counts the pass more.
func (m *matches) endPass(name string, all uint32) {
	several := bits.OnesCount32(all) > 1
	for k, set := range m.passSeen {
		if set == 0 {
			continue
		}
		m.passSeen[k], m.seen[k] = 0, m.seen[k]|set
		for base := int32(k << 6); set != 0; set &= set - 1 {
			o := base | int32(bits.TrailingZeros64(set))
			s, w := m.pass[o], m.passWords[o]
			if several && w&fullMask == all {
				s *= 1 + allWordsWeight
			}
			m.score[o] += s
			m.words[o] |= w
			m.hitWords |= w & fullMask
			if m.explain != nil {
				m.explain[o] = append(m.explain[o], fmt.Sprintf("%8.3f  %s (%s)", s, cmp.Or(passNames[name], name), m.wordNames(w)))
			}
			m.pass[o], m.passWords[o] = 0, 0
		}
	}
}

// endMatch lists the services the query touched, in the order of their
// numbers: ranking then reads the columns (and the facets) in order
// instead of jumping through them, which at 100,000 services missed the
// cache for nearly every match.
func (m *matches) endMatch() { m.touched = m.seen.drain(m.touched[:0]) }

// note records an explanation line for a service.
func (m *matches) note(ord int32, format string, args ...any) {
	if m.explain != nil {
		m.explain[ord] = append(m.explain[ord], fmt.Sprintf(format, args...))
	}
}

// termPass matches each word's terms in one field per language. A word
// found in one list only (one language, one form) goes straight into the
// pass: its best per service is that list, and skipping the word's own
// slots saves a broad word a third of its cost at 100,000 services.
func (ix *Index) termPass(ctx context.Context, m *matches, q *parsedQuery, field int, weight float64) error {
	var buf [8]termList // a word's lists: its forms in the query's languages that the field holds
	for wi, w := range q.words {
		lists := buf[:0]
		for _, lang := range q.langs {
			f := textField(field, lang)
			bit := ix.terms.bitOf(f)
			for _, t := range w.forms[lang] {
				if ix.terms.holds(bit, t) {
					lists = append(lists, termList{f, t, ix.langWeight(q, lang, weight)})
				}
			}
		}
		switch len(lists) {
		case 0: // nothing to add, nothing to end
		case 1:
			if err := ix.scoreList(ctx, m, lists[0].field, lists[0].term, lists[0].weight, 1<<wi); err != nil {
				return err
			}
		default:
			for _, l := range lists {
				if err := ix.scoreList(ctx, m, l.field, l.term, l.weight, 0); err != nil {
					return err
				}
			}
			m.endWord(wi)
		}
	}
	m.endPass(textFields[field].prefix, q.allWords())
	return ctx.Err()
}

// termList is a term of a field with the weight its matches get.
type termList struct {
	field, term string
	weight      float64
}

// langWeight is a field's weight for a term of one of the query's
// languages: more for the language the query is written in.
func (ix *Index) langWeight(q *parsedQuery, lang string, weight float64) float64 {
	if lang == q.detected {
		return weight * detectedLangWeight
	}
	return weight
}

// scoreTerm adds weight × TF-IDF for every service whose field holds the
// term (√tf × idf × length norm, from the decoded postings: postcache.go),
// without a call per posting: a broad term has tens of thousands. A match
// in an organization's document counts for each of its services. With
// direct set (the word's bit) the scores go straight into the pass: the
// term is the word's only list.
func (ix *Index) scoreTerm(ctx context.Context, m *matches, field, term string, weight float64, direct uint32) error {
	if !ix.terms.has(field, term) {
		return nil
	}
	return ix.scoreList(ctx, m, field, term, weight, direct)
}

// scoreList is scoreTerm for a term the field is known to hold.
func (ix *Index) scoreList(ctx context.Context, m *matches, field, term string, weight float64, direct uint32) error {
	l, err := ix.postingList(ctx, field, term)
	if err != nil {
		return err
	}
	for i, ord := range l.ords {
		w := weight * l.weight(i)
		if ord >= 0 {
			m.add(ord, w, direct)
			continue
		}
		for s, end := ix.orgFirst[-ord-1], ix.orgFirst[-ord]; s < end; s++ {
			m.add(s, w, direct)
		}
	}
	return nil
}

// add adds a term's score for a service to the word, or with direct
// (the word's bit) to the pass.
func (m *matches) add(ord int32, s float64, direct uint32) {
	if direct != 0 {
		m.passAdd(ord, s, direct)
		return
	}
	m.wordAdd(ord, s)
}

// allWords is the mask of every word of the query.
func (q *parsedQuery) allWords() uint32 { return 1<<len(q.words) - 1 }
