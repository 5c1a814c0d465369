package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// placeNames recognizes towns and districts in a query, in any of the
// languages ("فولفسبورغ", "вольфсбург", "in Gifhorn"), so that services
// located there rank first. The names come from data/areas.toml (area names
// in ten languages) and the places each area contains.
type placeNames struct {
	words map[string]string // lowercased name word -> area id
}

// minPlaceWord is the shortest word taken as a place name; shorter ones
// ("Bad", "Elbe") are too ambiguous.
const minPlaceWord = 5

func newPlaceNames(areas []Area) *placeNames {
	// Words used by several areas ("Landkreis", "district", "район") name
	// no place.
	uses := map[string]map[string]bool{}
	note := func(word, area string) {
		if uses[word] == nil {
			uses[word] = map[string]bool{}
		}
		uses[word][area] = true
	}
	for _, a := range areas {
		if a.Kind != "city" && a.Kind != "district" {
			continue
		}
		for _, name := range a.Name {
			for _, w := range strings.FieldsFunc(strings.ToLower(name), notLetter) {
				note(w, a.ID)
			}
		}
		for _, p := range a.Places {
			for _, w := range strings.FieldsFunc(strings.ToLower(p), notLetter) {
				note(w, a.ID)
			}
		}
	}
	pn := &placeNames{words: map[string]string{}}
	for w, areaIDs := range uses {
		if len(areaIDs) == 1 && len([]rune(w)) >= minPlaceWord {
			for id := range areaIDs {
				pn.words[w] = id
			}
		}
	}
	return pn
}

// areasIn returns the areas named in text and the text without their
// names (or text itself when nothing else is left). A query word matches a
// name word when one starts with the other, so inflected forms match too
// ("брауншвайгу", "Wolfsburger").
func (pn *placeNames) areasIn(text string) (areas []string, rest string) {
	found := map[string]bool{}
	var kept []string
	for _, q := range strings.Fields(text) {
		id := pn.areaOf(strings.ToLower(strings.TrimFunc(q, notLetter)))
		if id == "" {
			kept = append(kept, q)
			continue
		}
		if !found[id] {
			found[id] = true
			areas = append(areas, id)
		}
	}
	if len(kept) == 0 {
		return areas, text
	}
	return areas, strings.Join(kept, " ")
}

func (pn *placeNames) areaOf(word string) string {
	for _, cand := range withoutProclitic(word) {
		if len([]rune(cand)) < minPlaceWord {
			continue
		}
		for w, id := range pn.words {
			if strings.HasPrefix(cand, w) || (strings.HasPrefix(w, cand) && len([]rune(cand)) >= 7) || nearPrefix(cand, w) {
				return id
			}
		}
	}
	return ""
}

// nearPrefix accepts one typo in a long place name at the start of a word:
// transliterations differ ("салцгитер", "Залцгитер").
func nearPrefix(word, name string) bool {
	w, n := []rune(word), []rune(name)
	if len(n) < 7 || len(w) < len(n) {
		return false
	}
	return levenshtein(w[:len(n)], n) <= 1
}

// withoutProclitic returns the word and, for Arabic script, the word without
// a prefixed preposition or conjunction: Arabic writes "in Wolfsburg" as
// one word, "بفولفسبورغ".
func withoutProclitic(word string) []string {
	out := []string{word}
	r := []rune(word)
	for _, prefix := range []string{"وب", "ول", "في", "بال", "ال", "ب", "ل", "و", "ف", "ك"} {
		p := []rune(prefix)
		if len(r) > len(p)+3 && string(r[:len(p)]) == prefix {
			out = append(out, string(r[len(p):]))
		}
	}
	return out
}

// placeBoost prefers services with a location in a named area, then those
// serving it.
func placeBoost(areaIDs []string) query.Query {
	var any []query.Query
	for _, id := range areaIDs {
		located := bleve.NewTermQuery(id)
		located.SetField(fieldLocated)
		located.SetBoost(15)
		served := bleve.NewTermQuery(id)
		served.SetField(fieldArea)
		served.SetBoost(5)
		any = append(any, located, served)
	}
	return bleve.NewDisjunctionQuery(any...)
}
