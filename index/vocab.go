package index

import (
	"math"
	"sort"
	"strings"
)

// vocabulary is the small index of topics and target groups: their labels
// and keywords in ten languages, the words people use for a need. A query is
// matched against it first; the concepts it hits become weighted matches of
// every service with that topic or group. So the services' index holds each
// service's own texts only and grows with the services, not with services ×
// vocabulary (docs/decisions/search-core.md).
type vocabulary struct {
	concepts []concept
	phrases  []phrase
	byTerm   map[string][]wordRef       // "<lang>\x00<term>" -> the phrase words with that term
	idf      map[string]float64         // "<lang>\x00<term>" -> informativeness among concepts
	words    map[string]map[string]bool // language -> lowercased words, for language detection
	fuzzy    *fuzzyTerms
}

// concept is a topic or a target group.
type concept struct {
	group bool   // a target group, not a topic
	id    string // its id in the vocabulary file
}

// phrase is one keyword or label of a concept in one language, analysed
// word by word with that language's analyzer.
type phrase struct {
	concept int
	lang    string
	text    string
	words   [][]string // the terms of each word; stop words are left out
}

type wordRef struct {
	phrase int32
	word   int32
}

func vocabKey(lang, term string) string { return lang + "\x00" + term }

func newVocabulary(topics []Topic, groups []Group, an *analyzers) *vocabulary {
	v := &vocabulary{byTerm: map[string][]wordRef{}, idf: map[string]float64{}, words: map[string]map[string]bool{}}
	add := func(c concept, label Text, keywords Words) {
		ci := len(v.concepts)
		v.concepts = append(v.concepts, c)
		for _, lang := range Languages {
			for _, text := range append([]string{label[lang]}, keywords[lang]...) {
				v.addPhrase(ci, lang, text, an)
			}
		}
	}
	for _, t := range topics {
		add(concept{id: t.ID}, t.Label, t.Keywords)
	}
	for _, g := range groups {
		add(concept{group: true, id: g.ID}, g.Label, g.Keywords)
	}
	v.computeIDF()
	v.fuzzy = newFuzzyTerms(v.byTerm)
	return v
}

func (v *vocabulary) addPhrase(ci int, lang, text string, an *analyzers) {
	if strings.TrimSpace(text) == "" {
		return
	}
	if v.words[lang] == nil {
		v.words[lang] = map[string]bool{}
	}
	p := phrase{concept: ci, lang: lang, text: text}
	for _, w := range splitWords(text) {
		v.words[lang][strings.ToLower(w)] = true
		if ts := terms(an.lang[lang], w); len(ts) > 0 {
			p.words = append(p.words, ts)
		}
	}
	if len(p.words) == 0 {
		return
	}
	pi := int32(len(v.phrases))
	v.phrases = append(v.phrases, p)
	for wi, ts := range p.words {
		for _, t := range ts {
			k := vocabKey(lang, t)
			v.byTerm[k] = append(v.byTerm[k], wordRef{pi, int32(wi)})
		}
	}
}

// computeIDF rates each term by how few concepts use it: "Arbeit" appears in
// the keywords of several topics and says less than "Approbation".
func (v *vocabulary) computeIDF() {
	n := float64(len(v.concepts))
	for k, refs := range v.byTerm {
		seen := map[int]bool{}
		for _, r := range refs {
			seen[v.phrases[r.phrase].concept] = true
		}
		v.idf[k] = math.Log(1 + n/float64(len(seen)))
	}
}

// conceptMatch is a concept a query hit, with the words it explains.
type conceptMatch struct {
	concept int
	score   float64   // the sum of credits
	credits []float64 // per query word: how well the concept explains it
	words   uint32    // bit i: query word i is part of a whole keyword found
	via     string    // the best keyword, for explanations
}

// Weights of the vocabulary match.
const (
	inOrderBonus  = 1.25 // a keyword of several words found as a phrase
	fuzzyDiscount = 0.6  // a keyword found only through a typo correction
)

// match finds the concepts a query's words refer to. Each query word counts
// once per concept, through the keyword that explains it best; a keyword
// counts in proportion to the square of the share of its words present, so
// "work permit" as a whole outweighs "work" as part of "work permit".
func (v *vocabulary) match(q *parsedQuery) []conceptMatch {
	type wordCredit struct {
		score    float64
		via      string
		complete bool // through a keyword found whole
	}
	credit := map[int][]wordCredit{} // concept -> per query word
	for _, lang := range q.langs {
		weight := 1.0
		if lang == q.detected {
			weight = detectedLangWeight
		}
		for pi, hit := range v.phraseHits(q, lang) {
			p := v.phrases[pi]
			matched := 0
			for _, w := range hit.queryWord {
				if w >= 0 {
					matched++
				}
			}
			complete := float64(matched) / float64(len(p.words))
			factor := weight * complete * complete
			if matched > 1 && hit.inOrder() {
				factor *= inOrderBonus
			}
			cw := credit[p.concept]
			if cw == nil {
				cw = make([]wordCredit, len(q.words))
				credit[p.concept] = cw
			}
			for j, qi := range hit.queryWord {
				if qi < 0 {
					continue
				}
				s := factor * hit.idf[j]
				if hit.fuzzy[j] {
					s *= fuzzyDiscount
				}
				if s > cw[qi].score {
					cw[qi] = wordCredit{s, p.text, cw[qi].complete || matched == len(p.words)}
				} else if matched == len(p.words) {
					cw[qi].complete = true
				}
			}
		}
	}
	var out []conceptMatch
	for ci, cw := range credit {
		m := conceptMatch{concept: ci, credits: make([]float64, len(cw))}
		best := 0.0
		for i, c := range cw {
			if c.score > 0 {
				m.score += c.score
				m.credits[i] = c.score
				m.words |= 1 << i
				if c.score > best {
					best, m.via = c.score, c.via
				}
			}
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].score > out[j].score || out[i].score == out[j].score && out[i].concept < out[j].concept
	})
	return out
}

// phraseHit records which query word matched each word of a phrase.
type phraseHit struct {
	queryWord []int // per phrase word: the query word, or -1
	idf       []float64
	fuzzy     []bool
}

func (h phraseHit) inOrder() bool {
	prev := -1
	for _, qi := range h.queryWord {
		if qi < 0 || (prev >= 0 && qi != prev+1) {
			return false
		}
		prev = qi
	}
	return true
}

// phraseHits finds, for one language, every phrase with a word among the
// query's words (exactly, or through a typo correction of a query word that
// matched nothing exactly).
func (v *vocabulary) phraseHits(q *parsedQuery, lang string) map[int32]phraseHit {
	hits := map[int32]phraseHit{}
	for qi, w := range q.words {
		for _, t := range w.forms[lang] {
			v.markTerm(hits, lang, t, qi, false)
		}
		for _, t := range w.corrections[lang] {
			v.markTerm(hits, lang, t, qi, true)
		}
	}
	return hits
}

func (v *vocabulary) markTerm(hits map[int32]phraseHit, lang, term string, qi int, fuzzy bool) {
	k := vocabKey(lang, term)
	for _, r := range v.byTerm[k] {
		h, ok := hits[r.phrase]
		if !ok {
			n := len(v.phrases[r.phrase].words)
			h = phraseHit{queryWord: make([]int, n), idf: make([]float64, n), fuzzy: make([]bool, n)}
			for j := range h.queryWord {
				h.queryWord[j] = -1
			}
			hits[r.phrase] = h
		}
		if h.queryWord[r.word] >= 0 && !h.fuzzy[r.word] {
			continue // already matched exactly
		}
		h.queryWord[r.word], h.idf[r.word], h.fuzzy[r.word] = qi, v.idf[k], fuzzy
	}
}

// knows reports whether a term of a language occurs in the vocabulary.
func (v *vocabulary) knows(lang, term string) bool { return len(v.byTerm[vocabKey(lang, term)]) > 0 }
