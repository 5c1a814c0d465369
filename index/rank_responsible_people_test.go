package index

import "testing"

// TestServiceForTheAskersPeopleInATown: a worker naming a town is sent to
// the counselling for their own people, serving the town from elsewhere,
// before the counselling for other people located there; the town's
// offices for the asker's people stay first where they exist. The queries
// are written for this test, not taken from a relevance set.
func TestServiceForTheAskersPeopleInATown(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ q, want string }{
		{"I am from Syria, my boss in Salzgitter has not paid my wages", "faire-integration-niedersachsen"},
		{"مديري في فولفسبورغ لم يدفع راتبي", "faire-integration-niedersachsen"},
		{"jestem z Polski, szef w Salzgitter nie zapłacił mi pensji", "arbeit-und-leben-mobile-beschaeftigte"},
	} {
		if got := ranked(t, ix, tc.q); len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.q, got[:min(3, len(got))], tc.want)
		}
	}
}
