package index

import (
	"slices"
	"strings"
	"testing"
)

// TestLostMyJobInEverydayWords: "I lost my job", said as people say it in
// languages whose vocabulary only had "looking for work", finds the
// employment agency among the first two (the Welcome Center's job search
// may come first). The queries are written for this test, not taken
// from a relevance set.
func TestLostMyJobInEverydayWords(t *testing.T) {
	ix := mustRealIndex(t)
	for _, q := range []string{
		"elvesztettem a munkámat, mit tegyek",
		"perdi o emprego, o que faço",
		"izgubila sam posao, šta da radim",
		"kam humbur punën, ku të shkoj",
	} {
		got := ranked(t, ix, q)
		if !slices.ContainsFunc(got[:min(2, len(got))], func(o string) bool { return strings.HasPrefix(o, "agentur-fuer-arbeit-") }) {
			t.Errorf("%q: got %v, want an employment agency in the first two", q, got[:min(3, len(got))])
		}
	}
}
