package index

import (
	"strings"
	"testing"
)

// TestOriginSaysWhoAsks: a worker naming the country they come from is of
// that country's group whatever the language; an employer naming one hires
// from there. The queries are written for this test, not taken from a
// relevance set.
func TestOriginSaysWhoAsks(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ q, audience string }{ // "": the language's
		{"je suis sénégalais et mon patron ne me paie pas", "third-country-nationals"},
		{"soy de Rumanía, mi jefe no me paga", "eu-workers"},
		{"iz Bosne sam, gazda ne plaća", "third-country-nationals"},
		{"I am from Ukraine and need a job", "ukrainians"},
		{"we want to hire nurses from India", ""},      // an employer
		{"mon patron ne me paie pas", ""},              // no country: French says nothing
		{"individuelle Beratung zum Arbeitsrecht", ""}, // "indi…" is no country
	} {
		pq := ix.parse(tc.q)
		ix.conceptPass(ix.newMatches(false), pq)
		want := tc.audience
		if want == "" { // the language's, as without a country
			want = strings.Join(ix.audience(pq.detected), ",")
		}
		if got := strings.Join(pq.audience, ","); got != want {
			t.Errorf("%q: audience %q, want %q", tc.q, got, want)
		}
	}
	for _, tc := range []struct{ q, want string }{
		{"je suis sénégalais et mon patron ne me paie pas", "faire-integration-niedersachsen"},
		{"soy de Rumanía y mi jefe no me paga el sueldo", "arbeit-und-leben-mobile-beschaeftigte"},
	} {
		if got := ranked(t, ix, tc.q); len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.q, got[:min(3, len(got))], tc.want)
		}
	}
}

// TestOriginsChecked: a group's origins are one word of at least four
// letters each.
func TestOriginsChecked(t *testing.T) {
	for _, tc := range []struct{ name, origins, want string }{
		{"two words", `en = ["Sri Lanka"]`, `origin "Sri Lanka" (en) must be one word`},
		{"short", `en = ["Mali"]` + "\n" + `de = ["Tog"]`, `origin "Tog" (de) must be one word of at least 4 letters`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			groups := "[[group]]\nid = \"refugees\"\nlabel = { de = \"G\" }\n[group.origins]\n" + tc.origins + "\n"
			_, problems := Load(fixtureFS(map[string]string{"groups.toml": groups}), testNow)
			if errs := problems.Errors(); len(errs) != 1 || !strings.Contains(errs.Error(), tc.want) {
				t.Errorf("errors %v, want one with %q", errs, tc.want)
			}
		})
	}
}
