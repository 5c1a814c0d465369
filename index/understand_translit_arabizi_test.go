package index

import "testing"

// TestArabiziShortKeys: a Latin word of an Arabizi query is read by keys as
// short as a word with a digit for a letter has ("iqama", إقامة; "bidi",
// بدي), where the same word elsewhere is not; a word long enough is read
// alike either way.
func TestArabiziShortKeys(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		word    string
		arabizi bool
		want    string
		found   bool
	}{
		{"iqama", true, "إقامة", true},
		{"iqama", false, "إقامة", false},
		{"bidi", true, "بدي", true},
		{"bidi", false, "بدي", false},
		{"shoghl", true, "شغل", true},
		{"shoghl", false, "شغل", true},
	}
	for _, tc := range tests {
		got := ix.vocab.translit.alternatives(tc.word, tc.arabizi)["ar"]
		if containsString(got, tc.want) != tc.found {
			t.Errorf("alternatives(%q, arabizi %v)[ar] = %v, want %s among them: %v", tc.word, tc.arabizi, got, tc.want, tc.found)
		}
	}
}
