package index

import "testing"

// TestPrivativeRows: every language of the privatives table finds its
// "without" in a word, in either case, and not in the word without it nor
// where fewer than three letters of stem are left. A language added to the
// table without a word here fails.
func TestPrivativeRows(t *testing.T) {
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"tr", "belgesiz", true}, // without papers
		{"tr", "belgesi", false},
		{"az", "sənədsiz", true}, // without documents
		{"az", "sənəd", false},
		{"de", "Papierlos", true},
		{"de", "Papier", false},
		{"de", "Klos", false}, // one letter before "los"
		{"en", "paperless", true},
		{"en", "less", false},
		{"nl", "werkloos", true}, // unemployed
		{"nl", "werkloze", true},
		{"nl", "werk", false},
		{"hu", "papírtalan", true},
		{"hu", "papír", false},
		{"fa", "بیمدرک", true}, // without papers
		{"fa", "مدرک", false},
		{"ru", "безработный", true}, // unemployed
		{"ru", "Бесплатно", true},   // free of charge
		{"ru", "работа", false},
		{"ru", "бесы", false},
		{"uk", "безробітний", true}, // unemployed
		{"uk", "робота", false},
		{"bg", "безработен", true}, // unemployed
		{"bg", "работа", false},
		{"fr", "sanspapiers", false}, // no row
	}
	positive := map[string]bool{}
	for _, tc := range tests {
		if got := privative(tc.lang, tc.word); got != tc.want {
			t.Errorf("%s %q: privative %v, want %v", tc.lang, tc.word, got, tc.want)
		}
		positive[tc.lang] = positive[tc.lang] || tc.want
	}
	for lang := range privatives {
		if !positive[lang] {
			t.Errorf("%s: a row of privatives without a word of its own here", lang)
		}
	}
}
