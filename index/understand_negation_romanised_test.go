package index

import "testing"

// Negations written in Latin letters are the negations of the language a
// romanised query reads as, also where they were taken out as generic
// words; in a query of another language they stay what they are.
func TestRomanisedNegations(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q, word, lang string
		negated       bool
	}{
		{"net dokumentov", "net", "ru", true},
		{"hozjain kvartiry ne sdajot inostrancam", "ne", "ru", true},
		{"ma 3andi awra2", "ma", "ar", true},
		{"mij syn pryjikhav sam bez batkiv", "bez", "uk", false}, // Ukrainian keeps без as a word
		{"ma carte de sejour expire", "ma", "ar", false},         // French "ma" (my)
		{"nie mam pozwolenia na prace", "nie", "ru", false},      // Polish
	}
	for _, tc := range tests {
		got := readingOf(ix, tc.q, tc.word, func(w queryWord) []string { return w.forms[tc.lang] })
		if has := containsString(got, negTerm); has != tc.negated {
			t.Errorf("%q: %q read in %s as %q, negation %v, want %v", tc.q, tc.word, tc.lang, got, has, tc.negated)
		}
		if tc.lang == "uk" && !containsString(got, "без") {
			t.Errorf("%q: %q read in uk as %q, want без", tc.q, tc.word, got)
		}
	}
	// Found before: "net dokumentov" is Russian by its whole form, not a
	// Bulgarian one by the stem of документи.
	if got := ix.parse("net dokumentov").detected; got != "ru" {
		t.Errorf(`language of "net dokumentov" = %q, want ru`, got)
	}
}

// readingOf returns what of a query's word read picks (its forms or
// transliterations in a language), or nil when the query has no such word.
func readingOf(ix *Index, q, word string, read func(queryWord) []string) []string {
	pq := ix.parse(q)
	if i := wordIndex(pq.words, word); i >= 0 {
		return read(pq.words[i])
	}
	return nil
}
