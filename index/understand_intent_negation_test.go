package index

import "testing"

// A phrase's negation must be said for its intent, and counts for no
// content word: without it the rest is another question.
func TestIntentNeedsItsNegation(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q    string
		want bool // sensitive
	}{
		{"i can't leave the job", true},
		{"leave the job", false}, // "can't leave the job" without its negation
		{"can't leave", false},   // the negation and one word: no two words of its content
	}
	for _, tc := range tests {
		_, found := ix.vocab.match(ix.parse(tc.q))
		if got := found[intentSensitive] != nil; got != tc.want {
			t.Errorf("sensitive intent of %q = %v, want %v", tc.q, got, tc.want)
		}
	}
}
