package index

import "testing"

// TestServiceLimitedToTowns: a town's own office (limited_to in the real
// data: the town of Goslar, the town of Wolfenbüttel) does not serve the
// other towns of its district; for them the district's services come
// first. For its own town, and the town's parts, it stays first. The
// queries are written for this test, not taken from a relevance set.
func TestServiceLimitedToTowns(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		q, want, after string // want ranks before after (absent counts as after)
		first          bool   // and want is first
	}{
		{"living in Seesen integration", "landkreis-goslar-integration", "stadt-goslar-integration", true},
		{"Integrationsbeauftragte Langelsheim", "landkreis-goslar-integration", "stadt-goslar-integration", true},
		{"Integrationsstelle Bad Harzburg", "landkreis-goslar-integration", "stadt-goslar-integration", false},
		{"Anlaufstelle Zugewanderte Cremlingen", "drk-wolfenbuettel", "stadt-wolfenbuettel-integration", true},
		{"Integration Goslar", "stadt-goslar-integration", "landkreis-goslar-integration", true},
		{"Integrationsstelle Vienenburg", "stadt-goslar-integration", "landkreis-goslar-integration", true},
		{"Anlaufstelle Zugewanderte Wolfenbüttel", "stadt-wolfenbuettel-integration", "drk-wolfenbuettel", true},
	} {
		got := ranked(t, ix, tc.q)
		w, a := rankOf(got, tc.want), rankOf(got, tc.after)
		if w == 0 || (a != 0 && a < w) || (tc.first && w != 1) {
			t.Errorf("%q: got %s; want %s before %s (first: %v)", tc.q, orgList(got[:min(5, len(got))]), tc.want, tc.after, tc.first)
		}
	}
}

// TestPlacesIn: the places a query names, for services limited to some
// (a word of several places names them all; a district's name alone, none).
func TestPlacesIn(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		q      string
		places []string
	}{
		{"Integration Bad Harzburg", []string{"Bad Harzburg"}},
		{"beratung in seesener", []string{"Seesen"}},
		{"Hahnenklee", []string{"Hahnenklee-Bockswiese", "Hahnenklee"}},
		{"Landkreis Goslar", []string{"Goslar"}},
		{"غوسلار", []string{"Goslar"}},
		{"Brunszwik", nil}, // the Polish name of the city, no place's
		{"Integration", nil},
	} {
		_, got, _, _ := ix.places.placesIn(tc.q)
		if !sameSet(got, tc.places) {
			t.Errorf("placesIn(%q) = %q, want %q", tc.q, got, tc.places)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !containsString(b, x) {
			return false
		}
	}
	return true
}
