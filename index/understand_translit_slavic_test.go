package index

import (
	"strings"
	"testing"
)

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

// Cyrillic romanised the Polish or the German way, and in other forms
// than the vocabulary's, finds the vocabulary's words; Polish stays Polish.
func TestRomanisationSchemesAndWordForms(t *testing.T) {
	spellings := []struct{ word, want string }{
		{"szukaju", "shukaju"},     // Polish-like sz
		{"czto", "chto"},           // Polish-like cz
		{"chozjain", "khozjain"},   // ch is х for Poles and Germans
		{"sarplatu", "zarplatu"},   // German-like s before a vowel
		{"tschelowek", "chelowek"}, // German-like tsch
		{"wisa", "wiza"},           // s between vowels
	}
	for _, tc := range spellings {
		if got := slavicSpellings(tc.word); !containsString(got, tc.want) {
			t.Errorf("slavicSpellings(%q) = %v, want %q among them", tc.word, got, tc.want)
		}
	}
	ix := mustRealIndex(t)
	tests := []struct {
		word, lang, want string // want "" for no word of lang
	}{
		{"szukaju", "uk", "шукаю"},
		{"sarplatu", "ru", "зарплат"},          // German-like, another case
		{"zabrav", "uk", "забрали"},            // another form, by its stem
		{"uwolili", "ru", "уволили"},           // Polish-like w
		{"robotodavets", "uk", "роботодавець"}, // "bot" of a German reading does not make it known
		{"oszukała", "uk", ""},                 // Polish letters: Polish
	}
	for _, tc := range tests {
		qw := ix.analyseWordOnce(tc.word, nil)
		got := qw.via[tc.lang]
		found := false
		for _, w := range got {
			found = found || strings.HasPrefix(w, tc.want)
		}
		if tc.want == "" && len(got) > 0 || tc.want != "" && !found {
			t.Errorf("%q read in %s as %v, want %q", tc.word, tc.lang, got, tc.want)
		}
	}
}
