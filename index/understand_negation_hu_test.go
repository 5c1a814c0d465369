package index

import "testing"

// TestHungarianNegationKept: Hungarian's analyzer drops "nincs", "nem" and
// "nélkül" as stop words; a situation's negation is its point, so someone
// without a residence permit is at risk and someone whose permit expires is
// not. The queries are written for this test, not taken from a relevance
// set.
func TestHungarianNegationKept(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		q         string
		sensitive bool
	}{
		{"nincs tartózkodási engedélyem", true},
		{"lejár a tartózkodási engedélyem", false},
		{"tartózkodási engedély meghosszabbítása", false},
	} {
		pq := ix.parse(tc.q)
		ix.conceptPass(ix.newMatches(false), pq)
		if got := pq.intents[intentSensitive] != nil; got != tc.sensitive {
			t.Errorf("%q: sensitive %v, want %v (intents %v)", tc.q, got, tc.sensitive, pq.intents)
		}
	}
}
