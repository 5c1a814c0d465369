package index

import (
	"strings"
	"testing"
)

// TestCountryForms: a country's form finds the word with a case ending or a
// nationality's letters, not a longer word that merely starts the same.
func TestCountryForms(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct {
		word  string
		named bool
	}{
		{"ukrainy", true}, {"україни", true}, {"serbien", true}, {"indii", true},
		{"kosova", true}, {"vietnam", true}, {"филиппин", true},
		{"individuell", false}, {"ukrainischen", false}, {"arbeit", false}, {"ind", false},
	} {
		if got := len(ix.vocab.countries.named(foldText(tc.word))) > 0; got != tc.named {
			t.Errorf("%q names a country: %v, want %v", tc.word, got, tc.named)
		}
	}
}

// TestEmployerNamingACountry: an employer hiring "from India" hires from
// abroad; the Welcome Center's counselling on it comes before the agency's
// placement. A worker naming where they come from asks nothing of the
// kind. The queries are written for this test, not taken from a relevance
// set.
func TestEmployerNamingACountry(t *testing.T) {
	ix := mustRealIndex(t)
	for _, tc := range []struct{ q, want string }{
		{"firma budowlana z Salzgitter chce zatrudnić spawaczy z Indii", "welcome-center-region"},
		{"ich komme aus Syrien und suche Arbeit", "agentur-fuer-arbeit-braunschweig-goslar"},
	} {
		if got := ranked(t, ix, tc.q); len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.q, got[:min(3, len(got))], tc.want)
		}
	}
	pq := ix.parse("ich komme aus Syrien und suche Arbeit")
	ix.conceptPass(ix.newMatches(false), pq)
	if it := pq.intents[intentEmployer]; it != nil {
		t.Errorf("a worker from Syria asks as an employer (via %q)", it.via)
	}
}

// TestCountriesChecked: a situation's countries are one word each, long
// enough not to be another word's start, and need an intent to say
// anything.
func TestCountriesChecked(t *testing.T) {
	for _, tc := range []struct{ name, situation, want string }{
		{"two words", "intent = \"employer\"\n[situation.phrases]\nde = [\"einstellen\"]\n[situation.countries]\nde = [\"Sri Lanka\"]\n", `country "Sri Lanka" (de) must be one word`},
		{"short", "intent = \"employer\"\n[situation.phrases]\nde = [\"einstellen\"]\n[situation.countries]\nde = [\"Mali\", \"Peru\", \"Irak\", \"Oman\", \"Tog\"]\n", `country "Tog" (de) must be one word of at least 4 letters`},
		{"no intent", "topics = [\"residence\"]\n[situation.phrases]\nde = [\"einstellen\"]\n[situation.countries]\nde = [\"Indien\"]\n", "countries need an intent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Load(fixtureFS(map[string]string{"situations.toml": "[[situation]]\nid = \"s\"\n" + tc.situation}), testNow)
			if errs := problems.Errors(); len(errs) != 1 || !strings.Contains(errs.Error(), tc.want) {
				t.Errorf("errors %v, want one with %q", errs, tc.want)
			}
		})
	}
}
