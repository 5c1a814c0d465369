package index

import (
	"slices"
	"sync"

	bindex "github.com/blevesearch/bleve_index_api"
	lru "github.com/hashicorp/golang-lru/v2"
)

// countedField is a text field whose terms are counted straight from the
// build's memo of words. bleve's TextField analyses its text into a stream
// of tokens and then counts them into a map; the index keeps no more than
// the counts (the fields are indexed without positions: document.go), so
// the stream is not made (a fifth of the bytes of indexing the real data).
// TestCountedFieldsAreBleves compares both for every text of the data.
type countedField struct {
	name    string
	text    string
	counter *termCounter
	// desc counts the field when it is a service's description (descNo),
	// from the words the build found in it (analysis_desc.go); nil for
	// other texts
	desc   *descCounter
	descNo uint32
	counts *termCounts // set by Analyze
	freqs  bindex.TokenFrequencies
}

// termCounts is what a text becomes in the index: its number of tokens and
// each distinct term's count.
type termCounts struct {
	tokens int
	terms  []termCount
}

type termCount struct {
	tok *memoToken // the term, in the memo of words
	n   int
}

func (f *countedField) Name() string                                      { return f.name }
func (f *countedField) ArrayPositions() []uint64                          { return nil }
func (f *countedField) Options() bindex.FieldIndexingOptions              { return bindex.IndexField }
func (f *countedField) Value() []byte                                     { return []byte(f.text) }
func (f *countedField) NumPlainTextBytes() uint64                         { return uint64(len(f.text)) }
func (f *countedField) EncodedFieldType() byte                            { return 't' }
func (f *countedField) AnalyzedLength() int                               { return f.counts.tokens }
func (f *countedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// Size is an estimate, as TextField's: bleve uses it for its statistics.
func (f *countedField) Size() int {
	n := len(f.name) + len(f.text) + 64
	if f.freqs != nil {
		n += f.freqs.Size()
	}
	return n
}

// Analyze counts the text's terms; bleve calls it on its analysis workers.
// Each field gets a map of its own: bleve merges the maps of a document's
// fields of the same name into the first.
func (f *countedField) Analyze() {
	if f.desc != nil {
		f.counts = f.desc.counts(f.descNo)
	}
	if f.counts == nil {
		f.counts = f.counter.counts(f.text)
	}
	tfs := make([]bindex.TokenFreq, len(f.counts.terms))
	f.freqs = make(bindex.TokenFrequencies, len(f.counts.terms))
	for i, c := range f.counts.terms {
		tfs[i].Term = c.tok.term
		tfs[i].SetFrequency(c.n)
		f.freqs[c.tok.key] = &tfs[i]
	}
}

// termCounter counts the terms of texts with a memo of words, remembering
// the counts of recent texts: whole texts repeat across records.
type termCounter struct {
	words   *wordMemo
	texts   *lru.Cache[string, *termCounts]
	scratch sync.Pool // of *counting
}

// counting is the scratch space of counting a text's terms.
type counting struct {
	at    map[string]int // a term -> its place in terms
	terms []termCount
}

func newTermCounter(words *wordMemo) *termCounter {
	texts, _ := lru.New[string, *termCounts](memoTexts) // fails only for a size below 1
	return &termCounter{words: words, texts: texts,
		scratch: sync.Pool{New: func() any { return &counting{at: map[string]int{}} }}}
}

func (c *termCounter) counts(text string) *termCounts {
	if tc, ok := c.texts.Get(text); ok {
		return tc
	}
	b := []byte(text)
	for _, cf := range c.words.chain.CharFilters {
		b = cf.Filter(b)
	}
	tc := &termCounts{}
	sc := c.scratch.Get().(*counting)
	wordTokenizer.withSpans(b, func(words []wordSpan) {
		for _, s := range words {
			made := c.words.made(wordToken(b, s))
			for i := range made {
				tc.tokens++
				m := &made[i] // made is not changed once learnt
				if at, ok := sc.at[m.key]; ok {
					sc.terms[at].n++
					continue
				}
				sc.at[m.key] = len(sc.terms)
				sc.terms = append(sc.terms, termCount{tok: m, n: 1})
			}
		}
	})
	tc.terms = slices.Clone(sc.terms) // of the size needed
	clear(sc.at)
	sc.terms = sc.terms[:0]
	c.scratch.Put(sc)
	c.texts.Add(text, tc)
	return tc
}
