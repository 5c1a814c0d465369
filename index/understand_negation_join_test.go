package index

import "testing"

// A Persian or Pashto negation written apart from its verb reads as the
// joined verb the phrases have: "no documents" asks as someone at risk.
func TestNegatedVerbsWrittenApart(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q, want string // want: the intent found ("" for none)
	}{
		{"اسناد نه لرم", intentSensitive},  // Pashto: I have no documents
		{"مدارک نه دارم", intentSensitive}, // Persian: the same
		{"مدارک دارم", ""},                 // I have documents
	}
	for _, tc := range tests {
		pq := ix.parse(tc.q)
		_, found := ix.vocab.match(pq)
		got := ""
		if found[intentSensitive] != nil {
			got = intentSensitive
		}
		if got != tc.want {
			t.Errorf("intent of %q = %q, want %q (words %v)", tc.q, got, tc.want, pq.words)
		}
	}
	if got := ix.joinNegatedVerbs("نه کار"); got != "نه کار" {
		t.Errorf("joinNegatedVerbs(نه کار) = %q: no such verb, the words stay", got)
	}
}
