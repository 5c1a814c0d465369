package index

import (
	"strings"
)

// speller proposes a corrected query from the words of the data itself.
// bleve's fuzzy queries already forgive one or two typos per word; this is
// for what is left, so that a query that finds nothing still leads somewhere.
type speller struct {
	freq map[string]int // lowercased word -> how often the data uses it
}

func newSpeller(d *Directory) *speller {
	sp := &speller{freq: map[string]int{}}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), notLetter) {
			if len([]rune(w)) >= 3 {
				sp.freq[w]++
			}
		}
	}
	for _, t := range d.Topics {
		for _, lang := range Languages {
			add(t.Label[lang])
			add(strings.Join(t.Keywords[lang], " "))
		}
	}
	for _, o := range d.Organizations {
		add(strings.Join(o.AlternateNames, " "))
		for _, text := range o.Name {
			add(text)
		}
		for _, s := range o.Services {
			for _, text := range s.Name {
				add(text)
			}
			for _, text := range s.Description {
				add(text)
			}
		}
	}
	return sp
}

// suggestSpelling returns text with unknown words replaced by the closest
// known word, or "" when it knows nothing better.
func (ix *Index) suggestSpelling(text string) string {
	words := strings.Fields(strings.ToLower(text))
	changed := false
	for i, w := range words {
		w = strings.TrimFunc(w, notLetter)
		if w == "" || ix.spelling().freq[w] > 0 {
			continue
		}
		if best := ix.spelling().closest(w); best != "" {
			words[i], changed = best, true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

func (sp *speller) closest(word string) string {
	r := []rune(word)
	maxDist := 2
	if len(r) <= 4 {
		maxDist = 1
	}
	best, bestDist, bestFreq := "", maxDist+1, 0
	for cand, f := range sp.freq {
		c := []rune(cand)
		if abs(len(c)-len(r)) > maxDist {
			continue
		}
		d := levenshtein(r, c)
		if d < bestDist || (d == bestDist && (f > bestFreq || (f == bestFreq && cand < best))) {
			best, bestDist, bestFreq = cand, d, f
		}
	}
	return best
}

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
