package index

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// parsedQuery is a query's text understood once, before any lookup: its
// words with their analysed forms per language, the towns it names, its
// language.
type parsedQuery struct {
	text string // the whole text, trimmed
	// folded are the text's words lowercased without accents (foldedWords),
	// for the vocabulary's phrases and intents, split once.
	folded []string
	words  []queryWord
	langs  []string // those of the ten languages whose scripts the words use
	// vocabLangs are langs plus the languages only the vocabulary has
	// (situation phrases in French, Tigrinya…) written in those scripts.
	vocabLangs []string
	detected   string      // the language the text seems written in, or ""
	areas      []string    // areas of the towns and districts named
	places     []string    // the places and localities named (placesIn)
	read       []PlaceRead // the words that named them, for the answer
	intents    intents     // who seems to ask, from the situations matched
	needs      []uint16    // topics asked about, from the concepts matched (needsOf)
	audience   []string    // target groups the query's language suggests
	last       string      // the last word when it may be unfinished, folded
	// own: every word is one the detected language's vocabulary has as
	// written (ownReadings)
	own bool
	// others: for each word, whether it names someone the asker goes to
	// or is related to ("for the doctor"), not the asker (othersWords)
	others []bool
}

// queryWord is one word of a query.
type queryWord struct {
	text        string
	lower       string              // text lowercased, once per analysed word
	forms       map[string][]string // language -> terms of its analyzer
	plain       []string            // terms of the plain analyzer (alt, typo)
	corrections map[string][]string // language -> vocabulary terms one typo away
	// translit are the terms of the vocabulary words the word may be
	// another spelling of, per language (understand_translit.go).
	translit map[string][]string
	via      map[string][]string // those words, per language
	// known: the vocabulary has one of forms' terms (vocabulary.known),
	// found once per word, not at every search with it.
	known bool
	// german: a Latin word with readings in another script that is a
	// German vocabulary word or one typo from one (germanWord), found
	// once per word: it builds an automaton.
	german bool
}

// Bounds on the work one query may cause: the words searched (a pasted
// paragraph or 200 CJK characters are cut to the first distinct words) and
// the terms each word may expand to. See docs/decisions/search-core.md.
const (
	maxQueryWords = 12
	maxQueryRunes = 300
	maxWordRunes  = 40
)

// detectedLangWeight favours the fields and keywords of the language the
// query is written in.
const detectedLangWeight = 1.5

// minPrefixRunes is the shortest unfinished word completed.
const minPrefixRunes = 2

// parse understands a query's text. It returns nil for empty text.
func (ix *Index) parse(text string) *parsedQuery {
	text = normaliseArabizi(strings.TrimSpace(norm.NFC.String(truncateRunes(text, maxQueryRunes))))
	if text == "" {
		return nil
	}
	q := &parsedQuery{text: text, folded: foldedWords(text), detected: ix.DetectLanguage(text)}
	// A town named in the query ranks services there; left in the text it
	// would favour every provider with the town in its name ("TU
	// Braunschweig" for "Arbeit Braunschweig").
	areas, places, rest, read := ix.places.placesIn(ix.joinSplitCompounds(ix.joinNegatedVerbs(text)))
	q.areas, q.places, q.read = areas, places, read
	rest = ix.generic.stripExcept(rest, ix.vocab.inPhrase)
	scripts := scriptLanguages(rest)
	seen := map[string]bool{}
	for _, w := range splitWords(rest) {
		key := strings.ToLower(w)
		if seen[key] || len(q.words) == maxQueryWords {
			continue
		}
		seen[key] = true
		q.words = append(q.words, ix.analyseWord(truncateRunes(w, maxWordRunes), scripts))
	}
	q.words = withoutStopWords(q.words, q.detected)
	q.others = othersWords(q.folded, q.words)
	ix.ownReadings(q)
	ix.spreadTransliteration(q)
	q.audience = ix.audience(q.detected)
	for _, w := range q.words {
		for _, forms := range []map[string][]string{w.forms, w.translit} {
			for lang := range forms {
				if !containsString(q.vocabLangs, lang) {
					q.vocabLangs = append(q.vocabLangs, lang)
				}
				if !containsString(q.langs, lang) && containsString(Languages, lang) {
					q.langs = append(q.langs, lang)
				}
			}
		}
	}
	// Maps iterate in random order; scores add up per language in this
	// order, and a different order can flip near ties between runs.
	sort.Strings(q.vocabLangs)
	sort.Strings(q.langs)
	// The last word may be unfinished (search as you type), unless it was
	// a town's name or a generic word taken out above.
	if last := lastWord(text); utf8.RuneCountInString(last) >= minPrefixRunes && len(q.words) > 0 &&
		strings.EqualFold(q.words[len(q.words)-1].text, last) {
		if ts := terms(ix.an.plain, last); len(ts) == 1 {
			q.last = ts[0]
		}
	}
	return q
}

// wordCacheSize bounds the analysed query words kept: a word is analysed
// by up to twenty analyzers (the ten languages and those of the situation
// phrases in its script), and people use the same words again and again.
const wordCacheSize = 16384

// analyseWord analyses a word with the analyzer of every language written
// in its script (a word without letters: in those of the whole query). The
// result is shared through a cache and must not be changed.
func (ix *Index) analyseWord(w string, queryScripts []string) queryWord {
	key := w
	if !hasLetter(w) {
		key = w + "\x00" + strings.Join(queryScripts, ",")
	}
	if qw, ok := ix.wordCache.Get(key); ok {
		return qw
	}
	qw := ix.analyseWordOnce(w, queryScripts)
	ix.wordCache.Add(key, qw)
	return qw
}

func (ix *Index) analyseWordOnce(w string, queryScripts []string) queryWord {
	tw := tokenizeWord(w)
	qw := queryWord{text: w, lower: strings.ToLower(w), forms: map[string][]string{}, plain: tw.terms(ix.an.plain)}
	langs := scriptLanguages(w)
	switch {
	case len(langs) < len(Languages):
	case hasLetter(w):
		langs = nil // a script none of the ten languages uses: names only
	default:
		langs = queryScripts // digits and signs ("16a", "B1")
	}
	for _, lang := range langs {
		if negates(lang, w) {
			qw.forms[lang] = []string{negTerm}
		} else if ts := tw.terms(ix.an.lang[lang]); len(ts) > 0 {
			qw.forms[lang] = ts
		}
	}
	// Languages of one analyzer share its terms (otherAnalyzer: the
	// languages only normalised, Serbian, Croatian and Bosnian).
	var ran []analysedBy
	for _, lang := range ix.vocab.otherLanguages(w) {
		if negates(lang, w) {
			qw.forms[lang] = []string{negTerm}
		} else if ts := analyseOnce(&ran, ix.vocab.others[lang], &tw); len(ts) > 0 {
			qw.forms[lang] = ts
		}
	}
	ix.addTransliterations(&qw)
	ix.addArabicSegmentation(&qw)
	ix.addOfficeTypos(&qw)
	qw.known = ix.vocab.knowsAny(qw.forms)
	qw.german = ix.germanWord(qw)
	return qw
}

// analysedBy is a word's terms from one analyzer.
type analysedBy struct {
	an    analysis.Analyzer
	terms []string
}

// analyseOnce returns w's terms from an, analysing w only when no entry of
// ran is an's; the terms are shared, not to be changed.
func analyseOnce(ran *[]analysedBy, an analysis.Analyzer, w *wordTokens) []string {
	for _, r := range *ran {
		if r.an == an {
			return r.terms
		}
	}
	ts := w.terms(an)
	*ran = append(*ran, analysedBy{an, ts})
	return ts
}

// addArabicSegmentation adds the other reading of an Arabic word that
// starts with "لل": "لـ" (for) before a word of its own that starts with
// ل ("للاجئين", for refugees: ل + لاجئين), where the analyzer only knows
// "لـ" + the article ("للبيع": ل + البيع) and cuts off the root's ل.
func (ix *Index) addArabicSegmentation(qw *queryWord) {
	r := []rune(qw.text)
	if len(r) < 5 || string(r[:2]) != "لل" || qw.forms["ar"] == nil {
		return
	}
	ts := terms(ix.an.lang["ar"], string(r[1:]))
	if len(ts) == 0 || containsString(qw.forms["ar"], ts[0]) {
		return
	}
	if qw.translit == nil {
		qw.translit = map[string][]string{}
	}
	qw.translit["ar"] = append(qw.translit["ar"], ts[0])
}

// splitWords splits text into words as the analyzers' tokenizer does; the
// words are parts of text.
func splitWords(text string) []string {
	var out []string
	wordTokenizer.withSpans([]byte(text), func(words []wordSpan) {
		out = make([]string, len(words))
		for i, w := range words {
			out[i] = text[w.start:w.end]
		}
	})
	return out
}

func lastWord(text string) string {
	if strings.HasSuffix(text, " ") {
		return ""
	}
	words := strings.FieldsFunc(text, notLetter)
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// truncateRunes returns the first n runes of s.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// scriptLanguages returns the languages written in the scripts the text
// uses: a query in Arabic letters cannot match Cyrillic or Latin fields.
// Text without letters of these scripts gets every language.
func scriptLanguages(text string) []string {
	var latin, cyrillic, arabic bool
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case unicode.Is(unicode.Arabic, r):
			arabic = true
		}
	}
	if !latin && !cyrillic && !arabic {
		return Languages
	}
	var langs []string
	for _, l := range Languages {
		switch l {
		case "ar", "fa":
			if arabic {
				langs = append(langs, l)
			}
		case "uk", "ru", "bg":
			if cyrillic {
				langs = append(langs, l)
			}
		default:
			if latin {
				langs = append(langs, l)
			}
		}
	}
	return langs
}

// withoutStopWords leaves out the words that the analyzer of the query's
// language drops ("ich", "in", "und" of a German query): other languages'
// analyzers would keep them and find "und" in "Arbeit und Leben" or "in" in
// Turkish phrases. Unless nothing would be left.
func withoutStopWords(words []queryWord, detected string) []queryWord {
	if !containsString(Languages, detected) {
		return words
	}
	kept := make([]queryWord, 0, len(words))
	for _, w := range words {
		if _, ok := w.forms[detected]; ok || !hasLetter(w.text) || !scriptHas(w.text, detected) {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return words
	}
	return kept
}

// scriptHas reports whether a word is written in the script of a language.
func scriptHas(word, lang string) bool { return containsString(scriptLanguages(word), lang) }
