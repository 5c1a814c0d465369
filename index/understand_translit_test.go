package index

import (
	"context"
	"testing"
)

// TestMisspeltGermanStaysGerman: a German word with a typo whose Cyrillic
// reading is a vocabulary word (other languages write the German office
// words in Cyrillic) does not make the query Russian, while Russian and
// Ukrainian typed in Latin letters still are.
func TestMisspeltGermanStaysGerman(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		query string
		not   string // the language the query must not be taken for
		want  string // the language it must be taken for ("" any other)
	}{
		{"Anerkenung", "ru", ""},
		{"IHK Anerkenung", "ru", "de"},
		{"Anerkenung ausländischer Abschluss", "ru", "de"},
		{"u menya net dokumentov", "", "ru"},
		{"bezhenets konsultatsiya", "", "ru"},
		{"dozvil na robotu", "", "uk"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tc.query, Lang: "de", Page: 1, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.DetectedLang; tc.not != "" && got == tc.not || tc.want != "" && got != tc.want {
			t.Errorf("%q read as %q; want %q, never %q", tc.query, got, tc.want, tc.not)
		}
	}
}
