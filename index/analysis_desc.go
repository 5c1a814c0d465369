package index

import (
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/document"
)

// descCounter counts the terms of a service's description for the index
// from the descriptions' words (snippet_words.go), which the build finds
// (or reads back) before it fills the index: a description is a service's
// longest text, and analysing each one a second time for the index cost
// about a tenth of a cold start's CPU (docs/decisions/startup.md,
// session 6). The tokens are those of the same analyzer, so the counts
// are the same (TestDescCountsAreCounted).
type descCounter struct {
	dw *descWords
	// terms by their number in dw: what bleve reads of a counted term
	// (its bytes and key)
	terms   []memoToken
	scratch sync.Pool // of *descCounting
}

// descCounting is the scratch space of counting a description's terms.
type descCounting struct {
	at    map[uint32]int // a term number -> its place in terms
	terms []termCount
}

func newDescCounter(dw *descWords) *descCounter {
	c := &descCounter{dw: dw, terms: make([]memoToken, len(dw.termIDs)),
		scratch: sync.Pool{New: func() any { return &descCounting{at: map[uint32]int{}} }}}
	for t, id := range dw.termIDs {
		c.terms[id] = memoToken{term: []byte(t), key: t}
	}
	return c
}

// counts are the counts of description d's terms (descIndex), or nil
// when its tokens cannot be read (a damaged kept file: the text is then
// analysed instead).
func (c *descCounter) counts(d uint32) *termCounts {
	if int(d) >= len(c.dw.ends) {
		return nil
	}
	from := uint32(0)
	if d > 0 {
		from = c.dw.ends[d-1]
	}
	if from > c.dw.ends[d] || int(c.dw.ends[d]) > len(c.dw.packed) {
		return nil
	}
	sc := c.scratch.Get().(*descCounting)
	defer func() {
		clear(sc.at)
		sc.terms = sc.terms[:0]
		c.scratch.Put(sc)
	}()
	tc := &termCounts{}
	var tok descToken
	for b, ok := c.dw.packed[from:c.dw.ends[d]], true; len(b) > 0; {
		if tok, b, ok = unpackToken(b, tok); !ok || int(tok.term) >= len(c.terms) {
			return nil
		}
		tc.tokens++
		if at, ok := sc.at[tok.term]; ok {
			sc.terms[at].n++
			continue
		}
		sc.at[tok.term] = len(sc.terms)
		sc.terms = append(sc.terms, termCount{tok: &c.terms[tok.term], n: 1})
	}
	tc.terms = slices.Clone(sc.terms) // of the size needed
	return tc
}

// field is entry ord's description in lang as a field of its document:
// counted from the description's words when they hold it, else as a
// counts any text.
func (c *descCounter) field(name, text string, a *memoAnalyzer, ord int32, lang string) document.Field {
	d, ok := c.dw.of(ord, lang)
	if !ok || a.counter == nil {
		return a.field(name, text)
	}
	return &countedField{name: name, text: text, counter: a.counter, desc: c, descNo: d}
}
