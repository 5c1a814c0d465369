package index

import (
	"context"
	"strings"
	"testing"
)

// TestSpellingSuggestions: "did you mean" corrects within one language and
// offers only what finds something, with the same filters.
func TestSpellingSuggestions(t *testing.T) {
	ix := mustIndex(t)
	tests := []struct {
		name string
		q    Query
		want string
	}{
		{"a German word of a description", Query{Text: "Bewerbxn"}, "bewerben"},
		{"an English word of a description", Query{Text: "applicatoins"}, "applications"},
		{"no mix of German and English", Query{Text: "Bewerbxn applicatoins"}, ""},
		{"only what finds something with the filters", Query{Text: "Bewerbxn", Topics: []string{"residence"}}, ""},
		{"short words are not corrected", Query{Text: "zu Bewerbxn"}, "zu bewerben"},
		{"three letters off is too far", Query{Text: "Bewxxxen"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.q.Lang, tc.q.Page, tc.q.Limit = "de", 1, 10
			res, err := ix.Search(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 0 {
				t.Fatalf("%q finds %d services; the case needs a query that finds nothing", tc.q.Text, res.Total)
			}
			if res.Suggestion != tc.want {
				t.Errorf("suggestion for %q: got %q, want %q", tc.q.Text, res.Suggestion, tc.want)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"suche", "suche", 0}, {"suhce", "suche", 1}, {"sche", "suche", 1}, {"sucher", "suche", 1}, {"vsia", "visa", 1}, {"abc", "cab", 2}, {"", "abc", 3}} {
		if got := editDistance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestSpellingOnRealData: on the real records, a suggestion is written in
// one language and finds something ("ne platyat zarplatu" was offered
// "neu plătit zarplatu": German, Romanian and the query's own word).
func TestSpellingOnRealData(t *testing.T) {
	ix := mustRealIndex(t)
	for _, text := range []string{"ne platyat zarplatu", "Aufenthaltstitl verlengern", "anerkenung diplomm", "نصريح عمل", "довідка про доходы"} {
		res, err := ix.Search(context.Background(), Query{Text: text, Lang: "de", Page: 1, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		s := res.Suggestion
		if s == "" {
			continue
		}
		if !ix.spelling().withinOneLanguage(s) {
			t.Errorf("suggestion for %q: %q mixes languages", text, s)
		}
		check, err := ix.Search(context.Background(), Query{Text: s, Lang: "de", Page: 1, Limit: 1})
		if err != nil || check.Total == 0 {
			t.Errorf("suggestion for %q: %q finds nothing (%v)", text, s, err)
		}
		t.Logf("%q -> %q (%d)", text, s, check.Total)
	}
	if got := ix.spelling().withinOneLanguage("neu plătit zarplatu"); got {
		t.Errorf("withinOneLanguage(%q) = true, want false: the check itself is wrong", "neu plătit zarplatu")
	}
}

// withinOneLanguage tells whether one language's words (or names) hold
// every word of s that the speller would correct.
func (sp *speller) withinOneLanguage(s string) bool {
	for _, lang := range Languages {
		all := true
		for _, w := range strings.FieldsFunc(strings.ToLower(s), notLetter) {
			all = all && (len([]rune(w)) < minSpellWord || sp.known(lang, w))
		}
		if all {
			return true
		}
	}
	return false
}
