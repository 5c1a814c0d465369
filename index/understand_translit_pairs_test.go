package index

import "testing"

// Two short romanised words in a row that spell two words in a row of a
// phrase are read as them; one alone, or a pair no phrase has, is not.
func TestShortRomanisedWordsInPairs(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q, word, lang, want string // want "" for no reading in lang
	}{
		{"ejaze kar", "ejaze", "fa", "اجازه"},
		{"ejaze kar", "kar", "fa", "کار"},
		{"ejazeye kar mikham", "ejazeye", "fa", "اجازه"},
		{"kar", "kar", "fa", ""},             // alone: Kurdish, or anything
		{"ez kar dixwazim", "kar", "fa", ""}, // Kurdish: no Persian pair
		{"tu kar lazim", "kar", "fa", ""},    // no phrase has "tu kar"
	}
	for _, tc := range tests {
		got := readingOf(ix, tc.q, tc.word, func(w queryWord) []string { return w.via[tc.lang] })
		if tc.want == "" && len(got) > 0 || tc.want != "" && !containsString(got, tc.want) {
			t.Errorf("%q: %q read in %s as %v, want %q", tc.q, tc.word, tc.lang, got, tc.want)
		}
	}
}

// In a query with an Arabizi digit, its other Latin words are read with
// short keys too; without a digit they are not.
func TestArabiziQueryReadsShortWords(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q, word string
		read    bool
	}{
		{"ma 3andi awra2 wala iqama", "iqama", true}, // Kurdish îqame too, but a 3 and a 2 say Arabic
		{"kaxezen min tune iqama", "iqama", false},   // Kurdish, no digit
	}
	for _, tc := range tests {
		got := len(readingOf(ix, tc.q, tc.word, func(w queryWord) []string { return w.translit["ar"] })) > 0
		if got != tc.read {
			t.Errorf("%q: %q read in Arabic %v, want %v", tc.q, tc.word, got, tc.read)
		}
	}
}
