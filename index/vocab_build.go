package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// vocabBuild remembers what building a vocabulary has analysed: the same
// words come back across hundreds of keywords and situations.
type vocabBuild struct {
	words map[textKey][]string // a word's terms (wordTerms)
}

// textKey is a text of one language.
type textKey struct{ lang, text string }

// analysedPhrase is a phrase's words, each as its terms, and the
// vocabulary keys of those terms (vocabKey).
type analysedPhrase struct {
	words [][]string
	keys  [][]string
	full  bool // no word was left out
	// dropped are the words left out (stop words), folded
	dropped []string
	// surface are the words kept, as written (lowercased): one per words
	surface []string
}

func newVocabBuild(texts int) *vocabBuild {
	return &vocabBuild{words: make(map[textKey][]string, texts)}
}

// phrase analyses a phrase, noting its words and word pairs in the
// vocabulary; a blank one has no words.
func (b *vocabBuild) phrase(v *vocabulary, lang, text string, an analysis.Analyzer) analysedPhrase {
	if strings.TrimSpace(text) == "" {
		return analysedPhrase{}
	}
	if v.words[lang] == nil {
		v.words[lang] = map[string]bool{}
	}
	if _, other := v.others[lang]; other {
		v.noteScript(lang, text)
	}
	raw := phraseWords(text)
	spaced := raw
	if strings.Contains(text, "\u200c") {
		spaced = phraseWords(strings.ReplaceAll(text, "\u200c", " ")) // Persian joins words with ZWNJ, people with spaces
	}
	for i := 1; i < len(spaced); i++ {
		v.bigrams[strings.ToLower(spaced[i-1])+"\x00"+strings.ToLower(spaced[i])] = true
	}
	var ap analysedPhrase
	for _, w := range raw {
		v.words[lang][strings.ToLower(w)] = true
		if negates(lang, w) {
			ap.words = append(ap.words, []string{negTerm})
			ap.surface = append(ap.surface, strings.ToLower(w))
		} else if ts := b.wordTerms(lang, an, w); len(ts) > 0 {
			ap.words = append(ap.words, ts)
			ap.surface = append(ap.surface, strings.ToLower(w))
		} else {
			ap.dropped = append(ap.dropped, foldedWords(w)...)
		}
	}
	ap.full = len(ap.words) == len(raw)
	ap.keys = make([][]string, len(ap.words))
	for wi, ts := range ap.words {
		ap.keys[wi] = make([]string, len(ts))
		for ti, t := range ts {
			ap.keys[wi][ti] = vocabKey(lang, t)
		}
	}
	return ap
}

// phraseWords are the words of a phrase as splitWords finds them, each a
// part of text rather than a copy: a phrase's words live as long as it.
func phraseWords(text string) []string {
	var out []string
	wordTokenizer.withSpans([]byte(text), func(words []wordSpan) {
		out = make([]string, len(words))
		for i, w := range words {
			out[i] = text[w.start:w.end]
		}
	})
	return out
}

// wordTerms analyses one word of a phrase, once per language and word.
func (b *vocabBuild) wordTerms(lang string, an analysis.Analyzer, w string) []string {
	key := textKey{lang, w}
	if ts, ok := b.words[key]; ok {
		return ts
	}
	ts := terms(an, w)
	b.words[key] = ts
	return ts
}

// wordsOf lists the words of a language analysed so far.
func (b *vocabBuild) wordsOf(lang string) []string {
	var out []string
	for k := range b.words {
		if k.lang == lang {
			out = append(out, k.text)
		}
	}
	return out
}

// vocabSize counts the texts of the vocabulary, and its phrases: the
// situations' phrases count once per topic and group and for the concepts
// of their own. Both size the vocabulary's lists and maps up front.
func vocabSize(d *Directory) (texts, phrases int) {
	for _, t := range d.Topics {
		texts += len(t.Label) + wordCount(t.Keywords)
	}
	for _, g := range d.Groups {
		texts += len(g.Label) + wordCount(g.Keywords)
	}
	phrases = texts
	for _, s := range d.Situations {
		n, own := wordCount(s.Phrases), 1
		if len(s.Organizations) > 0 {
			own++
		}
		texts += n
		phrases += n * (len(s.Topics) + len(s.Groups) + own)
	}
	return texts, phrases
}

func wordCount(w Words) int {
	n := 0
	for _, list := range w {
		n += len(list)
	}
	return n
}
