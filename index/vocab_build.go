package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// vocabBuild remembers what building a vocabulary has analysed: the same
// words come back across hundreds of keywords and situations.
type vocabBuild struct {
	words map[textKey]analysedWord // (wordTerms)
}

// analysedWord is a word's terms and their vocabulary keys (vocabKey),
// shared by every phrase with the word.
type analysedWord struct {
	terms, keys []string
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
	return &vocabBuild{words: make(map[textKey]analysedWord, texts)}
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
	raw := splitWords(text) // parts of text: a phrase's words live as long as it
	spaced := raw
	if strings.Contains(text, "\u200c") {
		spaced = splitWords(strings.ReplaceAll(text, "\u200c", " ")) // Persian joins words with ZWNJ, people with spaces
	}
	for i := 1; i < len(spaced); i++ {
		v.bigrams[strings.ToLower(spaced[i-1])+"\x00"+strings.ToLower(spaced[i])] = true
	}
	ap := analysedPhrase{words: make([][]string, 0, len(raw)), keys: make([][]string, 0, len(raw)),
		surface: make([]string, 0, len(raw))}
	for _, w := range raw {
		lower := strings.ToLower(w)
		v.words[lang][lower] = true
		aw := analysedWord{terms: []string{negTerm}}
		if negates(lang, w) {
			aw.keys = []string{vocabKey(lang, negTerm)}
		} else if aw = b.wordTerms(lang, an, w); len(aw.terms) == 0 {
			ap.dropped = append(ap.dropped, foldedWords(w)...)
			continue
		}
		ap.words = append(ap.words, aw.terms)
		ap.keys = append(ap.keys, aw.keys)
		ap.surface = append(ap.surface, lower)
	}
	ap.full = len(ap.words) == len(raw)
	return ap
}

// wordTerms analyses one word of a phrase, once per language and word.
func (b *vocabBuild) wordTerms(lang string, an analysis.Analyzer, w string) analysedWord {
	key := textKey{lang, w}
	if aw, ok := b.words[key]; ok {
		return aw
	}
	aw := analysedWord{terms: terms(an, w)}
	if len(aw.terms) > 0 {
		aw.keys = make([]string, len(aw.terms))
		for i, t := range aw.terms {
			aw.keys[i] = vocabKey(lang, t)
		}
	}
	b.words[key] = aw
	return aw
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
