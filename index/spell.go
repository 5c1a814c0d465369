package index

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// speller proposes a corrected query from the words of the data itself,
// one language at a time: a correction that mixes languages ("ne platyat
// zarplatu" -> "neu plătit zarplatu") matches nothing anyone wrote. The
// search forgives typos in names and keywords already; this is for what is
// left, so that a query that finds nothing still leads somewhere.
type speller struct {
	freq  map[string]map[string]int // language -> lowercased word -> how often the data uses it
	names map[string]bool           // organizations' other names: known in every language
}

// minSpellWord: shorter words ("ne", "zu", "в") are left as typed; one
// letter off, they would become any other short word.
const minSpellWord = 3

// maxSpellChecks bounds the searches a query that found nothing may cost:
// each candidate correction is tried before it is offered.
const maxSpellChecks = 3

func newSpeller(d *Directory) *speller {
	sp := &speller{freq: map[string]map[string]int{}, names: map[string]bool{}}
	for _, lang := range Languages {
		sp.freq[lang] = map[string]int{}
	}
	for _, t := range d.Topics {
		sp.addText(t.Label)
		sp.addWords(t.Keywords)
	}
	for _, g := range d.Groups {
		sp.addText(g.Label)
		sp.addWords(g.Keywords)
	}
	for _, o := range sampleOrganizations(d.Organizations, statsSample) {
		for _, name := range o.AlternateNames {
			for _, w := range spellWords(name) {
				sp.names[w] = true
			}
		}
		sp.addText(o.Name)
		for _, s := range o.Services {
			sp.addText(s.Name)
			sp.addText(s.Description)
			sp.addWords(s.Keywords)
		}
	}
	return sp
}

func (sp *speller) addText(t Text) {
	for lang, text := range t {
		sp.add(lang, text)
	}
}

func (sp *speller) addWords(w Words) {
	for lang, list := range w {
		sp.add(lang, strings.Join(list, " "))
	}
}

func (sp *speller) add(lang, text string) {
	freq := sp.freq[lang]
	if freq == nil {
		return // a language the interface does not speak
	}
	for _, w := range spellWords(text) {
		if len([]rune(w)) >= minSpellWord {
			freq[w]++
		}
	}
}

func spellWords(text string) []string { return strings.FieldsFunc(strings.ToLower(text), notLetter) }

func (sp *speller) known(lang, w string) bool { return sp.freq[lang][w] > 0 || sp.names[w] }

// suggestion proposes a corrected query, written in one language, that
// finds something with the query's filters; "" when there is none.
func (ix *Index) suggestion(ctx context.Context, q Query, detected string) string {
	for i, text := range ix.spelling().candidates(q.Text, detected) {
		if i == maxSpellChecks {
			break
		}
		check := q
		check.Text, check.Page, check.Limit, check.Near, check.Explain = text, 1, 1, nil, false
		if res, err := ix.search(ctx, check); err == nil && res.Total > 0 {
			return text
		}
	}
	return ""
}

// candidates returns the corrections of text, each within one language:
// the query's language first, then the languages of its script that know
// most of its words and need the smallest changes. A language offers one
// only if it knows, or can correct, every word.
func (sp *speller) candidates(text, detected string) []string {
	words := spellWords(text)
	type option struct {
		text         string
		first        bool
		known, edits int
		order        int
	}
	var opts []option
	for i, lang := range scriptLanguages(text) {
		if fixed, known, edits, ok := sp.correctIn(lang, words); ok && edits > 0 {
			opts = append(opts, option{fixed, lang == detected, known, edits, i})
		}
	}
	slices.SortStableFunc(opts, func(a, b option) int {
		if a.first != b.first {
			return map[bool]int{true: -1, false: 1}[a.first]
		}
		return cmp.Or(b.known-a.known, a.edits-b.edits, a.order-b.order)
	})
	var out []string
	for _, o := range opts {
		if !slices.Contains(out, o.text) {
			out = append(out, o.text)
		}
	}
	return out
}

// correctIn replaces each unknown word with the closest word of lang; ok is
// false when some word has none. known counts the words lang knew as typed.
func (sp *speller) correctIn(lang string, words []string) (text string, known, edits int, ok bool) {
	out := make([]string, len(words))
	for i, w := range words {
		switch {
		case len([]rune(w)) < minSpellWord:
			out[i] = w
		case sp.known(lang, w):
			out[i] = w
			known++
		default:
			best, dist := sp.closest(lang, w)
			if best == "" {
				return "", 0, 0, false
			}
			out[i], edits = best, edits+dist
		}
	}
	return strings.Join(out, " "), known, edits, true
}

// closest is the word of lang nearest to word (at most 1 edit for words of
// up to four letters, else 2), the more frequent on a tie.
func (sp *speller) closest(lang, word string) (string, int) {
	r := []rune(word)
	maxDist := 2
	if len(r) <= 4 {
		maxDist = 1
	}
	best, bestDist, bestFreq := "", maxDist+1, 0
	for cand, f := range sp.freq[lang] {
		c := []rune(cand)
		if abs(len(c)-len(r)) > maxDist {
			continue
		}
		d := editDistance(r, c)
		if d > maxDist {
			continue
		}
		if d < bestDist || (d == bestDist && (f > bestFreq || (f == bestFreq && cand < best))) {
			best, bestDist, bestFreq = cand, d, f
		}
	}
	return best, bestDist
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbouring letters between a and b (optimal string alignment): a swap
// ("suhce" for "suche") is one slip, not two.
func editDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// levenshtein counts insertions, deletions and substitutions (a swap is
// two); the place names use it.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
