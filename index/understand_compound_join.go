package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German office words are compounds, and people who do not write German
// write them apart: "Job Center", "Ausländer Behörde", "Kinder Geld",
// "Deutsch Kurs". Apart, each part is read on its own ("center" finds the
// Welcome Center, "job" any job) and the office is not found. Two Latin
// words in a row whose joined form is a German word of the vocabulary (as
// typed, with or without its accents) are read as that word.

// minJoinedPart and minJoinedRunes bound the parts joined and the word they
// make: short pairs ("in der") join into words by accident.
const (
	minJoinedPart  = 3
	minJoinedRunes = 8
)

// joinSplitCompounds writes two words in a row as one where together they
// are a German vocabulary word. It runs on the text, before filler words
// are taken out. Most queries join nothing: the words are found by index
// and the pairs looked up without allocating.
func (ix *Index) joinSplitCompounds(text string) string {
	var spans [2 * maxQueryWords][2]int
	words := wordSpans(text, spans[:0])
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(words); i++ {
		a, c := words[i], words[i+1]
		if c[0]-a[1] != 1 || text[a[1]] != ' ' || !ix.compoundParts(text[a[0]:a[1]], text[c[0]:c[1]]) {
			continue
		}
		b.WriteString(text[last:a[0]])
		b.WriteString(text[a[0]:a[1]])
		b.WriteString(strings.ToLower(text[c[0]:c[1]]))
		last = c[1]
		i++
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// wordSpans appends the byte ranges of text's words (runs of letters) to
// spans, up to its capacity.
func wordSpans(text string, spans [][2]int) [][2]int {
	start := -1
	for i, r := range text {
		switch letter := unicode.IsLetter(r); {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			if len(spans) == cap(spans) {
				return spans
			}
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 && len(spans) < cap(spans) {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

// compoundParts reports whether two words are the parts of a German
// vocabulary word.
func (ix *Index) compoundParts(first, second string) bool {
	n1, n2 := utf8.RuneCountInString(first), utf8.RuneCountInString(second)
	if n1 < minJoinedPart || n2 < minJoinedPart || n1+n2 < minJoinedRunes ||
		scriptOf(firstRune(first)) != "latin" || scriptOf(firstRune(second)) != "latin" {
		return false
	}
	var buf [128]byte
	joined := appendLower(appendLower(buf[:0], first), second)
	if ix.vocab.words["de"][string(joined)] { // no allocation for the lookup
		return true
	}
	if isASCII(joined) {
		return ix.vocab.plainWords["de"][string(joined)]
	}
	return ix.vocab.plainWords["de"][plainWord(string(joined))]
}

// appendLower appends s lowercased to buf.
func appendLower(buf []byte, s string) []byte {
	for _, r := range s {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
