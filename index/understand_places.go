package index

import (
	"slices"
	"sort"
	"strings"
)

// placeNames recognizes towns and districts in a query, in any of the
// languages ("فولفسبورغ", "вольфсбург", "in Gifhorn"), so that services
// located there rank first. The names come from data/areas.toml (area names
// in ten languages) and the places each area contains.
type placeNames struct {
	words []placeWord // longest first, so the most specific name wins
}

type placeWord struct {
	word  string // lowercased
	runes []rune
	area  string
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
	pn := &placeNames{}
	for w, areaIDs := range uses {
		if len(areaIDs) == 1 && len([]rune(w)) >= minPlaceWord {
			for id := range areaIDs {
				pn.words = append(pn.words, placeWord{w, []rune(w), id})
			}
		}
	}
	sort.Slice(pn.words, func(i, j int) bool {
		a, b := pn.words[i], pn.words[j]
		return len(a.runes) > len(b.runes) || len(a.runes) == len(b.runes) && a.word < b.word
	})
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
		r := []rune(cand)
		if len(r) < minPlaceWord {
			continue
		}
		for _, w := range pn.words {
			if strings.HasPrefix(cand, w.word) || (len(r) >= 7 && strings.HasPrefix(w.word, cand)) || nearPrefix(r, w.runes) {
				return w.area
			}
		}
	}
	return ""
}

// nearPrefix accepts one typo in a long place name at the start of a word:
// transliterations differ ("салцгитер", "Залцгитер").
func nearPrefix(word, name []rune) bool {
	if len(name) < 7 || len(word) < len(name) || !similarRunes(word[:len(name)], name) {
		return false
	}
	return levenshtein(word[:len(name)], name) <= 1
}

// similarRunes is a cheap test before the edit distance: two words one
// edit apart share all but at most two of their letters, position aside.
func similarRunes(a, b []rune) bool {
	shared := 0
	for _, r := range a {
		if slices.Contains(b, r) {
			shared++
		}
	}
	return shared >= len(a)-2
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
