package index

import (
	"strings"
	"testing"
)

// TestLimitedToProblems: a town a service is limited to must be a place or
// locality of an area it serves (or of one inside it), reported at the
// limited_to line.
func TestLimitedToProblems(t *testing.T) {
	const org = "organizations/beispiel-amt.toml"
	tests := []struct {
		name, areas, limited string
		want                 string // "" for no problem
	}{
		{"a place of its area", "braunschweig", `["Gartenstadt"]`, ""},
		{"a place inside its larger area", "region-braunschweig", `["Gartenstadt"]`, ""},
		{"unknown name", "braunschweig", `["Atlantis"]`, `limited_to "Atlantis" is not a place or locality of its areas [braunschweig]`},
		{"misspelt town", "braunschweig", `["Gartenstadt", "Gartenstad"]`, `limited_to "Gartenstad"`},
		{"a place of an area it does not serve", "wolfsburg", `["Gartenstadt"]`, `limited_to "Gartenstadt" is not a place or locality of its areas [wolfsburg]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := breakOrg(t, `areas = ["braunschweig"]`, "areas = [\""+tc.areas+"\"]\nlimited_to = "+tc.limited)
			_, problems := Load(fixtureFS(map[string]string{org: src}), testNow)
			var got []Problem
			for _, p := range problems.Errors() {
				if strings.Contains(p.Message, "limited_to") {
					got = append(got, p)
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("got %v, want no problem", got)
			case tc.want != "" && (len(got) != 1 || got[0].File != org || got[0].Line != 34 || !strings.Contains(got[0].Message, tc.want)):
				t.Errorf("got %v, want %s:34: …%s…", got, org, tc.want)
			}
		})
	}
}
