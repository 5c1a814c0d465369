package index

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// vocabulary is the small index of topics and target groups: their labels
// and keywords in ten languages and the everyday phrases of the situations
// behind them in any language (data/situations.toml), the words people use
// for a need. A query is matched against it first; the concepts it hits
// become weighted matches of every service with that topic or group. So the
// services' index holds each service's own texts only and grows with the
// services, not with services × vocabulary (docs/decisions/search-core.md).
type vocabulary struct {
	build      *vocabBuild // while building (vocab_build.go)
	concepts   []concept
	phrases    []phrase
	situations []Situation
	byTerm     map[string][]wordRef       // "<lang>\x00<term>" -> the phrase words with that term
	idf        map[string]float64         // "<lang>\x00<term>" -> informativeness among concepts
	words      map[string]map[string]bool // language -> lowercased words, for language detection
	// plainWords: language -> its words as people type them without the
	// language's own letters ("maas" for maaş), for language detection
	// (understand_lang.go)
	plainWords map[string]map[string]bool
	countries  countryForms // situations.toml `countries` (understand_origin.go)
	origins    countryForms // groups.toml `origins`: form -> group numbers
	fuzzy      *fuzzyTerms
	// officeTypos: the German office words, for typo tolerance in any
	// language (understand_office_typos.go)
	officeTypos *fuzzyTerms
	// officeVowels: the office words' German terms by their consonants
	// (understand_office_vowels.go)
	officeVowels map[string]string
	// Languages beyond the ten, known only from situation phrases: their
	// analyzers, and for each script the languages written in it.
	others    map[string]analysis.Analyzer
	pipelines map[string]analysis.Analyzer // others by their filters (otherAnalyzer)
	byScript  map[string][]string
	translit  *transliterator
	asked     map[string]string   // folded word -> intent (understand_intent.go)
	bigrams   map[string]bool     // "word\x00next word" of the phrases, lowercased (inPhrase)
	fillers   map[string][]string // folded filler words of situations.toml -> their languages
	// intentSurface tells a word of an intent's phrase from another word
	// its stem collides with (understand_intent_words.go): phrase of a
	// situation with an intent -> its words as written.
	intentSurface map[int32]intentWords
	// memberPhrases: phrases of situation concepts by language and first
	// term (vocab_situations.go)
	memberPhrases map[textKey][]int32
	// dictionary is the German decompounding dictionary the vocabulary was
	// analysed with, germanLong the German words it splits (vocab_reuse.go).
	dictionary, germanLong []string
	// scratch holds *phraseHits between searches (vocab_match.go).
	scratch sync.Pool
}

// concept is a topic, a target group, a situation or the bodies
// responsible for a situation (a chamber for its professions).
type concept struct {
	group bool   // a target group, not a topic
	id    string // its id in the vocabulary file
	body  *Situation
	// situation: its members are the services specialised in it, found by
	// its phrases in their own names and keywords (addSituationMembers).
	situation *Situation
}

// base is a topic or group: the concepts services list themselves.
func (c concept) base() bool { return c.body == nil && c.situation == nil }

// phrase is one keyword or label of a concept in one language, analysed
// word by word with that language's analyzer.
type phrase struct {
	concept   int
	situation int // the situation it comes from, or -1 for a keyword
	lang      string
	text      string
	words     [][]string // the terms of each word; stop words are left out
	full      bool       // no word was left out: every word says something
	// dropped are the words left out, folded: a phrase left with one word
	// marks its intent only with them said ("our company" is not
	// "company", see intents.note)
	dropped []string
}

type wordRef struct {
	phrase int32
	word   int32
	head   bool // the word's own term, not a part of a compound ("arbeit" of "Zwangsarbeit")
}

func vocabKey(lang, term string) string { return lang + "\x00" + term }

// newVocabulary builds the vocabulary of d; germanWords is the German
// decompounding dictionary of an, kept to tell when it can be reused.
func newVocabulary(d *Directory, an *analyzers, germanWords []string) *vocabulary {
	texts, phrases := vocabSize(d)
	v := &vocabulary{bigrams: make(map[string]bool, texts), byTerm: make(map[string][]wordRef, texts), words: map[string]map[string]bool{},
		situations: d.Situations, others: map[string]analysis.Analyzer{}, pipelines: map[string]analysis.Analyzer{}, byScript: map[string][]string{},
		phrases: make([]phrase, 0, phrases), build: newVocabBuild(texts),
		intentSurface: map[int32]intentWords{}}
	byKey := map[string]int{}
	add := func(c concept, label Text, keywords Words) {
		ci := len(v.concepts)
		v.concepts = append(v.concepts, c)
		byKey[conceptKey(c.group, c.id)] = ci
		for _, lang := range Languages {
			for _, text := range append([]string{label[lang]}, keywords[lang]...) {
				v.addPhrase(ci, -1, lang, text, v.build.phrase(v, lang, text, an.lang[lang]))
			}
		}
	}
	for _, t := range d.Topics {
		add(concept{id: t.ID}, t.Label, t.Keywords)
	}
	for _, g := range d.Groups {
		add(concept{group: true, id: g.ID}, g.Label, g.Keywords)
	}
	for si := range d.Situations {
		v.addSituation(si, byKey, an)
	}
	v.idf = make(map[string]float64, len(v.byTerm))
	v.computeIDF()
	v.fuzzy = newFuzzyTerms(v.byTerm)
	v.officeTypos = newOfficeTypos(v, an)
	v.officeVowels = newOfficeVowels(v.officeTypos)
	v.newMemberPhrases()
	v.dictionary, v.germanLong = germanWords, germanCompoundInputs(v.build.wordsOf("de"))
	v.build = nil // only needed while building
	v.translit = newTransliterator(v, an)
	v.asked = askedWords(d.Situations)
	v.plainWords = plainWordsOf(v.words)
	v.countries = newCountryForms(d.Situations)
	v.origins = newOriginForms(d.Groups)
	v.fillers = map[string][]string{}
	for _, lang := range slices.Sorted(maps.Keys(d.Fillers)) {
		for _, w := range d.Fillers[lang] {
			for _, f := range foldedWords(w) {
				if !containsString(v.fillers[f], lang) {
					v.fillers[f] = append(v.fillers[f], lang)
				}
			}
		}
	}
	return v
}

// addSituation adds a situation's phrases to each of its topics and groups,
// and to a concept of its own when it names responsible bodies.
func (v *vocabulary) addSituation(si int, byKey map[string]int, an *analyzers) {
	s := &v.situations[si]
	var targets []int
	for _, t := range s.Topics {
		targets = append(targets, byKey[conceptKey(false, t)])
	}
	for _, g := range s.Groups {
		targets = append(targets, byKey[conceptKey(true, g)])
	}
	if len(s.Organizations) > 0 {
		targets = append(targets, len(v.concepts))
		v.concepts = append(v.concepts, concept{id: s.ID, body: s})
	}
	targets = append(targets, len(v.concepts))
	v.concepts = append(v.concepts, concept{id: s.ID, situation: s})
	for _, lang := range sortedLangs(s.Phrases) {
		a := v.analyzer(lang, an)
		for _, text := range s.Phrases[lang] {
			ap := v.build.phrase(v, lang, text, a) // once for all its concepts
			for _, ci := range targets {
				v.addPhrase(ci, si, lang, text, ap)
				v.noteIntentWords(s.Intent, ap)
			}
		}
	}
}

// analyzer returns a language's analyzer: one of the ten, or one for a
// language only the situations use, made once.
func (v *vocabulary) analyzer(lang string, an *analyzers) analysis.Analyzer {
	if a, ok := an.lang[lang]; ok {
		return a
	}
	if a, ok := v.others[lang]; ok {
		return a
	}
	pipeline, filters := otherFilters(lang)
	a, ok := v.pipelines[pipeline] // the same filters: one analyzer
	if !ok {
		a = filtersAnalyzer(filters)
		v.pipelines[pipeline] = a
	}
	v.others[lang] = a
	return a
}

func (v *vocabulary) addPhrase(ci, si int, lang, text string, ap analysedPhrase) {
	if len(ap.words) == 0 {
		return
	}
	pi := int32(len(v.phrases))
	v.phrases = append(v.phrases, phrase{concept: ci, situation: si, lang: lang, text: text, words: ap.words, full: ap.full, dropped: ap.dropped})
	for wi, keys := range ap.keys {
		for ti, k := range keys {
			v.byTerm[k] = append(v.byTerm[k], wordRef{pi, int32(wi), ti == 0})
		}
	}
}

// noteScript records the script a language beyond the ten is written in, so
// that a query word in that script is analysed for it.
func (v *vocabulary) noteScript(lang, text string) {
	for _, r := range text {
		if sc := scriptOf(r); sc != "" {
			if !containsString(v.byScript[sc], lang) {
				v.byScript[sc] = append(v.byScript[sc], lang)
				sort.Strings(v.byScript[sc])
			}
			return
		}
	}
}

func sortedLangs(w Words) []string {
	out := make([]string, 0, len(w))
	for lang := range w {
		out = append(out, lang)
	}
	sort.Strings(out)
	return out
}

// computeIDF rates each term by how few topics and groups use it: "Arbeit"
// appears in the keywords of several topics and says less than
// "Approbation". Situations and bodies repeat their topics' words and are
// not counted.
func (v *vocabulary) computeIDF() {
	n := 0
	for _, c := range v.concepts {
		if c.base() {
			n++
		}
	}
	// seenBy[ci] is the last term counted for concept ci: a set per term
	// without a map per term.
	seenBy := make([]int, len(v.concepts))
	term := 0
	for k, refs := range v.byTerm {
		term++
		seen := 0
		for _, r := range refs {
			if ci := v.phrases[r.phrase].concept; v.concepts[ci].base() && seenBy[ci] != term {
				seenBy[ci] = term
				seen++
			}
		}
		v.idf[k] = math.Log(1 + float64(n)/float64(max(seen, 1)))
	}
}

// knows reports whether a term of a language occurs in the vocabulary.
func (v *vocabulary) knows(lang, term string) bool { return len(v.byTerm[vocabKey(lang, term)]) > 0 }

// otherLanguages are the languages beyond the ten written in a word's script.
func (v *vocabulary) otherLanguages(word string) []string {
	for _, r := range word {
		if sc := scriptOf(r); sc != "" {
			return v.byScript[sc]
		}
	}
	return nil
}

// knowsWord reports whether a lowercased word is a word of the vocabulary
// in any language.
func (v *vocabulary) knowsWord(word string) bool {
	for _, words := range v.words {
		if words[word] {
			return true
		}
	}
	return false
}

// inPhrase reports whether a generic word forms two words of a vocabulary
// phrase with the word before or after it (and is no filler), or is a
// filler a negation makes a need of: "Termin" (appointment) says nothing
// next to an office's name, "ohne Termin" asks for a drop-in hour.
func (v *vocabulary) inPhrase(prev, word, next string) bool {
	w := strings.ToLower(word)
	if f := foldedWords(w); len(f) == 1 && len(v.fillers[f[0]]) > 0 {
		// otherwise a filler wherever it stands
		return prev != "" && slices.ContainsFunc(v.fillers[f[0]], func(lang string) bool { return negates(lang, prev) })
	}
	return prev != "" && v.bigrams[strings.ToLower(prev)+"\x00"+w] || next != "" && v.bigrams[w+"\x00"+strings.ToLower(next)]
}
