package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// TestBulgarianVerbForms: the present forms of a verb share a stem, as
// nouns with their articles do: "търсим" (we look for) is "търся" (I look
// for), "плащат" (they pay) "плаща" (pays).
func TestBulgarianVerbForms(t *testing.T) {
	tests := []struct{ a, b string }{
		{"търсим", "търся"},
		{"плащат", "плаща"},
		{"работим", "работя"},
		{"работиш", "работя"},
	}
	for _, tc := range tests {
		if a, b := bulgarianStem(tc.a), bulgarianStem(tc.b); a != b {
			t.Errorf("%q → %q, %q → %q: want one stem", tc.a, a, tc.b, b)
		}
	}
}

func bulgarianStem(w string) string {
	out := bulgarianStemmer.Filter(analysis.TokenStream{{Term: []byte(w)}})
	return string(out[0].Term)
}
