package index

import (
	"slices"
	"strings"
	"unicode"
)

// PlaceRead is a place a query names, as the search read it, so that an
// answer can say which place it ranked by ("Services for this place first:
// Königslutter am Elm (Landkreis Helmstedt)") and offer the search without
// it.
type PlaceRead struct {
	// Text is the query's words read as the place, as typed, without
	// punctuation around them: "Bad Harzburg", "Wolfsburger", "بفولفسبورغ".
	Text string
	Area string // the city or district the place is in (an area id)
	// Place is the name of the town, village or city district the words
	// name, as data/areas.toml writes it ("Königslutter am Elm" for
	// "Königslutter", "Bad Harzburg" for "Harzburg"): only for words in
	// Latin letters that name one such place, else "".
	Place string
}

// readPlaces returns the places named by the words of text (at spans,
// folded as place words are) that matched place words (matched[i] >= 0).
// A word read with the words around it as one of its area's place names
// ("Bad" of "Bad Harzburg", which is too short to be a place word of its
// own) is one place with them.
func (pn *placeNames) readPlaces(text string, spans [][2]int, folded []string, matched []int32) []PlaceRead {
	var out []PlaceRead
	next := 0 // the first word not yet part of a place read
	for i := 0; i < len(spans); i++ {
		if matched[i] < 0 {
			continue
		}
		w := &pn.words[matched[i]]
		from, to, place := i, i, ""
		if f, t, name, ok := pn.alignName(w, i, next, folded, matched); ok {
			from, to, place = f, t, name
		} else if len(w.places) == 1 {
			place = w.places[0]
		}
		s := strings.TrimFunc(text[spans[from][0]:spans[to][1]], notLetter)
		if !isLatin(s) {
			place = ""
		}
		if pr := (PlaceRead{Text: s, Area: w.area, Place: place}); !slices.Contains(out, pr) {
			out = append(out, pr)
		}
		i, next = to, to+1
	}
	return out
}

// alignName finds the longest place name of w that the query's words
// around word i (from word lo on) spell out, each word as written or, for
// a word matching a place word of the same area, by that place word (a
// typo, an inflected form). Of names as long, the one with more words as
// written wins ("Salzgitter" over "Salzgitter-Bad" for "Salzgitter"). It
// returns the words the name covers.
func (pn *placeNames) alignName(w *placeWord, i, lo int, folded []string, matched []int32) (from, to int, name string, ok bool) {
	best, bestExact := 0, -1
	for _, n := range w.places {
		parts := dropEmpty(strings.Fields(placeFold(n)))
		for p := range parts {
			k := i - p
			if k < lo || k+len(parts) > len(folded) {
				continue
			}
			exact := pn.spells(parts, k, folded, matched, w.area)
			if exact < 0 || len(parts) < best || len(parts) == best && exact <= bestExact {
				continue
			}
			best, bestExact, from, to, name, ok = len(parts), exact, k, k+len(parts)-1, n, true
		}
	}
	return from, to, name, ok
}

// spells reports how many of the words folded[k:] are the parts of a name
// as written, or -1 when one of them is not a part at all.
func (pn *placeNames) spells(parts []string, k int, folded []string, matched []int32, area string) int {
	exact := 0
	for j, part := range parts {
		q, m := folded[k+j], matched[k+j]
		switch {
		case q == part:
			exact++
		case m >= 0 && pn.words[m].area == area && nameHasWord(part, pn.words[m].word):
		default:
			return -1
		}
	}
	return exact
}

// nameHasWord reports whether a word of a place name (which may be
// hyphenated: "clausthal-zellerfeld") has word among its letters' words.
func nameHasWord(part, word string) bool {
	for _, p := range strings.FieldsFunc(part, notLetter) {
		if p == word {
			return true
		}
	}
	return false
}

// dropEmpty drops the parts of a name that are no words ("-" of "Petritor
// - Nord").
func dropEmpty(parts []string) []string {
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimFunc(p, notLetter); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// fieldSpans returns the byte spans of text's words split at white space,
// as strings.Fields splits it.
func fieldSpans(text string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range text {
		space := unicode.IsSpace(r)
		switch {
		case space && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

// onlyPlaces reports whether every word of the query is a word of the
// places it names ("Königslutter", "Bad Harzburg").
func (q *parsedQuery) onlyPlaces() bool {
	if len(q.read) == 0 || len(q.words) == 0 {
		return false
	}
	for _, w := range q.words {
		if !slices.ContainsFunc(q.read, func(r PlaceRead) bool {
			return slices.Contains(strings.Fields(strings.ToLower(r.Text)), w.lower)
		}) {
			return false
		}
	}
	return true
}
