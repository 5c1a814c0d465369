package index

import (
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/hr"
)

// TestCroatianStemmerAsBleves: our Croatian stemmer gives bleve's stem for
// every Latin-script term and word of the real data (the stemmer is only
// run on Latin words), and for random words made of Croatian and German
// letters with and without the rules' endings. bleve's stemmer is slow
// (under the race detector about 7 ms a word), so the random words are few,
// and under the race detector every tenth word is compared.
func TestCroatianStemmerAsBleves(t *testing.T) {
	words := croatianTestWords(t)
	bleves := hr.NewCroatianStemmerFilter()
	sorted, compared := slices.Sorted(maps.Keys(words)), 0
	for i, w := range sorted {
		if raceDetector && i%10 != 0 {
			continue
		}
		compared++
		want := string(bleves.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term)
		if got := croatianStem(w); got != want {
			t.Errorf("%q: stem %q, bleve's %q", w, got, want)
		}
	}
	t.Logf("%d words compared", compared)
}

// TestCroatianRulesFit: a rule fits a word (read from the
// word's end, stemRules.fitting) exactly when its expression matches the word, for the same
// words as TestCroatianStemmerAsBleves.
func TestCroatianRulesFit(t *testing.T) {
	checked := 0
	for i, w := range slices.Sorted(maps.Keys(croatianTestWords(t))) {
		if raceDetector && i%10 != 0 {
			continue
		}
		fit := croatianRules.fitting(w)
		for ri, rule := range croatianRules.rules {
			if got, want := fit.has(ri), rule.re.MatchString(w); got != want {
				t.Errorf("%q, rule %s: fits %v, the expression matches %v", w, rule.re, got, want)
			}
			checked++
		}
	}
	t.Logf("%d words and rules checked", checked)
}

// croatianTestWords are every Latin-script term and word of the real
// data, a few words without vowels, and random words of Croatian and
// German letters with and without one of the rules' endings.
func croatianTestWords(t *testing.T) map[string]bool {
	t.Helper()
	ix := mustRealIndex(t)
	words := map[string]bool{"": true, "r": true, "prst": true, "krv": true}
	for term := range ix.terms.terms {
		if isLatin(term) {
			words[term] = true
		}
	}
	for _, ws := range ix.vocab.words {
		for w := range ws {
			if isLatin(w) {
				words[w] = true
			}
		}
	}
	// the rules' endings, to make words that reach every rule
	var endings []string
	alts := regexp.MustCompile(`\)\(([^()]*)\)\$$`)
	for _, rule := range croatianRules.rules {
		m := alts.FindStringSubmatch(rule.re.String())
		if m == nil {
			t.Fatalf("rule %s: no endings found", rule.re)
		}
		endings = append(endings, strings.Split(m[1], "|")...)
	}
	letters := []rune("abcčćdđefghijklmnoprsštuvzžäöüßqwxy")
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 1_000 {
		var b strings.Builder
		for range 1 + rnd.IntN(9) {
			b.WriteRune(letters[rnd.IntN(len(letters))])
		}
		words[b.String()] = true
		words[b.String()+endings[rnd.IntN(len(endings))]] = true
	}
	return words
}
