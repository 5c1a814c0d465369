package index

import "testing"

// TestLanguageOfTheMainScript: a town or an office word in Latin letters
// does not make a query written in another script Latin, and the same
// query always gets the same language. The queries are written for this
// test, not taken from a relevance set.
func TestLanguageOfTheMainScript(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ q, want string }{
		{"ስራ እፈልጋለሁ Wolfsburg", "am"},
		{"मुझे नौकरी चाहिए Jobcenter Wolfsburg", "hi"},
		{"ich suche Arbeit in Peine", "de"},
		{"Jobcenter Peine ስራ", "de"}, // more Latin letters than Ethiopic
	} {
		for range 5 { // a map's order must not decide
			if got := ix.DetectLanguage(tc.q); got != tc.want {
				t.Errorf("%q: language %q, want %q", tc.q, got, tc.want)
				break
			}
		}
	}
}
