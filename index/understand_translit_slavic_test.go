package index

import "testing"

// Transliterated Ukrainian whose words the vocabulary mostly reads as
// Polish is Ukrainian by its letters; Polish stays Polish.
func TestLatinCyrillicByLetters(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct{ q, want string }{
		// two of five words are known Ukrainian, "bez" is Polish too:
		// "zh" and "shch" decide
		{"zvilnyly bez poperedzhennia shcho robyty", "uk"},
		{"dozvil na robotu", "uk"},
		{"szef nie płaci za pracę", "pl"},
		{"nie mam pozwolenia na pracę", "pl"},
	}
	for _, tc := range tests {
		if got := ix.parse(tc.q).detected; got != tc.want {
			t.Errorf("language of %q = %q, want %q", tc.q, got, tc.want)
		}
	}
	votes := []struct {
		words            []string
		cyrillic, polish int
	}{
		{[]string{"poperedzhennia", "shcho", "zarplatu", "dopomoha"}, 2, 0},
		{[]string{"zaświadczenie", "szukam", "pracy"}, 0, 2},
		{[]string{"konsultatsii", "pomoshch"}, 2, 0},
	}
	for _, tc := range votes {
		var ws []queryWord
		for _, w := range tc.words {
			ws = append(ws, queryWord{text: w})
		}
		if c, p := latinCyrillicVotes(ws); c != tc.cyrillic || p != tc.polish {
			t.Errorf("votes of %v = %d cyrillic, %d polish; want %d, %d", tc.words, c, p, tc.cyrillic, tc.polish)
		}
	}
}
