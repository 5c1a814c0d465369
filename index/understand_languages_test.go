package index

import "testing"

// TestLanguagesBeyondTheTen: Hungarian and Serbian, which the records are
// never written in, find the common situations through their phrases in
// data/situations.toml and their stemmers (otherAnalyzer); the office for
// foreigners is found in languages beyond the ten. The queries are written
// for this test, not taken from a relevance set.
func TestLanguagesBeyondTheTen(t *testing.T) {
	ix := mustRealIndex(t)
	labourRights := []string{"arbeit-und-leben-mobile-beschaeftigte", "faire-mobilitaet", "faire-integration-niedersachsen"}
	tests := []struct {
		q    string
		want []string
	}{
		{"a munkáltatóm nem fizette ki a béremet", labourRights},
		{"szerződés nélkül dolgozom egy gyárban", labourRights},
		{"poslodavac mi nije isplatio platu", labourRights},
		{"radim bez ugovora na gradilištu", labourRights},
		{"idegenrendészet Braunschweig időpont", []string{"auslaenderbehoerde-braunschweig"}},
		{"kancelarija za strance Braunschweig", []string{"auslaenderbehoerde-braunschweig"}},
		{"oficina de extranjería en Braunschweig", []string{"auslaenderbehoerde-braunschweig"}},
	}
	for _, tc := range tests {
		got := ranked(t, ix, tc.q)
		if len(got) == 0 || !containsString(tc.want, got[0]) {
			t.Errorf("%q: got %v first, want one of %v", tc.q, got[:min(3, len(got))], tc.want)
		}
	}
}

// TestShortArabiziWords: a digit for a letter marks Arabizi, so its short
// words are read too, though their consonants are only two: "2ameh"
// (إقامة, residence; Levantine 2 for ق), "la2je2" (لاجئ, refugee).
func TestShortArabiziWords(t *testing.T) {
	ix := mustRealIndex(t)
	for word, want := range map[string]string{"2ameh": "إقامة", "la2je2": "لاجئ"} {
		if got := ix.vocab.translit.alternatives(word, false)["ar"]; !containsString(got, want) {
			t.Errorf("Arabic words for %s = %v, want %s among them", word, got, want)
		}
	}
}
