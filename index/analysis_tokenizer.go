package index

import (
	"sync"
	"unicode/utf8"

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

// spans appends the words of input to out, as blevesearch/segment finds
// them (Unicode's word boundaries, UAX #29). Its machine reads a text a
// byte at a time through tables and took ~6.5 % of the CPU of a cold
// 100k-service start and ~6 % of the real build (profiles, session 14),
// although most words of the records are runs of letters between spaces
// that no rule joins or splits otherwise. Such a stretch of text between
// ASCII spaces is split here (plainWords); any other goes to the segmenter
// with the spaces before it, which is where the rules find the same words
// as in the whole text (TestWordSegmenterIsBleves, FuzzWordSegmenter).
func spans(input []byte, out []wordSpan) []wordSpan {
	first, pos := len(out), 1
	for start, end := 0, 0; end < len(input); start = end {
		for end < len(input) && isASCIISpace(input[end]) {
			end++
		}
		from := end
		for end < len(input) && !isASCIISpace(input[end]) {
			end++
		}
		if from == end {
			break
		}
		kept, keptPos := len(out), pos
		var plain bool
		if out, pos, plain = plainWords(input, from, end, out, pos); !plain {
			if !utf8.Valid(input[from:end]) {
				// The segmenter reads a broken sequence with the bytes
				// after it, spaces too: it gets the whole text.
				out, _ = segmentedWords(input, 0, len(input), out[:first], 1)
				return out
			}
			out, pos = segmentedWords(input, start, end, out[:kept], keptPos)
		}
	}
	return out
}

// isASCIISpace reports whether b is a space, tab or line break: the rules
// never join a word with one.
func isASCIISpace(b byte) bool { return asciiSpace[b] }

var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// plainWords appends the words of input[from:to], a stretch without
// spaces, when the rules split it only where a plain letter or digit
// meets something else: words are the runs of plain letters and ASCII
// digits, numbers those of digits alone. It reports false for anything
// else (another character, '_', or '.', ',', ':', ';' or an apostrophe
// between two characters that are not plain punctuation), which the
// rules may join.
func plainWords(input []byte, from, to int, out []wordSpan, pos int) ([]wordSpan, int, bool) {
	wordStart, digitsOnly := -1, true
	endWord := func(at int) {
		if wordStart >= 0 {
			typ := analysis.AlphaNumeric
			if digitsOnly {
				typ = analysis.Numeric
			}
			out = append(out, wordSpan{start: wordStart, end: at, position: pos, typ: typ})
			pos++
			wordStart, digitsOnly = -1, true
		}
	}
	for i := from; i < to; {
		b := input[i]
		switch {
		case b >= '0' && b <= '9':
			if wordStart < 0 {
				wordStart = i
			}
			i++
		case b < utf8.RuneSelf && ('a' <= b|0x20 && b|0x20 <= 'z'):
			if wordStart < 0 {
				wordStart = i
			}
			digitsOnly = false
			i++
		case b < utf8.RuneSelf:
			if b == '_' || isJoiner(b) && i > from && i+1 < to && !isPlainPunct(input[i-1]) && !isPlainPunct(input[i+1]) {
				return out, pos, false
			}
			endWord(i)
			i++
		default:
			var r rune
			var n int
			if b&0xe0 == 0xc0 && i+1 < to && input[i+1]&0xc0 == 0x80 {
				r, n = rune(b&0x1f)<<6|rune(input[i+1]&0x3f), 2 // most letters here
			} else {
				r, n = utf8.DecodeRune(input[i:to])
			}
			if !isPlainLetter(r) {
				return out, pos, false
			}
			if wordStart < 0 {
				wordStart = i
			}
			digitsOnly = false
			i += n
		}
	}
	endWord(to)
	return out, pos, true
}

// isJoiner reports whether b is ASCII punctuation the rules may keep
// inside a word: "e.g", "don't", "3,5", "a:b".
func isJoiner(b byte) bool {
	return b == '.' || b == ',' || b == ':' || b == ';' || b == '\''
}

// isPlainPunct reports whether b is an ASCII character that is neither
// a letter, a digit, '_' nor a joiner: the rules break on both its sides.
func isPlainPunct(b byte) bool {
	return b < utf8.RuneSelf && !('0' <= b && b <= '9') && !('a' <= b|0x20 && b|0x20 <= 'z') && b != '_' && !isJoiner(b)
}

// isPlainLetter reports whether r is one of the letters outside ASCII
// that the rules treat like 'a' in every context (ALetter, with no
// other part in a rule): the letters of the Latin blocks, of Cyrillic
// and of Arabic, Unicode's since long before the segmenter's tables.
// TestPlainLettersAreLetters asks the segmenter about each of them.
func isPlainLetter(r rune) bool {
	for _, rg := range plainLetterRanges {
		if rg[0] <= r && r <= rg[1] {
			return true
		}
	}
	return false
}

// plainLetterRanges are isPlainLetter's ranges, inclusive.
var plainLetterRanges = [][2]rune{
	{0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x024F}, // Latin-1 letters, Latin Extended-A and -B
	{0x1E00, 0x1EFF},                   // Latin Extended Additional
	{0x0400, 0x0481}, {0x048A, 0x04FF}, // Cyrillic letters, without its signs and marks
	{0x0620, 0x063F}, {0x0641, 0x064A}, {0x0671, 0x06D3}, // Arabic letters, without tatweel, marks and digits
}

// segmentedWords appends the words the segmenter finds in
// input[from:to], which starts at a break the rules always make.
func segmentedWords(input []byte, from, to int, out []wordSpan, pos int) ([]wordSpan, int) {
	seg := segment.NewWordSegmenterDirect(input[from:to])
	start := from
	for seg.Segment() {
		end := start + len(seg.Bytes())
		if seg.Type() != segment.None {
			out = append(out, wordSpan{start: start, end: end, position: pos, typ: tokenType(seg.Type())})
			pos++
		}
		start = end
	}
	return out, pos
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
