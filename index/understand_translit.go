package index

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// transliterator finds the words people write in another script than their
// language's: Ukrainian, Russian and Bulgarian in Latin letters ("dozvil na
// robotu"), Arabic in Latin letters with digits ("ta2shira", "3amal"),
// Persian in Latin letters ("ejaze kar"), and German office words in
// Cyrillic or Arabic letters ("Аусландербехёрде", "آوسبیلدونگ"). It does not
// guess spellings: it maps every word of the vocabulary to a loose key of
// its sounds, the way both scripts can spell them, and a query word to the
// vocabulary words with the same key. Those become alternatives of the
// word (never replacements), matched with a discount.
type transliterator struct {
	keys map[string][]translitWord // loose key -> vocabulary words
	// stems are the Cyrillic words by the key of their stem: a Latin word
	// is often another form of a vocabulary word ("zabrav", забрав, of
	// забрали: both stem to забра).
	stems map[string][]translitWord
	// pairs are the words in a row of Arabic-script phrases by the keys
	// of the first and the second (understand_translit_pairs.go).
	pairs map[string]map[string][]translitPair
}

// translitWord is a vocabulary word that a key leads to.
type translitWord struct {
	lang string
	word string
}

// Languages whose vocabulary words can be written in Latin letters by their
// speakers, and the script they are written in otherwise.
var (
	cyrillicLangs = []string{"uk", "ru", "bg"}
	arabicLangs   = []string{"ar", "fa", "ps", "ur"}
)

// Bounds of a key: shorter keys name too many words.
const (
	minCyrillicKey = 4
	minArabicKey   = 3
	minArabiziKey  = 2 // with a digit for a letter
	minGermanKey   = 5
	maxTranslit    = 3 // alternatives per word and language
	// A stem's key of at least minStemKey letters matches a Latin word's
	// key that goes on by at most maxEndingKey letters (an ending).
	minStemKey   = 5
	maxEndingKey = 3
)

func newTransliterator(v *vocabulary, an *analyzers) *transliterator {
	t := &transliterator{keys: map[string][]translitWord{}, stems: map[string][]translitWord{}}
	addTo := func(m map[string][]translitWord, key, lang, word string) {
		for _, w := range m[key] {
			if w.lang == lang && w.word == word {
				return
			}
		}
		m[key] = append(m[key], translitWord{lang, word})
	}
	add := func(key, lang, word string) { addTo(t.keys, key, lang, word) }
	for _, lang := range cyrillicLangs {
		a := v.analyzer(lang, an)
		for w := range v.words[lang] {
			if k := looseLatin(cyrillicToLatin(lang, w)); len(k) >= minCyrillicKey {
				add("c"+k, lang, w)
			}
			if st := terms(a, w); len(st) > 0 {
				if k := looseLatin(cyrillicToLatin(lang, st[0])); len(k) >= minStemKey {
					addTo(t.stems, "c"+k, lang, w)
				}
			}
		}
	}
	for _, lang := range arabicLangs {
		for w := range v.words[lang] {
			for _, k := range arabicSkeletons(lang, w) {
				if len(k) >= minArabiziKey {
					add("a"+k, lang, w)
				}
			}
		}
	}
	for w := range v.words["de"] {
		if !isLatin(w) {
			continue
		}
		if k := consonants(looseLatin(w)); len(k) >= minGermanKey {
			add("g"+k, "de", w)
		}
		if k := germanArabicSkeleton(w); len(k) >= minGermanKey {
			add("h"+k, "de", w)
		}
	}
	t.addPhrasePairs(v)
	for _, m := range []map[string][]translitWord{t.keys, t.stems} {
		for _, list := range m {
			sort.Slice(list, func(i, j int) bool {
				return list[i].lang < list[j].lang || list[i].lang == list[j].lang && list[i].word < list[j].word
			})
		}
	}
	return t
}

// alternatives returns, per language, the vocabulary words a query word may
// be another spelling of: for a Latin word the Cyrillic and Arabic-script
// words with its key, for a Cyrillic or Arabic-script word the German ones.
// A Latin word of an Arabizi query (arabizi) is read by Arabic keys as
// short as a word with a digit for a letter has.
func (t *transliterator) alternatives(word string, arabizi bool) map[string][]string {
	var keys, cyrillicKeys []string
	switch lower := strings.ToLower(word); {
	case isLatin(lower):
		for _, spelling := range slavicSpellings(lower) {
			if k := "c" + looseLatin(spelling); len(k) > minCyrillicKey && !containsString(keys, k) {
				keys = append(keys, k)
				cyrillicKeys = append(cyrillicKeys, k)
			}
		}
		// A digit for a letter marks Arabizi beyond doubt: its short
		// words are read too ("la2je2", لاجئ; "2ameh", إقامة).
		minKey := minArabicKey
		if arabizi || strings.ContainsAny(lower, "23579") {
			minKey = minArabiziKey
		}
		if k := arabiziSkeleton(lower); len(k) >= minKey {
			keys = append(keys, "a"+k)
		}
		if strings.Contains(lower, "2") {
			// Levantine Arabizi writes ق as 2 too ("2ameh", إقامة)
			if k := arabiziSkeleton(strings.ReplaceAll(lower, "2", "q")); len(k) >= minKey {
				keys = append(keys, "a"+k)
			}
		}
	case hasScript(lower, unicode.Cyrillic):
		if k := consonants(looseLatin(cyrillicToLatin("de", lower))); len(k) >= minGermanKey {
			keys = append(keys, "g"+k)
		}
	case hasScript(lower, unicode.Arabic):
		for _, k := range arabicSkeletons("fa", lower) {
			if len(k) >= minGermanKey {
				keys = append(keys, "h"+k)
			}
		}
	case isGreek(lower):
		if k := consonants(strings.ReplaceAll(looseLatin(greekToLatin(lower)), "S", "s")); len(k) >= minGermanKey {
			keys = append(keys, "g"+k)
		}
	case isGeorgian(lower):
		if k := consonants(looseLatin(georgianToLatin(lower))); len(k) >= minGermanKey {
			keys = append(keys, "g"+k)
		}
	case isEthiopic(lower):
		if k := arabiziSkeleton(ethiopicToLatin(lower)); len(k) >= minGermanKey {
			keys = append(keys, "h"+k)
		}
	}
	out := map[string][]string{}
	put := func(ws []translitWord) {
		for _, w := range ws {
			if len(out[w.lang]) < maxTranslit && !strings.EqualFold(w.word, word) && !containsString(out[w.lang], w.word) {
				out[w.lang] = append(out[w.lang], w.word)
			}
		}
	}
	for _, k := range keys {
		put(t.keys[k])
	}
	// A word's whole form says its language better than a stem: stems
	// are read only when no language has the whole form ("dokumentov" is
	// Russian документов, not a form of Bulgarian документи).
	if len(cyrillicKeys) > 0 && !hasAnyPart(strings.ToLower(word), polishLetters) && !foundIn(out, cyrillicLangs) {
		put(t.stemMatches(cyrillicKeys))
	}
	return out
}

// stemMatches returns the Cyrillic words whose stem's key starts a key of
// a Latin word, leaving at most maxEndingKey letters for its ending; per
// language the longest stem found wins.
func (t *transliterator) stemMatches(keys []string) []translitWord {
	var out []translitWord
	done := map[string]bool{}
	for cut := 0; cut <= maxEndingKey; cut++ {
		var found []translitWord
		for _, k := range keys {
			if len(k)-cut < 1+minStemKey {
				continue
			}
			for _, w := range t.stems[k[:len(k)-cut]] {
				if !done[w.lang] {
					found = append(found, w)
				}
			}
		}
		for _, w := range found {
			done[w.lang] = true
		}
		out = append(out, found...)
	}
	return out
}

// arabiziDigraph are digits with an apostrophe for the dotted letters
// ("3'" is غ); the tokenizer would split the word there.
var arabiziDigraph = regexp.MustCompile(`([\p{L}\d])([3796])['’]`)

// normaliseArabizi writes Arabizi's digit-apostrophe letters as digraphs.
func normaliseArabizi(text string) string {
	if !strings.ContainsAny(text, "'’") {
		return text
	}
	return arabiziDigraph.ReplaceAllStringFunc(text, func(m string) string {
		r := []rune(m)
		digraph := map[rune]string{'3': "gh", '7': "kh", '9': "dh", '6': "zh"}[r[1]]
		return string(r[0]) + digraph
	})
}

func isLatin(s string) bool {
	return hasScript(s, unicode.Latin) && !hasScript(s, unicode.Cyrillic) && !hasScript(s, unicode.Arabic)
}

func hasScript(s string, table *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.Is(table, r) {
			return true
		}
	}
	return false
}

// addTransliterations gives a word its alternatives in other scripts when
// the vocabulary does not know it as written: "robotu" is not a word of any
// Latin-script language here, "роботу" is Ukrainian.
func (ix *Index) addTransliterations(qw *queryWord) {
	// The whole word's term comes first; a German compound's parts after
	// it make no word known ("robotodavets" holds "bot").
	for lang, forms := range qw.forms {
		if len(forms) > 0 && ix.vocab.knows(lang, forms[0]) {
			return
		}
	}
	for lang, words := range ix.vocab.translit.alternatives(qw.text, false) {
		for _, w := range words {
			ts := terms(ix.vocab.analyzer(lang, ix.an), w)
			if len(ts) == 0 {
				continue
			}
			if qw.translit == nil {
				qw.translit, qw.via = map[string][]string{}, map[string][]string{}
			}
			qw.translit[lang] = append(qw.translit[lang], ts[0])
			qw.via[lang] = append(qw.via[lang], w)
		}
	}
}

// spreadTransliteration reads a query as transliterated as a whole when
// some of its words are: in "dozvil na robotu" the vocabulary knows
// "robotu" as Polish, but next to "dozvil" (дозвіл) it is Ukrainian роботу.
// The query's language becomes the transliterated one when at least half
// of its words are.
func (ix *Index) spreadTransliteration(q *parsedQuery) {
	ix.readPairs(q)
	counts := map[string]int{}
	best := ""
	for _, w := range q.words {
		if w.german {
			continue
		}
		for lang := range w.translit {
			counts[lang]++
			if counts[lang] > counts[best] || counts[lang] == counts[best] && lang < best {
				best = lang
			}
		}
	}
	if best == "" || best == "de" || best == "ar" && len(q.words) == 1 {
		return
	}
	// A digit for a letter marks the whole query as Arabizi: its other
	// words are read with short keys too ("iqama", إقامة, is Kurdish
	// îqame as well).
	arabizi := containsString(arabicLangs, best) && anyArabiziDigit(q.words)
	for i := range q.words {
		w := &q.words[i]
		if len(w.translit[best]) > 0 || !isLatin(w.text) && !hasScript(w.text, unicode.Cyrillic) {
			continue
		}
		// An Arabizi query's short keys find no more where the word's
		// own keys found some: the keys are the same.
		alts := ix.vocab.translit.alternatives(w.text, arabizi)[best]
		var ts []string
		for _, alt := range alts {
			if t := terms(ix.vocab.analyzer(best, ix.an), alt); len(t) > 0 {
				ts = append(ts, t[0])
			}
		}
		if len(ts) == 0 {
			continue
		}
		spread := map[string][]string{best: ts} // a copy: analysed words are shared
		for lang, t := range w.translit {
			spread[lang] = append(spread[lang], t...)
		}
		w.translit = spread
		counts[best]++
	}
	// Half the words read as the language, or its letters say it where
	// the vocabulary reads few words (understand_translit_slavic.go); a
	// German or English query keeps its language ("sh", "ya" are theirs).
	reads := 2*counts[best] >= len(q.words) ||
		q.detected != "de" && q.detected != "en" && readsAsLatinCyrillic(q.words, best)
	if reads && !containsString(scriptLanguages(q.text), best) {
		q.detected = best
	}
	if q.detected == best {
		ix.addRomanisedNegations(q, best)
	}
}

// germanWord reports whether a Latin word of a query is a German word of
// the vocabulary as written or one typo from it ("Anerkenung"). Such a word
// says nothing about the query's language: the other languages'
// vocabularies write the German office words in their own scripts too
// ("анеркеннунг"), so its reading in Cyrillic made a German query with a
// typo Russian, and the page offered itself in Russian. Only words with a
// reading in another script are asked, and only from minOfficeWord letters
// (shorter ones are one typo from too many words).
func (ix *Index) germanWord(w queryWord) bool {
	de := w.forms["de"]
	if len(w.translit) == 0 || len(de) == 0 || !isLatin(w.text) || utf8.RuneCountInString(de[0]) < minOfficeWord {
		return false
	}
	return ix.vocab.knows("de", de[0]) || len(germanOneTypo(ix.vocab.fuzzy, de[0])) > 0
}

func foundIn(m map[string][]string, langs []string) bool {
	for _, l := range langs {
		if len(m[l]) > 0 {
			return true
		}
	}
	return false
}

// anyArabiziDigit reports whether a Latin word of the query writes a
// letter with an Arabizi digit ("3amal", "la2je2").
func anyArabiziDigit(words []queryWord) bool {
	for _, w := range words {
		if isLatin(w.text) && strings.ContainsAny(w.text, "23579") {
			return true
		}
	}
	return false
}
