package index

import "testing"

// TestBecauseIAmBlack: "because I am Black" in French, Spanish, Italian and
// Portuguese is racism, not "travail au noir" (undeclared work): the
// anti-discrimination counselling comes first. The queries are written for
// this test, not taken from a relevance set.
func TestBecauseIAmBlack(t *testing.T) {
	ix := mustRealIndex(t)
	for _, q := range []string{
		"on m'a refusé un appartement parce que je suis noir",
		"no me dieron el piso porque soy negro",
		"mi capo mi insulta perché sono nero",
		"o patrão me trata mal porque sou negra",
	} {
		if got := ranked(t, ix, q); len(got) == 0 || got[0] != "vhs-braunschweig" && got[0] != "awo-migrationsberatung-braunschweig" {
			t.Errorf("%q: got %v, want an anti-discrimination counselling first", q, got[:min(3, len(got))])
		}
	}
}
