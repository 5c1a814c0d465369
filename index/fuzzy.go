package index

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/vellum"
	lev "github.com/blevesearch/vellum/levenshtein"
	lru "github.com/hashicorp/golang-lru/v2"
)

// fuzzyTerms finds the vocabulary's terms within a small edit distance of a
// misspelt query term, with the Levenshtein automata of vellum (the finite
// state transducers bleve's own fuzzy queries run on), one per language.
// Each is built on first use, or all at once by Index.Warm beside serving:
// a query word is analysed in every language that might be its own, so the
// first misspelt query asks for about a dozen languages.
type fuzzyTerms struct {
	byTerm map[string][]wordRef // the vocabulary's terms, read only
	mu     sync.Mutex
	fst    map[string]*vellum.FST // by language, nil when it failed
	// found keeps recent corrections: building an automaton takes
	// milliseconds, and the same misspellings and transliterations recur.
	found *lru.Cache[string, []string]
}

// fuzzyCacheSize bounds the words whose corrections are kept.
const fuzzyCacheSize = 8192

// Typo tolerance grows with the length of a word: none below 4 letters,
// where one edit makes another common word, one edit up to 7, two above.
const (
	fuzzyMinLen  = 4
	fuzzyTwoLen  = 8
	maxFuzzyHits = 8 // corrections per word, the closest first
)

func newFuzzyTerms(byTerm map[string][]wordRef) *fuzzyTerms {
	f := &fuzzyTerms{byTerm: byTerm, fst: map[string]*vellum.FST{}}
	f.found, _ = lru.New[string, []string](fuzzyCacheSize)
	return f
}

// levBuilders are the parametric automata for 1 and 2 edits (with
// transpositions). They depend on nothing but the distance, and the one for
// two edits takes about 4.5 ms to build, so a process builds each once, for
// every index it serves (a hot reload does not build them again); package
// state on purpose, as a compiled regular expression would be.
var levBuilders = [3]func() *lev.LevenshteinAutomatonBuilder{
	nil, newLevBuilder(1), newLevBuilder(2),
}

func newLevBuilder(d uint8) func() *lev.LevenshteinAutomatonBuilder {
	return sync.OnceValue(func() *lev.LevenshteinAutomatonBuilder {
		lb, err := lev.NewLevenshteinAutomatonBuilder(d, true)
		if err != nil {
			return nil
		}
		return lb
	})
}

// langFST returns the automaton of a language's terms, built on first use.
func (f *fuzzyTerms) langFST(lang string) *vellum.FST {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fst, ok := f.fst[lang]; ok {
		return fst
	}
	var list []string
	for k := range f.byTerm {
		if l, term, _ := strings.Cut(k, "\x00"); l == lang {
			list = append(list, term)
		}
	}
	fst := buildFST(list)
	f.fst[lang] = fst
	return fst
}

// warmAll builds the automata of every language of the vocabulary not
// built yet, sorting its terms out in one pass: a query word is analysed in
// every language that might be its own, so the first misspelt query asked
// for about a dozen languages beyond the page's, each scanning every term
// (5 ms together, a quarter of that query's time).
func (f *fuzzyTerms) warmAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	lists := map[string][]string{}
	for k := range f.byTerm {
		lang, term, _ := strings.Cut(k, "\x00")
		if _, built := f.fst[lang]; !built { // as langFST: a nil automaton is built too
			lists[lang] = append(lists[lang], term)
		}
	}
	for lang, list := range lists {
		f.fst[lang] = buildFST(list)
	}
}

// buildFST builds the automaton of a list of terms; nil when it fails.
func buildFST(list []string) *vellum.FST {
	if len(list) == 0 {
		return nil
	}
	sort.Strings(list)
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return nil
	}
	for _, t := range list {
		if b.Insert([]byte(t), 0) != nil {
			break
		}
	}
	if b.Close() != nil {
		return nil
	}
	fst, err := vellum.Load(buf.Bytes())
	if err != nil {
		return nil
	}
	return fst
}

// maxEdits is the typo tolerance for a term of n letters.
func maxEdits(n int) int {
	switch {
	case n < fuzzyMinLen:
		return 0
	case n < fuzzyTwoLen:
		return 1
	}
	return 2
}

// corrections returns, per language, the terms within the term's typo
// tolerance, other than the term itself. One automaton serves every
// language that analyses the word to the same term.
func (f *fuzzyTerms) corrections(term string, langs []string) map[string][]string {
	out := map[string][]string{}
	var dfa *lev.DFA
	for _, lang := range langs {
		key := lang + "\x00" + term
		if c, ok := f.found.Get(key); ok {
			out[lang] = c
			continue
		}
		d := maxEdits(utf8.RuneCountInString(term))
		if d == 0 {
			continue
		}
		fst, lb := f.langFST(lang), levBuilders[d]()
		if fst == nil || lb == nil {
			continue
		}
		if dfa == nil {
			var err error
			if dfa, err = lb.BuildDfa(term, uint8(d)); err != nil {
				return out
			}
		}
		out[lang] = search(fst, dfa, term)
		f.found.Add(key, out[lang])
	}
	return out
}

// search lists the terms of fst the automaton accepts, the term aside.
func search(fst *vellum.FST, dfa *lev.DFA, term string) []string {
	var out []string
	it, err := fst.Search(dfa, nil, nil)
	for err == nil && len(out) < maxFuzzyHits {
		k, _ := it.Current()
		if string(k) != term {
			out = append(out, string(k))
		}
		err = it.Next()
	}
	return out
}
