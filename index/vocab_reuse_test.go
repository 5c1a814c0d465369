package index

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestVocabularyReuse builds an index with the one it replaces given, as a
// hot reload does, and checks that the vocabulary is reused exactly when a
// cold build would make the same one, and that every answer is the same as
// the cold build's either way.
func TestVocabularyReuse(t *testing.T) {
	prev, err := New(context.Background(), mustLoad(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer prev.Close()
	edit := func(old, new string) map[string]string {
		return map[string]string{"organizations/beispiel-amt.toml": breakOrg(t, old, new)}
	}
	tests := []struct {
		name   string
		files  map[string]string
		reused bool
	}{
		{"unchanged", nil, true},
		{"a record's new words, in no vocabulary word", edit("Die Behörde für Aufenthaltstitel.", "Die Behörde für Aufenthaltstitel. Neue Sprechzeiten ab Montag."), true},
		// "erlaubnis" becomes a word of the German dictionary, so the
		// keyword "Arbeitserlaubnis" now splits into it.
		{"a record's new word inside a vocabulary word", edit("Die Behörde für Aufenthaltstitel.", "Die Behörde für Aufenthaltstitel und jede Erlaubnis."), false},
		{"a topic's new keyword", map[string]string{"topics.toml": strings.Replace(fixtureTopics, `"Stelle"]`, `"Stelle", "Minijob"]`, 1)}, false},
		{"situations added", map[string]string{"situations.toml": "[[situation]]\nid = \"no-pay\"\ntopics = [\"work\"]\nphrases = { de = [\"Chef zahlt nicht\"] }\n"}, false},
	}
	queries := []string{"Aufenthaltstitel", "Arbeitserlaubnis", "Erlaubnis", "Visum verlängern", "work permit", "Minijob", "Chef zahlt nicht", "عمل", "Aufenthaltstitl", "Sprechzeiten"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reload, err := Build(context.Background(), mustLoad(t, tt.files), Options{Previous: prev})
			if err != nil {
				t.Fatal(err)
			}
			defer reload.Close()
			if got := reload.vocab == prev.vocab; got != tt.reused {
				t.Errorf("vocabulary reused: %v, want %v", got, tt.reused)
			}
			cold, err := New(context.Background(), mustLoad(t, tt.files))
			if err != nil {
				t.Fatal(err)
			}
			defer cold.Close()
			for _, q := range queries {
				for _, lang := range []string{"de", "en"} {
					query := Query{Text: q, Lang: lang, Page: 1, Limit: 20, Now: testNow, Explain: true}
					want, err1 := cold.answer(context.Background(), query)
					got, err2 := reload.answer(context.Background(), query)
					if err1 != nil || err2 != nil {
						t.Fatalf("%q: %v, %v", q, err1, err2)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%q (%s): after a reload %+v, built cold %+v", q, lang, got, want)
					}
				}
			}
		})
	}
}

// TestSameTreatsEmptyAsNil: records kept by --index-dir come back from gob
// with nil for empty lists and maps; they must still count as unchanged.
func TestSameTreatsEmptyAsNil(t *testing.T) {
	tests := []struct {
		a, b Situation
		want bool
	}{
		{Situation{ID: "a", Topics: []string{}, Phrases: Words{}}, Situation{ID: "a"}, true},
		{Situation{ID: "a", Phrases: Words{"de": {}}}, Situation{ID: "a", Phrases: Words{"de": nil}}, true},
		{Situation{ID: "a", Phrases: Words{"de": {"x"}}}, Situation{ID: "a", Phrases: Words{"de": {"y"}}}, false},
		{Situation{ID: "a", Phrases: Words{"de": {}}}, Situation{ID: "a"}, false}, // a language more
		{Situation{ID: "a"}, Situation{ID: "b"}, false},
	}
	for _, tt := range tests {
		if got := same(tt.a, tt.b); got != tt.want {
			t.Errorf("same(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDictionaryChange(t *testing.T) {
	got := dictionaryChange([]string{"arbeit", "erlaubnis", "haus"}, []string{"arbeit", "haus", "zeit"})
	if want := []string{"erlaubnis", "zeit"}; !reflect.DeepEqual(got, want) {
		t.Errorf("dictionaryChange = %q, want %q", got, want)
	}
}
