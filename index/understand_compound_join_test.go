package index

import "testing"

// TestSplitCompounds: German office words written apart are read as the
// word ("job center", "Ausländer Behörde", "Auslander Behorde"); words
// that only stand next to each other stay apart. The queries are written
// for this test, not taken from a relevance set.
func TestSplitCompounds(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ text, want string }{
		{"letter from the job center", "letter from the jobcenter"},
		{"Ausländer Behörde Termin", "Ausländerbehörde Termin"},
		{"Auslander Behorde Termin", "Auslanderbehorde Termin"},
		{"Arbeit suchen in Peine", "Arbeit suchen in Peine"},
		{"job, center", "job, center"},
	} {
		if got := ix.joinSplitCompounds(tc.text); got != tc.want {
			t.Errorf("joinSplitCompounds(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := ranked(t, ix, "Ausländer Behörde Termin"); len(got) == 0 || got[0] != "auslaenderbehoerde-braunschweig" {
		t.Errorf("Ausländer Behörde Termin: got %v, want the Ausländerbehörde first", got[:min(2, len(got))])
	}
	// "center" alone is the Welcome Center's name
	if got := ranked(t, ix, "I got a letter from the job center and can't read it"); len(got) == 0 || got[0] == "welcome-center-region" {
		t.Errorf("letter from the job center: got %v, want no Welcome Center first", got[:min(2, len(got))])
	}
}
