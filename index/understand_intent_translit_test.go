package index

import "testing"

// A sensitive situation typed in Latin letters asks as surely as in its own
// script: the words read from another script count as said for the
// intent, in the query's own language. Written for this test, not taken
// from a relevance set.
func TestIntentOfWordsReadFromAnotherScript(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q    string
		want bool // sensitive
	}{
		{"ma 3andi awra2", true},         // ما عندي اوراق, I have no papers
		{"mafi awra2", true},             // no papers
		{"u menya net dokumentov", true}, // у меня нет документов
		{"nemaye dokumentiv", true},      // немає документів
		{"madrak nadaram", true},         // مدارک ندارم
		{"ma 3andi shoghl", false},       // I have no work: no risk named
	}
	for _, tc := range tests {
		_, found := ix.vocab.match(ix.parse(tc.q))
		if got := found[intentSensitive] != nil; got != tc.want {
			t.Errorf("sensitive intent of %q = %v, want %v", tc.q, got, tc.want)
		}
	}
}
