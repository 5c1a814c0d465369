package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	lru "github.com/hashicorp/golang-lru/v2"
)

// memoAnalyzers are the analyzers of one build, remembering what they
// found: whole texts repeat across records (an organization's name in
// each copy of a record), and words repeat far more often still.
type memoAnalyzers struct {
	lang  map[string]*memoAnalyzer
	plain *memoAnalyzer
	// words remember words only, for texts that rarely repeat whole.
	words map[string]*wordMemo
}

// memoTexts bounds the texts remembered per analyzer during a build,
// memoWords the words.
const (
	memoTexts = 4096
	memoWords = 200_000
)

func newMemoAnalyzers(an *analyzers) *memoAnalyzers {
	m := &memoAnalyzers{lang: map[string]*memoAnalyzer{}, words: map[string]*wordMemo{},
		plain: newMemoAnalyzer(newWordMemo(an.plain))}
	for lang, a := range an.lang {
		m.words[lang] = newWordMemo(a)
		m.lang[lang] = newMemoAnalyzer(m.words[lang])
	}
	return m
}

type memoAnalyzer struct {
	inner  *wordMemo
	tokens *lru.Cache[string, analysis.TokenStream]
	// counter counts the terms of the documents' fields (analysis_field.go)
	counter *termCounter
}

func newMemoAnalyzer(words *wordMemo) *memoAnalyzer {
	tokens, _ := lru.New[string, analysis.TokenStream](memoTexts) // fails only for a size below 1
	return &memoAnalyzer{inner: words, tokens: tokens, counter: newTermCounter(words)}
}

// field is a document's text field, its terms counted by m.
func (m *memoAnalyzer) field(name, text string) document.Field {
	return &countedField{name: name, text: text, counter: m.counter}
}

// Analyze returns the tokens of text. A remembered stream is shared: bleve
// only reads the tokens of a field it indexes. The key is taken first,
// because the filters lowercase the text in place.
func (m *memoAnalyzer) Analyze(text []byte) analysis.TokenStream {
	key := string(text)
	if ts, ok := m.tokens.Get(key); ok {
		return ts
	}
	ts := m.inner.Analyze(text)
	m.tokens.Add(key, ts)
	return ts
}

// wordMemo analyses a text as its analyzer does, but runs the token
// filters (lowercasing, folding, decompounding, stop words, stemming) once
// per distinct word of the build: they are most of the cost of analysis,
// and every filter of these analyzers treats each token on its own, so a
// word always becomes the same tokens (TestWordMemoAnalyses checks that
// against the analyzers themselves).
type wordMemo struct {
	chain *analysis.DefaultAnalyzer // its words are wordTokenizer's (analyzers)
	mu    sync.RWMutex
	words map[string][]memoToken // by the tokenizer's term
	// scratch holds what a text's words become while its tokens are made
	// (fromSpans); bleve's workers analyse at once.
	scratch sync.Pool // of *[][]memoToken
}

// memoToken is one token a word becomes, its offsets and position relative
// to the word's.
type memoToken struct {
	term                 []byte // shared by every use: bleve only reads it
	key                  string // term as a string (a key of bleve's maps of terms)
	start, end, position int
	typ                  analysis.TokenType
	keyword              bool
}

func newWordMemo(chain *analysis.DefaultAnalyzer) *wordMemo {
	return &wordMemo{chain: chain, words: map[string][]memoToken{},
		scratch: sync.Pool{New: func() any { s := make([][]memoToken, 0, 64); return &s }}}
}

func (w *wordMemo) Analyze(text []byte) analysis.TokenStream {
	for _, cf := range w.chain.CharFilters {
		text = cf.Filter(text)
	}
	var out analysis.TokenStream
	wordTokenizer.withSpans(text, func(words []wordSpan) { out = w.fromSpans(text, words) })
	return out
}

// fromSpans makes the tokens of the words of text: the tokens in one
// slice, the stream in another, each of the size needed.
func (w *wordMemo) fromSpans(text []byte, words []wordSpan) analysis.TokenStream {
	p := w.scratch.Get().(*[][]memoToken)
	made, total := (*p)[:0], 0
	for _, s := range words {
		m := w.made(wordToken(text, s))
		made = append(made, m)
		total += len(m)
	}
	toks := make([]analysis.Token, total)
	out := make(analysis.TokenStream, total)
	k := 0
	for i, s := range words {
		for _, m := range made[i] {
			toks[k] = analysis.Token{Term: m.term, Start: s.start + m.start, End: s.start + m.end,
				Position: s.position + m.position, Type: m.typ, KeyWord: m.keyword}
			out[k] = &toks[k]
			k++
		}
	}
	clear(made)
	*p = made[:0]
	w.scratch.Put(p)
	return out
}

// wordToken is the token of a word of text, as the tokenizer makes it.
func wordToken(text []byte, s wordSpan) *analysis.Token {
	return &analysis.Token{Term: text[s.start:s.end], Start: s.start, End: s.end, Position: s.position, Type: s.typ}
}

// made is what word becomes, learnt on its first use.
func (w *wordMemo) made(word *analysis.Token) []memoToken {
	w.mu.RLock()
	made, ok := w.words[string(word.Term)]
	w.mu.RUnlock()
	if !ok {
		made = w.learn(word)
	}
	return made
}

// learn runs the filters on one word and remembers what it became.
func (w *wordMemo) learn(word *analysis.Token) []memoToken {
	key := string(word.Term)
	tok := *word
	tok.Term = []byte(key) // the filters change terms in place
	stream := analysis.TokenStream{&tok}
	for _, f := range w.chain.TokenFilters {
		stream = f.Filter(stream)
	}
	made := make([]memoToken, len(stream))
	for i, t := range stream {
		made[i] = memoToken{term: t.Term, key: string(t.Term), start: t.Start - word.Start, end: t.End - word.Start,
			position: t.Position - word.Position, typ: t.Type, keyword: t.KeyWord}
	}
	w.mu.Lock()
	if len(w.words) < memoWords {
		w.words[key] = made
	}
	w.mu.Unlock()
	return made
}
