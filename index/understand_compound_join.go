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
// are taken out. Most queries join nothing: the words are found as the
// analyzers find them and the pairs looked up without allocating.
func (ix *Index) joinSplitCompounds(text string) string {
	var b strings.Builder
	last := 0
	wordTokenizer.withSpans([]byte(text), func(words []wordSpan) {
		for i := 0; i+1 < len(words); i++ {
			a, c := words[i], words[i+1]
			if c.start-a.end != 1 || text[a.end] != ' ' || !ix.compoundParts(text[a.start:a.end], text[c.start:c.end]) {
				continue
			}
			b.WriteString(text[last:a.start])
			b.WriteString(text[a.start:a.end])
			b.WriteString(strings.ToLower(text[c.start:c.end]))
			last = c.end
			i++
		}
	})
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// compoundParts reports whether two words are the parts of a German
// vocabulary word.
func (ix *Index) compoundParts(first, second string) bool {
	n1, n2 := utf8.RuneCountInString(first), utf8.RuneCountInString(second)
	if n1 < minJoinedPart || n2 < minJoinedPart || n1+n2 < minJoinedRunes ||
		!isLatin(first) || !isLatin(second) {
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
