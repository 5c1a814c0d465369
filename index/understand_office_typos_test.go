package index

import (
	"slices"
	"testing"
)

// TestGermanOfficeWordsMisspeltInAnyLanguage: a German office word misspelt
// inside a sentence of another language reads as the German word too (a
// typo correction, whatever language the query is detected as); a word some
// language knows as written is left alone.
func TestGermanOfficeWordsMisspeltInAnyLanguage(t *testing.T) {
	ix := mustRealIndex(t)
	germanTerm := func(w string) string { return terms(ix.an.lang["de"], w)[0] }
	cases := []struct {
		q, word, office string // office "": no German office word read
	}{
		{"jobcentre appointment", "jobcentre", "Jobcenter"},
		{"jobcentr termin", "jobcentr", "Jobcenter"},
		{"auslenderbehörde randevu", "auslenderbehörde", "Ausländerbehörde"},
		{"kindergelt wniosek", "kindergelt", "Kindergeld"},
		{"ausbilding yeri arıyorum", "ausbilding", "Ausbildung"},
		{"seasonal worker rights", "seasonal", ""},
		{"jobcentre appointment", "appointment", ""},
	}
	for _, c := range cases {
		got := readingOf(ix, c.q, c.word, func(w queryWord) []string { return w.corrections["de"] })
		if c.office == "" {
			if len(got) > 0 {
				t.Errorf("%q: %q read as German %v, want nothing", c.q, c.word, got)
			}
			continue
		}
		if want := germanTerm(c.office); !slices.Contains(got, want) {
			t.Errorf("%q: %q read as German %v, want %q (%s)", c.q, c.word, got, want, c.office)
		}
	}
}
