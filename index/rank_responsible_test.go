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

// TestRegionWideServiceForAnEmployerInATown: a firm in a district town
// hiring from abroad is the region's Welcome Center's client (it serves the
// whole region, and no office in the town is about hiring from abroad
// first); a worker looking for a job there is still sent to the town's
// offices. The queries are written for this test, not taken from a
// relevance set.
func TestRegionWideServiceForAnEmployerInATown(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ q, want string }{
		{"unser Hotel in Goslar möchte Köche aus dem Ausland einstellen", "welcome-center-region"},
		{"wir suchen für unsere Firma in Helmstedt Fachkräfte aus dem Ausland", "welcome-center-region"},
		{"my company in gifhorn wants to hire engineers from abroad", "welcome-center-region"},
		{"Arbeit suchen in Peine", "agentur-fuer-arbeit-hildesheim"},
	} {
		if got := ranked(t, ix, tc.q); len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.q, got[:min(3, len(got))], tc.want)
		}
	}
}

// TestEmployersQuestion: an employer's question, not someone at risk
// naming their firm.
func TestEmployersQuestion(t *testing.T) {
	for _, tc := range []struct {
		in   intents
		want bool
	}{
		{intents{intentEmployer: {}}, true},
		{intents{intentEmployer: {}, intentProfession: {}}, true},
		{intents{intentEmployer: {}, intentSensitive: {}}, false},
		{intents{intentSensitive: {}}, false},
		{intents{}, false},
	} {
		if got := tc.in.employersQuestion(); got != tc.want {
			t.Errorf("%v: employer's question %v, want %v", tc.in, got, tc.want)
		}
	}
}
