package index

import "testing"

// Greek letters read back into Latin as Greeks write German sounds: μπ is
// b, γκ is g, ου is u, accents left out.
func TestGreekToLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"μπραουνσβαιγκ", "braunsvaig"},
		{"Βόλφσμπουργκ", "volfsburg"},
		{"σαλτσγκίτερ", "saltsgiter"},
		{"γκόσλαρ", "goslar"},
		{"ok β", "ok v"},
	}
	for _, tc := range tests {
		if got := greekToLatin(tc.in); got != tc.want {
			t.Errorf("greekToLatin(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The Greek analyzer folds accents and final sigma and joins a word's
// common forms, so that phrases typed with or without accents match.
func TestGreekAnalyzer(t *testing.T) {
	a := otherAnalyzer("el")
	tests := []struct{ a, b string }{
		{"δουλειά", "δουλεια"},
		{"πληρώνει", "πληρωνει"},
		{"εργοδότης", "εργοδοτη"},
		{"μισθός", "μισθου"},
	}
	for _, tc := range tests {
		ta, tb := terms(a, tc.a), terms(a, tc.b)
		if len(ta) != 1 || len(tb) != 1 || ta[0] != tb[0] {
			t.Errorf("stems of %s and %s: %v, %v, want one", tc.a, tc.b, ta, tb)
		}
	}
}

// Common situations told in Greek find the specialised service first.
func TestCommonSituationsInGreek(t *testing.T) {
	ix := mustRealIndex(t)
	labour := []string{"arbeit-und-leben-mobile-beschaeftigte", "faire-integration-niedersachsen", "faire-mobilitaet"}
	tests := []struct {
		q    string
		want []string
	}{
		{"ανανέωση άδειας διαμονής γκόσλαρ", []string{"landkreis-goslar-auslaenderbehoerde"}},
		{"δεν πήρα τον μισθό μου δύο μήνες", labour},
		{"μου πήραν το διαβατήριο στη δουλειά", labour},
		{"αναγνώριση πτυχίου νοσηλεύτρια", []string{"vhs-braunschweig", "welcome-center-region"}},
	}
	for _, tc := range tests {
		wantFirstOf(t, ix, tc.q, tc.want)
	}
}
