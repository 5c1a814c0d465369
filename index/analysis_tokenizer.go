package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// wordSegmenter finds the words of a text exactly as bleve's unicode
// tokenizer does (same segmenter, positions and token types), but
// allocates only what it returns: bleve's guesses the number of words
// from the first one and grows its stream by doubling, which was an eighth
// of a build's allocations (docs/decisions/build-cost.md, session 5).
// Its scratch spans come from a pool: bleve's workers tokenize at once.
type wordSegmenter struct {
	scratch sync.Pool // of *[]wordSpan
}

// wordSpan is one word of a text: its bytes text[start:end], its position
// (1 for the first word) and its token type.
type wordSpan struct {
	start, end, position int
	typ                  analysis.TokenType
}

// wordTokenizer splits texts into words as every analyzer does (analysis.go,
// analysis_other.go). It holds only a pool of scratch space, so it is
// shared.
var wordTokenizer = newWordSegmenter()

func newWordSegmenter() *wordSegmenter {
	return &wordSegmenter{scratch: sync.Pool{New: func() any { s := make([]wordSpan, 0, 64); return &s }}}
}

// spans appends the words of input to out.
func spans(input []byte, out []wordSpan) []wordSpan {
	seg := segment.NewWordSegmenterDirect(input)
	start, pos := 0, 1
	for seg.Segment() {
		end := start + len(seg.Bytes())
		if seg.Type() != segment.None {
			out = append(out, wordSpan{start: start, end: end, position: pos, typ: tokenType(seg.Type())})
			pos++
		}
		start = end
	}
	return out
}

// tokenType is the type bleve's unicode tokenizer gives a segment.
func tokenType(segmentType int) analysis.TokenType {
	switch segmentType {
	case segment.Ideo, segment.Kana:
		return analysis.Ideographic
	case segment.Number:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// withSpans calls fn with the words of input; the spans are valid during
// the call only.
func (s *wordSegmenter) withSpans(input []byte, fn func([]wordSpan)) {
	p := s.scratch.Get().(*[]wordSpan)
	*p = spans(input, (*p)[:0])
	fn(*p)
	s.scratch.Put(p)
}

// Tokenize returns the tokens of input, their terms parts of it: one
// allocation for the tokens, one for the stream.
func (s *wordSegmenter) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	s.withSpans(input, func(words []wordSpan) {
		if len(words) == 0 {
			out = make(analysis.TokenStream, 0)
			return
		}
		toks := make([]analysis.Token, len(words))
		out = make(analysis.TokenStream, len(words))
		for i, w := range words {
			toks[i] = analysis.Token{Term: input[w.start:w.end], Start: w.start, End: w.end, Position: w.position, Type: w.typ}
			out[i] = &toks[i]
		}
	})
	return out
}
