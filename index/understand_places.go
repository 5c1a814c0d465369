package index

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	lru "github.com/hashicorp/golang-lru/v2"
)

// placeNames recognizes towns, villages and city districts in a query, in
// any of the languages ("فولفسبورغ", "вольфсбург", "in Gifhorn",
// "Лебенштедт"), so that services located there rank first. The names come
// from data/areas.toml: area names in ten languages, the places each area
// contains and its other localities. A place in another script than its
// name's is found by the sound keys of understand_translit_keys.go.
type placeNames struct {
	words []placeWord // longest first, so the most specific name wins
	// known reports whether the vocabulary has a word: "Lehre" is a
	// municipality and an apprenticeship, "Lehrerin" starts like it.
	known func(word string) bool
	// seen keeps the area each query word names ("" for none): people
	// use the same words again and again, and a word is compared with
	// every place name.
	seen *lru.Cache[string, int32]
}

// placeWordsKept bounds the query words whose area is kept.
const placeWordsKept = 16384

type placeWord struct {
	word  string // lowercased, without zero-width joiners
	runes []rune
	area  string
	name  bool // part of an area's own name ("Wolfsburg", "Гослар")
	// places are the area's places and localities with this word in
	// their name ("Bad Harzburg" for "harzburg"), for services limited to
	// some of them (Service.LimitedTo)
	places []string
	cyr    []rune // sound key for Cyrillic spellings ("" for non-Latin words)
	arab   string // consonant key for Arabic-script spellings
}

// minPlaceWord is the shortest word taken as a place name; shorter ones
// ("Bad", "Elbe") are too ambiguous.
const minPlaceWord = 5

func newPlaceNames(areas []Area, known func(string) bool) *placeNames {
	// Words used by several areas ("Landkreis", "district", "район",
	// "Nordstadt") name no place.
	uses := map[string]map[string]bool{}
	names := map[string]bool{}
	places := map[string][]string{}
	note := func(text, area string, name bool) {
		for _, w := range strings.FieldsFunc(placeFold(text), notLetter) {
			if uses[w] == nil {
				uses[w] = map[string]bool{}
			}
			uses[w][area] = true
			names[w] = names[w] || name
			if !name && !slices.Contains(places[w], text) {
				places[w] = append(places[w], text)
			}
		}
	}
	for _, a := range areas {
		if a.Kind != "city" && a.Kind != "district" {
			continue
		}
		for _, name := range a.Name {
			note(name, a.ID, true)
		}
		for _, p := range append(append([]string{}, a.Places...), a.Localities...) {
			note(p, a.ID, false)
		}
	}
	seen, _ := lru.New[string, int32](placeWordsKept) // fails only for a size below 1
	pn := &placeNames{known: known, seen: seen}
	for w, areaIDs := range uses {
		if len(areaIDs) != 1 || len([]rune(w)) < minPlaceWord {
			continue
		}
		for id := range areaIDs {
			pw := placeWord{word: w, runes: []rune(w), area: id, name: names[w], places: places[w]}
			if isLatin(w) {
				pw.cyr = []rune(looseLatin(w))
				pw.arab = germanArabicSkeleton(w)
			}
			pn.words = append(pn.words, pw)
		}
	}
	sort.Slice(pn.words, func(i, j int) bool {
		a, b := pn.words[i], pn.words[j]
		return len(a.runes) > len(b.runes) || len(a.runes) == len(b.runes) && a.word < b.word
	})
	return pn
}

// placeFold lowercases a name and drops zero-width joiners, which Persian
// writes inside names ("ولفن‌بوتل").
func placeFold(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "\u200c", "")
}

// areasIn returns the areas named in text and the text without their
// names (or text itself when nothing else is left). A query word matches a
// name word when one starts with the other, so inflected forms match too
// ("брауншвайгу", "Wolfsburger").
func (pn *placeNames) areasIn(text string) (areas []string, rest string) {
	areas, _, rest, _ = pn.placesIn(text)
	return areas, rest
}

// placesIn is areasIn that also returns the places and localities the
// text names ("Seesen"), where a word names some: a word of an area's
// own name alone ("Landkreis Goslar" in Arabic) names none; and the places
// read, for the answer (readPlaces).
func (pn *placeNames) placesIn(text string) (areas, places []string, rest string, read []PlaceRead) {
	found := map[string]bool{}
	var kept []string
	spans := fieldSpans(text)
	folded := make([]string, len(spans))
	matched := make([]int32, len(spans)) // per word, the place word it matches or -1
	for i, sp := range spans {
		q := text[sp[0]:sp[1]]
		folded[i] = placeFold(strings.TrimFunc(q, notLetter))
		w := pn.wordOf(folded[i])
		matched[i] = w
		if w < 0 {
			kept = append(kept, q)
			continue
		}
		id := pn.words[w].area
		if !found[id] {
			found[id] = true
			areas = append(areas, id)
		}
		for _, p := range pn.words[w].places {
			if !slices.Contains(places, p) {
				places = append(places, p)
			}
		}
	}
	if len(areas) > 0 {
		read = pn.readPlaces(text, spans, folded, matched)
	}
	if len(kept) == 0 {
		return areas, places, text, read
	}
	return areas, places, strings.Join(kept, " "), read
}

// areaOf is the area a word names, or "".
func (pn *placeNames) areaOf(word string) string {
	if w := pn.wordOf(word); w >= 0 {
		return pn.words[w].area
	}
	return ""
}

// wordOf is the number of the place word a query word names, or -1.
func (pn *placeNames) wordOf(word string) int32 {
	if pn.seen == nil {
		return pn.wordOfWord(word)
	}
	if w, ok := pn.seen.Get(word); ok {
		return w
	}
	w := pn.wordOfWord(word)
	pn.seen.Add(word, w)
	return w
}

func (pn *placeNames) wordOfWord(word string) int32 {
	for _, cand := range withoutProclitic(word) {
		r := []rune(cand)
		if len(r) < minPlaceWord && !(isEthiopic(cand) && len(ethiopicToLatin(cand)) >= minPlaceWord) {
			continue // an Ethiopic letter is a syllable: "ጎስላር" is Goslar
		}
		if w := pn.wordOfName(cand, r); w >= 0 {
			return w
		}
	}
	return -1
}

// wordOfName finds the place word a word names, as written or by its
// sound, or -1.
func (pn *placeNames) wordOfName(cand string, r []rune) int32 {
	vocab := pn.known != nil && pn.known(cand)
	var cyr []rune
	var arab []string
	greek := false
	switch {
	case hasScript(cand, unicode.Cyrillic):
		cyr = []rune(looseLatin(cyrillicToLatin("de", cand)))
	case hasScript(cand, unicode.Arabic):
		arab = arabicSkeletons("fa", cand)
	case isEthiopic(cand):
		arab = ethiopicPlaceKeys(cand)
	case isGreek(cand):
		greek = true
		cyr = greekPlaceKey(cand)
	case isGeorgian(cand):
		cyr = []rune(looseLatin(georgianToLatin(cand))) // spelt by sound, as Cyrillic is
	case isLatin(cand):
		// a name written as it sounds in another language's Latin
		// spelling ("braunshveige", "volfsburg")
		cyr = []rune(looseLatin(cand))
	}
	for i, w := range pn.words {
		if vocab && !(w.name && cand == w.word) {
			continue // a word of a need ("Lehre") before a village of that name
		}
		if strings.HasPrefix(cand, w.word) || (len(r) >= 7 && strings.HasPrefix(w.word, cand)) || nearPrefix(r, w.runes) {
			return int32(i)
		}
		if len(cyr) > 0 && len(w.cyr) >= minPlaceWord {
			name := w.cyr
			if greek {
				name = []rune(strings.ReplaceAll(string(name), "S", "s")) // Greek σ for "sch"
			}
			if hasRunePrefix(cyr, name) || nearPrefix(cyr, name) {
				return int32(i)
			}
		}
		for _, k := range arab {
			if len(w.arab) >= 4 && (k == w.arab || len(w.arab) >= 5 && strings.HasPrefix(k, w.arab) || len(w.arab) >= 6 && oneEdit(k, w.arab)) {
				return int32(i)
			}
		}
	}
	return -1
}

func hasRunePrefix(s, prefix []rune) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == string(prefix)
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

// oneEdit reports whether two keys are at most one edit apart: Arabic
// script writes "dt" as one letter ("لبنشتت", Lebenstedt).
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	return abs(len(ra)-len(rb)) <= 1 && similarRunes(ra, rb) && levenshtein(ra, rb) <= 1
}
