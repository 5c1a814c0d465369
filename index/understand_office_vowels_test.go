package index

import (
	"strings"
	"testing"
)

// TestOfficeWordByItsConsonants: a German office word romanised from
// another script with other vowels (two or more edits away) is still read
// as the office word; a short or unrelated word is not. The words are
// written for this test, not taken from a relevance set.
func TestOfficeWordByItsConsonants(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ word, wantOrg string }{
		{"auslenderbeherde", "auslaenderbehoerde-"},
	} {
		if got := ranked(t, ix, tc.word); len(got) == 0 || !strings.HasPrefix(got[0], tc.wantOrg) {
			t.Errorf("%q: got %v, want %s… first", tc.word, got[:min(3, len(got))], tc.wantOrg)
		}
	}
	for _, tc := range []struct{ term, want string }{
		{"auslenderbeherd", "auslanderbehord"},
		{"arbait", ""},     // too few consonants to tell
		{"schwimmbad", ""}, // no office word has its consonants
	} {
		if got := officeByConsonants(ix.vocab.officeVowels, tc.term); got != tc.want {
			t.Errorf("%q: office word %q, want %q", tc.term, got, tc.want)
		}
	}
}
