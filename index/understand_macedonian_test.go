package index

import "testing"

// Macedonian and Serbian in Cyrillic letters are told from Ukrainian,
// Bulgarian and Russian by their own letters (ќ ѓ ѕ, ћ ђ) or by their words.
func TestDetectMacedonianAndSerbianCyrillic(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct{ text, want string }{
		{"газдата не ми плаќа плата", "mk"},
		{"ме отпуштија од работа", "mk"},
		{"не плаћа плату", "sr"},
		{"работодатель не платил зарплату", "ru"},
		{"шефът не плаща заплатата", "bg"},
		{"не виплатили зарплату", "uk"},
	}
	for _, tc := range tests {
		if got := ix.DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Common situations in Macedonian and in Serbian Cyrillic find the
// specialised service first.
func TestCommonSituationsInMacedonianAndSerbianCyrillic(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"газдата не ми плаќа плата веќе два месеци", []string{"faire-integration-niedersachsen"}},
		{"ми истекува визата гифхорн", []string{"landkreis-gifhorn-auslaenderbehoerde"}},
		{"тражим посао у салцгитеру", []string{"agentur-fuer-arbeit-braunschweig-goslar", "jobcenter-salzgitter"}},
		{"признавање на диплома медицинска сестра", []string{"vhs-braunschweig", "welcome-center-region"}},
	}
	for _, tc := range tests {
		wantFirstOf(t, ix, tc.q, tc.want)
	}
}
