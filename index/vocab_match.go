package index

import (
	"cmp"
	"slices"
)

// conceptMatch is a concept a query hit, with the words it explains.
type conceptMatch struct {
	concept int
	score   float64   // the sum of credits
	credits []float64 // per query word: how well the concept explains it
	words   uint32    // bit i: query word i counts as matched (countsShare)
	half    uint32    // bit i: query word i counts half (partShare)
	via     string    // the best keyword, for explanations
}

// Weights of the vocabulary match.
const (
	// A query word counts as matched through a keyword found at least by
	// this share, and half through one found at least by partShare: "lazım"
	// of "iş lazım" counts half for "tercüman lazım", "de" of "bê dê û bav"
	// (Kurdish "without mother and father") not at all for "caut de lucru",
	// though both add a little to the score.
	countsShare   = 0.6
	partShare     = 0.3
	inOrderBonus  = 1.25 // a keyword of several words found as a phrase
	fuzzyDiscount = 0.6  // a keyword found only through a typo correction
	// a keyword found through a word spelt in another script ("dozvil")
	translitDiscount = 0.7
)

// match finds the concepts a query's words refer to. Each query word counts
// once per concept, through the keyword that explains it best; a keyword
// counts in proportion to the square of the share of its words present, so
// "work permit" as a whole outweighs "work" as part of "work permit".
func (v *vocabulary) match(q *parsedQuery) ([]conceptMatch, intents) {
	found, said := intents{}, map[string]bool{}
	for _, w := range q.folded {
		said[w] = true
	}
	hs := v.hitScratch()
	defer v.scratch.Put(hs)
	hs.resetCredits()
	var qp queryPrivatives
	for _, lang := range q.vocabLangs {
		weight := 1.0
		if lang == q.detected {
			weight = detectedLangWeight
		}
		v.phraseHits(hs, q, lang)
		for i, pi := range hs.order {
			hit := hs.hits[i]
			p := v.phrases[pi]
			if v.ofOthers(p, hit, q.others) {
				continue // "for the doctor": not the asker's profession
			}
			complete, matched, whole := hit.share()
			found.note(v, pi, p, hit, whole, q.words, &qp, said, q.detected)
			if len(p.words) == 1 {
				// a keyword left with one word by its stop words counts
				// by its words said: "start" is half of "start-up"
				unsaid := 0
				for _, w := range p.dropped {
					if !said[w] {
						unsaid++
					}
				}
				complete /= float64(1 + unsaid)
			}
			factor := weight * complete * complete
			if matched > 1 && hit.inOrder() {
				factor *= inOrderBonus
			}
			cw := hs.creditOf(p.concept, len(q.words))
			for j, qi := range hit.queryWord {
				if qi < 0 {
					continue
				}
				s := factor * hit.idf[j] * matchWeight[hit.how[j]]
				// Equal credits name the first phrase in text order: the
				// phrases are met in an order that differs between builds.
				if s > cw[qi].score || s == cw[qi].score && p.text < cw[qi].via {
					cw[qi] = wordCredit{s, p.text, max(cw[qi].counts, shareCounts(complete))}
				} else {
					cw[qi].counts = max(cw[qi].counts, shareCounts(complete))
				}
			}
		}
	}
	n := len(q.words)
	out := make([]conceptMatch, 0, len(hs.concepts))
	credits := make([]float64, len(hs.concepts)*n)
	for k, ci := range hs.concepts {
		m := conceptMatch{concept: ci, credits: credits[k*n : (k+1)*n : (k+1)*n]}
		best := 0.0
		for i, c := range hs.credit[k*n : (k+1)*n] {
			if c.score > 0 {
				m.score += c.score
				m.credits[i] = c.score
				switch c.counts {
				case countsFull:
					m.words |= 1 << i
				case countsPart:
					m.half |= 1 << i
				}
				if c.score > best {
					best, m.via = c.score, c.via
				}
			}
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b conceptMatch) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.concept, b.concept)
	})
	return out, found
}

// wordCredit is how well a concept explains a query word: the best
// keyword's score, and how much the word counts as matched
// (countsShare, partShare).
type wordCredit struct {
	score  float64
	via    string
	counts uint8
}

// resetCredits empties the concepts' credits.
func (hs *phraseHits) resetCredits() {
	for _, ci := range hs.concepts {
		hs.conceptAt[ci] = 0
	}
	hs.concepts, hs.credit = hs.concepts[:0], hs.credit[:0]
}

// creditOf returns the credits of a concept per query word, new ones the
// first time.
func (hs *phraseHits) creditOf(ci, n int) []wordCredit {
	if at := hs.conceptAt[ci]; at > 0 {
		k := int(at - 1)
		return hs.credit[k*n : (k+1)*n]
	}
	hs.concepts = append(hs.concepts, ci)
	hs.conceptAt[ci] = int32(len(hs.concepts))
	hs.credit = append(hs.credit, make([]wordCredit, n)...)
	return hs.credit[len(hs.credit)-n:]
}

// phraseHit records which query word matched each word of a phrase, and how.
type phraseHit struct {
	queryWord []int // per phrase word: the query word, or -1
	idf       []float64
	how       []matchKind
}

// matchKind is how a query word matched a phrase word, best first.
type matchKind uint8

const (
	matchWhole    matchKind = iota // the words' own terms are equal
	matchPart                      // through a part of a compound on either side
	matchTranslit                  // through another script's spelling
	matchFuzzy                     // through a typo correction
)

// Weights of the kinds of match. A compound's part says less than the
// word: "Arbeitserlaubnis" is not "Zwangsarbeit".
var matchWeight = [...]float64{matchWhole: 1, matchPart: 0.5, matchTranslit: translitDiscount, matchFuzzy: fuzzyDiscount}

// share is how much of the phrase the query covers: each word counts by the
// weight of its match.
func (h phraseHit) share() (share float64, matched, whole int) {
	for j, qi := range h.queryWord {
		if qi < 0 {
			continue
		}
		matched++
		share += matchWeight[h.how[j]]
		if h.how[j] == matchWhole {
			whole++
		}
	}
	return share / float64(len(h.queryWord)), matched, whole
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
// matched nothing exactly). Terms in very many phrases (a negation, "work")
// only complete phrases that another term found: on their own they would
// make hundreds of hits that say nothing. The hits are left in hs, in the
// order they were found.
//
// A word with only common terms that completes no phrase still finds the
// keywords that are that word alone ("работа", or "rabotu" read as
// "работу" next to a word no language knows).
func (v *vocabulary) phraseHits(hs *phraseHits, q *parsedQuery, lang string) {
	hs.reset()
	for qi, w := range q.words { // each term looked up once, for both rounds
		if q.ownOnly(v, qi, lang) {
			continue
		}
		for ti, t := range w.forms[lang] {
			how := matchWhole
			if ti > 0 {
				how = matchPart
			}
			hs.lookUp(v, lang, t, qi, how)
		}
		for _, t := range w.translit[lang] {
			hs.lookUp(v, lang, t, qi, matchTranslit)
		}
		for _, t := range w.corrections[lang] {
			hs.lookUp(v, lang, t, qi, matchFuzzy)
		}
	}
	var found uint32 // query words in a hit
	for _, common := range []bool{false, true} {
		if common {
			for _, h := range hs.hits {
				for _, qi := range h.queryWord {
					if qi >= 0 {
						found |= 1 << qi
					}
				}
			}
		}
		for _, th := range hs.terms {
			if (len(th.refs) > commonTerm) == common {
				v.markTerm(hs, th, common, common && found&(1<<th.qi) == 0)
			}
		}
	}
}

// phraseHits are the phrases one language's terms of a query hit: a search
// does this for up to twenty languages, so a hit is found through a slot
// per phrase, not a map, and its slices are cut from arenas kept between
// searches (vocabulary.scratch).
type phraseHits struct {
	slot  []int32 // per phrase of the vocabulary: 1 + its index in order, 0 if not hit
	order []int32 // the phrases hit
	hits  []phraseHit
	words []int
	idf   []float64
	how   []matchKind
	terms []termRefs // the query's terms in the language, in the query's order
	// the credits of the concepts hit, n per concept (match)
	conceptAt []int32 // per concept: 1 + its index in concepts, 0 if not hit
	concepts  []int
	credit    []wordCredit
}

// termRefs is a term of query word qi, found as how, with the phrase words
// that have it.
type termRefs struct {
	qi   int
	how  matchKind
	refs []wordRef
	idf  float64
}

// lookUp notes a term of query word qi found as how, when phrases have it.
func (hs *phraseHits) lookUp(v *vocabulary, lang, term string, qi int, how matchKind) {
	k := vocabKey(lang, term)
	if refs := v.byTerm[k]; len(refs) > 0 {
		hs.terms = append(hs.terms, termRefs{qi: qi, how: how, refs: refs, idf: v.idf[k]})
	}
}

// hitScratch returns empty phraseHits for the vocabulary's phrases; put
// them back in v.scratch when done.
func (v *vocabulary) hitScratch() *phraseHits {
	if hs, ok := v.scratch.Get().(*phraseHits); ok {
		return hs
	}
	return &phraseHits{slot: make([]int32, len(v.phrases)), conceptAt: make([]int32, len(v.concepts))}
}

// reset empties the hits, clearing only the slots that were set.
func (hs *phraseHits) reset() {
	for _, pi := range hs.order {
		hs.slot[pi] = 0
	}
	hs.order, hs.hits = hs.order[:0], hs.hits[:0]
	hs.words, hs.idf, hs.how, hs.terms = hs.words[:0], hs.idf[:0], hs.how[:0], hs.terms[:0]
}

// add starts the hit of a phrase of n words, none matched yet.
func (hs *phraseHits) add(pi int32, n int) phraseHit {
	from := len(hs.words)
	for range n {
		hs.words = append(hs.words, -1)
		hs.idf = append(hs.idf, 0)
		hs.how = append(hs.how, 0)
	}
	// Cut to their length: a later append that moves the arenas leaves
	// these slices where they are, and they are all a hit is read by.
	h := phraseHit{queryWord: hs.words[from:len(hs.words):len(hs.words)], idf: hs.idf[from:len(hs.idf):len(hs.idf)], how: hs.how[from:len(hs.how):len(hs.how)]}
	hs.order = append(hs.order, pi)
	hs.hits = append(hs.hits, h)
	hs.slot[pi] = int32(len(hs.order))
	return h
}

// commonTerm is the number of phrase words from which a term is common.
const commonTerm = 48

// markTerm marks the phrase words with a term of a query word (a
// compound's part on the phrase's side makes a whole match a part). alone
// lets a common term start the hits of phrases of that one word.
func (v *vocabulary) markTerm(hs *phraseHits, th termRefs, common, alone bool) {
	for _, r := range th.refs {
		var h phraseHit
		if at := hs.slot[r.phrase]; at > 0 {
			h = hs.hits[at-1]
		} else {
			// a common term starts only the hits of its one-word phrases,
			// and only alone: the phrase is not read otherwise
			if common && !alone {
				continue
			}
			n := len(v.phrases[r.phrase].words)
			if common && n != 1 {
				continue
			}
			h = hs.add(r.phrase, n)
		}
		kind := th.how
		if th.how == matchWhole && !r.head {
			kind = matchPart
		}
		if h.queryWord[r.word] >= 0 && h.how[r.word] <= kind {
			continue // already matched as well or better
		}
		h.queryWord[r.word], h.idf[r.word], h.how[r.word] = th.qi, th.idf, kind
	}
}

// shareCounts is how much a word found in a keyword by a share counts.
func shareCounts(share float64) uint8 {
	switch {
	case share >= countsShare:
		return countsFull
	case share >= partShare:
		return countsPart
	}
	return countsNot
}

// counts is how much query word i counts as matched through the concept.
func (m conceptMatch) counts(i int) uint8 {
	switch {
	case m.words&(1<<i) != 0:
		return countsFull
	case m.half&(1<<i) != 0:
		return countsPart
	}
	return countsNot
}
