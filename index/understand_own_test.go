package index

import "testing"

// TestQueryWhollyInItsLanguage: in a query whose every word is a German
// word of the vocabulary, a word English lacks as written is not read in
// English (the first example, "Termin" read as the stem of English
// "termination", is a filler now: an appointment names no need); in a
// query mixing words a cognate still reads across languages. The queries
// are written for this test, not taken from a relevance set.
func TestQueryWhollyInItsLanguage(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		q    string
		own  bool
		lang string
		word int
		left bool
	}{
		{"Agentur für Arbeit Kündigung", true, "en", 3, true},
		{"Agentur für Arbeit Kündigung", true, "de", 3, false},
		{"Agentur für Arbeit Kündigung", true, "en", 2, false}, // English phrases have "Arbeit" as written
		{"Termin xyzzyq", false, "en", 0, false},
	} {
		pq := ix.parse(tc.q)
		if pq.own != tc.own {
			t.Errorf("%q wholly in %q: %v, want %v", tc.q, pq.detected, pq.own, tc.own)
			continue
		}
		if got := pq.ownOnly(ix.vocab, tc.word, tc.lang); got != tc.left {
			t.Errorf("%q: word %d left out of %s: %v, want %v", tc.q, tc.word, tc.lang, got, tc.left)
		}
	}
}
