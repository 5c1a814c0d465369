package index

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	// bleve registers each language analyzer (named by its ISO code) on import.
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"

	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/bg"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/fa"
	"github.com/blevesearch/bleve/v2/analysis/lang/pl"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
	"github.com/blevesearch/bleve/v2/analysis/token/apostrophe"
	"github.com/blevesearch/bleve/v2/analysis/token/compound"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// analyzers are the text analyzers of every language, built once per index
// and used both to index the records and to analyse queries, so that the
// two always agree. They are assembled from bleve's parts here rather than
// configured by name in a mapping, because folding accents must happen per
// token (see foldFilter) and because documents are indexed field by field
// with the analyzer of their language (see document.go).
//
// Every one is a chain of parts that splits words with wordTokenizer: the
// build's memo of words (analysis_memo.go) runs the chain's filters on the
// words wordTokenizer finds.
type analyzers struct {
	lang  map[string]*analysis.DefaultAnalyzer // by language code
	plain *analysis.DefaultAnalyzer            // names and abbreviations: lowercased, folded
}

// German decompounding: words of at least 8 letters are split into parts of
// 3 to 20 letters found in the data's own German words, so that
// "Aufenthaltserlaubnis" also yields "aufenthalt" and "erlaubnis".
const (
	compoundMinWord, compoundMinPart, compoundMaxPart = 8, 3, 20
)

// newAnalyzers builds the analyzers; germanWords is the dictionary of the
// German decompounding filter. See docs/decisions/analyzers.md.
func newAnalyzers(germanWords []string) (*analyzers, error) {
	cache := registry.NewCache()
	filter := func(name string) analysis.TokenFilter {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			panic(fmt.Sprintf("bleve token filter %s is compiled in: %v", name, err))
		}
		return f
	}
	chain := func(filters ...analysis.TokenFilter) *analysis.DefaultAnalyzer {
		return &analysis.DefaultAnalyzer{Tokenizer: wordTokenizer, TokenFilters: filters}
	}
	dict := analysis.NewTokenMap()
	for _, w := range germanWords {
		dict.AddToken(w)
	}
	lower, fold, deNorm := lowercase.NewLowerCaseFilter(), foldFilter{asciifolding.New()}, de.NewGermanNormalizeFilter()
	a := &analyzers{lang: map[string]*analysis.DefaultAnalyzer{
		"de": chain(lower, deNorm, newMemoCompound(compound.NewDictionaryCompoundFilter(dict, compoundMinWord, compoundMinPart, compoundMaxPart, false)),
			filter(de.StopName), de.NewGermanLightStemmerFilter()),
		// bleve has no Ukrainian analyzer, and Bulgarian only stop words:
		// both get a light stemmer of their endings (analysis_light.go).
		"uk": chain(lower, ukrainianStemmer),
		"bg": chain(lower, filter(bg.StopName), bulgarianStemmer),
		// People type Polish, Romanian and Turkish on phones without
		// diacritics ("nie zaplacili", "fara contract", "is ariyorum"), so
		// records and queries are folded to ASCII. bleve's Polish stemmer
		// (stempel) turns "wiza" into "ć", so Polish is not stemmed.
		"pl": chain(fold, lower, filter(pl.StopName)),
		"ro": chain(fold, lower, filter(ro.StopName), filter(ro.SnowballStemmerName)),
		"tr": chain(apostrophe.NewApostropheFilter(), fold, lower, filter(tr.StopName), filter(tr.SnowballStemmerName)),
	}}
	// Persian: bleve's chain, but the zero-width non-joiner inside words
	// ("می‌خواهم") becomes spaces of the same byte length, so offsets stay.
	a.lang["fa"] = &analysis.DefaultAnalyzer{CharFilters: []analysis.CharFilter{zwnjFilter{}}, Tokenizer: wordTokenizer,
		TokenFilters: []analysis.TokenFilter{lower, filter(ar.NormalizeName), filter(fa.NormalizeName), filter(fa.StopName)}}
	for _, lang := range []string{"en", "ar", "ru"} {
		an, err := cache.AnalyzerNamed(lang)
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", lang, err)
		}
		if a.lang[lang], err = withTokenizer(an); err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", lang, err)
		}
	}
	for _, lang := range Languages {
		if a.lang[lang] == nil {
			return nil, fmt.Errorf("no analyzer for language %s", lang)
		}
	}
	a.plain = chain(fold, lower, deNorm)
	return a, nil
}

// withTokenizer is a bleve analyzer with its unicode tokenizer replaced
// by wordTokenizer, which finds the same words (analysis_tokenizer.go).
func withTokenizer(an analysis.Analyzer) (*analysis.DefaultAnalyzer, error) {
	chain, ok := an.(*analysis.DefaultAnalyzer)
	if !ok {
		return nil, fmt.Errorf("a %T, not a chain of parts", an)
	}
	if _, bleves := chain.Tokenizer.(*unicode.UnicodeTokenizer); !bleves {
		return nil, fmt.Errorf("tokenizer %T, not bleve's unicode tokenizer", chain.Tokenizer)
	}
	c := *chain
	c.Tokenizer = wordTokenizer
	return &c, nil
}

// terms analyses text with an analyzer and returns its distinct terms.
func terms(an analysis.Analyzer, text string) []string {
	return distinctTerms(an.Analyze([]byte(text)))
}

// distinctTerms are the terms of a token stream, each once, in order.
func distinctTerms(stream analysis.TokenStream) []string {
	var out []string
	for _, tok := range stream {
		if t := string(tok.Term); !containsString(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// wordTokens is a query word split into tokens once for all the analyzers
// it is analysed with: sixteen for a word in Latin letters, each of which
// would split it again (a quarter of their time).
type wordTokens struct {
	text   string
	tokens analysis.TokenStream
	zwnj   bool // the word holds a zero-width non-joiner, which zwnjFilter splits at
}

func tokenizeWord(text string) wordTokens {
	return wordTokens{text: text, tokens: wordTokenizer.Tokenize([]byte(text)), zwnj: strings.Contains(text, "\u200c")}
}

// terms are the word's distinct terms from an analyzer, as terms(an,
// text) finds them. An analyzer that splits words with wordTokenizer
// after no character filter, or only zwnjFilter on a word without a
// non-joiner, runs its token filters on a copy of the word's tokens;
// any other analyses the text itself.
func (w *wordTokens) terms(an analysis.Analyzer) []string {
	chain, ok := an.(*analysis.DefaultAnalyzer)
	if !ok || chain.Tokenizer != analysis.Tokenizer(wordTokenizer) {
		return terms(an, w.text)
	}
	for _, cf := range chain.CharFilters {
		if _, isZWNJ := cf.(zwnjFilter); !isZWNJ || w.zwnj {
			return terms(an, w.text)
		}
	}
	toks := make([]analysis.Token, len(w.tokens))
	stream := make(analysis.TokenStream, len(w.tokens))
	for i, t := range w.tokens {
		toks[i] = *t
		toks[i].Term = []byte(string(t.Term)) // the filters change terms in place
		stream[i] = &toks[i]
	}
	for _, f := range chain.TokenFilters {
		stream = f.Filter(stream)
	}
	return distinctTerms(stream)
}

// foldFilter removes accents from each token's term (ł → l, ş → s). As a
// token filter, unlike bleve's character filter of the same job, it keeps
// each token's offsets pointing at the original text, so highlights mark the
// right letters.
type foldFilter struct {
	fold *asciifolding.AsciiFoldingFilter
}

func (f foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		// bleve's folding copies every term into runes and back (three
		// allocations); a term of ASCII letters only, most terms of the
		// data and of queries, has nothing to fold.
		if !isASCII(tok.Term) {
			tok.Term = f.fold.Filter(tok.Term)
		}
	}
	return input
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// zwnjFilter replaces each zero-width non-joiner (3 bytes in UTF-8) with
// three spaces: the words it joins are split, as by bleve's Persian filter,
// and every byte offset stays that of the original text.
type zwnjFilter struct{}

var zwnj = []byte("\u200c")

func (zwnjFilter) Filter(input []byte) []byte {
	return bytes.ReplaceAll(input, zwnj, []byte("   "))
}

// memoCompound remembers how each long German word splits: the dictionary
// lookup of every part of every length costs more than the rest of the
// analysis, and the same words come back in text after text.
type memoCompound struct {
	inner *compound.DictionaryCompoundFilter
	mu    sync.Mutex
	parts map[string][]string
}

// memoCompoundWords bounds the words remembered.
const memoCompoundWords = 200_000

func newMemoCompound(inner *compound.DictionaryCompoundFilter) *memoCompound {
	return &memoCompound{inner: inner, parts: map[string][]string{}}
}

func (m *memoCompound) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	for _, tok := range input {
		out = append(out, tok)
		if utf8.RuneCount(tok.Term) < compoundMinWord {
			continue
		}
		for _, p := range m.split(tok) {
			part := *tok
			part.Term = []byte(p)
			out = append(out, &part)
		}
	}
	return out
}

func (m *memoCompound) split(tok *analysis.Token) []string {
	m.mu.Lock()
	parts, ok := m.parts[string(tok.Term)]
	m.mu.Unlock()
	if ok {
		return parts
	}
	for _, t := range m.inner.Filter(analysis.TokenStream{tok})[1:] {
		parts = append(parts, string(t.Term))
	}
	m.mu.Lock()
	if len(m.parts) < memoCompoundWords {
		m.parts[string(tok.Term)] = parts
	}
	m.mu.Unlock()
	return parts
}
