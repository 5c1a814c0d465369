package index

import "testing"

// TestResponsibleOfficeForATown: for work in Peine, the agency responsible
// for Peine from its office elsewhere comes before a service located in
// Peine that lists work second; for what Peine's own offices are about
// first, they stay first.
func TestResponsibleOfficeForATown(t *testing.T) {
	ix := understandIndex(t)
	for _, tc := range []struct{ q, want, before string }{
		{"Job in Peine", "agentur-peine", "lotsen"},
		{"Arbeit Vechelde", "agentur-peine", "lotsen"},
		{"Integration Peine", "peine", "agentur-peine"},
	} {
		got := ranked(t, ix, tc.q)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %s, want %s first", tc.q, orgList(got), tc.want)
		}
		if rankOf(got, tc.before) == 1 {
			t.Errorf("%q: %s first, want it after %s", tc.q, tc.before, tc.want)
		}
	}
}
