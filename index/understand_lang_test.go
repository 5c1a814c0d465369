package index

import "testing"

// TestLanguageTypedWithoutItsLetters: Turkish and Vietnamese are often typed
// on keyboards without their own letters; the words still tell the
// language (and with it the people who likely ask, groups.toml
// `languages`). The queries are written for this test, not taken from a
// relevance set.
func TestLanguageTypedWithoutItsLetters(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct{ q, want string }{
		{"isverenim maasimi odemiyor", "tr"},
		{"oturma izni uzatmak istiyorum", "tr"},
		{"chu khong tra luong cho toi", "vi"},
		{"toi muon hoc tieng duc", "vi"},
		// typed with their letters, or in languages without any, as before
		{"işverenim maaşımı ödemiyor", "tr"},
		{"caut de lucru in braunschweig", "ro"},
		{"ich suche arbeit", "de"},
		{"my boss does not pay me", "en"},
	}
	for _, tc := range tests {
		if got := ix.DetectLanguage(tc.q); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}
