package index

import (
	"strings"
	"unicode/utf8"
)

// An intent is shown by the words of its situations, and an analyzer's stem
// can make a different word of the language one of them: the Turkish
// stemmer reads "belgesi" (its document: "ustalık belgesi", a master
// craftsman's certificate) and "belgesiz" (without papers) as "belges", so a
// question about a certificate asked as someone without papers. A word of an
// intent's phrase matched through another word than its own (the same stem,
// written otherwise) shows the intent only when the query's word is not a
// different real word: see differentWord.

// noteIntentWords records, for the phrase just added from a situation with
// an intent, its words as written.
func (v *vocabulary) noteIntentWords(intent string, ap analysedPhrase) {
	if intent != "" && len(ap.words) > 0 {
		pi := int32(len(v.phrases) - 1)
		v.intentSurface[pi] = newIntentWords(v.phrases[pi].lang, ap.surface)
	}
}

// intentWords are the words of an intent's phrase as written, lowercased,
// and which of them are privative in the phrase's language: every search
// hitting the phrase asks.
type intentWords struct {
	surface   []string
	privative uint32 // bit j: surface[j] is privative (the first 32)
}

func newIntentWords(lang string, surface []string) intentWords {
	iw := intentWords{surface: surface}
	for j, w := range surface[:min(len(surface), 32)] {
		if privative(lang, w) {
			iw.privative |= 1 << j
		}
	}
	return iw
}

// privativeAt reports whether surface[j] is privative in lang, the
// phrase's language.
func (iw intentWords) privativeAt(lang string, j int) bool {
	if j >= 32 {
		return privative(lang, iw.surface[j])
	}
	return iw.privative&(1<<j) != 0
}

// queryPrivatives are which of a query's words are privative in the
// language last asked, found on the first hit of an intent's phrase that
// asks: the phrases hit come a language at a time.
type queryPrivatives struct {
	lang  string
	known bool
	set   uint32
}

// has reports whether words[qi] is privative in lang.
func (qp *queryPrivatives) has(lang string, words []queryWord, qi int) bool {
	if qi >= 32 {
		return privative(lang, words[qi].text)
	}
	if !qp.known || qp.lang != lang {
		qp.lang, qp.set, qp.known = lang, 0, true
		for i, w := range words[:min(len(words), 32)] {
			if privative(lang, w.text) {
				qp.set |= 1 << i
			}
		}
	}
	return qp.set&(1<<qi) != 0
}

// privatives are the suffixes (and prefixes) that make a word "without"
// what its stem names, per language: a word and its privative are
// different words, whatever a stemmer makes of them ("belgesi"/"belgesiz",
// "Papier"/"papierlos", "paper"/"paperless").
var privatives = map[string]struct{ suffixes, prefixes []string }{
	"tr": {suffixes: []string{"siz", "sız", "suz", "süz", "sizim", "sızım", "suzum", "süzüm", "sizler", "sızlar", "suzlar", "süzler", "sizlik", "sızlık", "suzluk", "süzlük"}},
	"az": {suffixes: []string{"siz", "sız", "suz", "süz"}},
	"de": {suffixes: []string{"los", "lose", "losen", "loser", "loses", "losem", "losigkeit"}},
	"en": {suffixes: []string{"less", "lessness"}},
	"nl": {suffixes: []string{"loos", "loze"}},
	"hu": {suffixes: []string{"talan", "telen", "tlan", "tlen"}},
	"fa": {prefixes: []string{"بی", "بي"}},
	"ru": {prefixes: []string{"без", "бес"}},
	"uk": {prefixes: []string{"без", "бес"}},
	"bg": {prefixes: []string{"без", "бес"}},
}

// privative reports whether a word carries its language's "without": a
// suffix or prefix (either case) with at least three letters of stem left.
// It allocates nothing: it runs for every word of an intent's phrase hit.
func privative(lang, w string) bool {
	p, ok := privatives[lang]
	if !ok {
		return false
	}
	n := utf8.RuneCountInString(w)
	for _, s := range p.suffixes {
		if len(w) >= len(s) && strings.EqualFold(w[len(w)-len(s):], s) && n-utf8.RuneCountInString(s) >= 3 {
			return true
		}
	}
	for _, s := range p.prefixes {
		if len(w) >= len(s) && strings.EqualFold(w[:len(s)], s) && n-utf8.RuneCountInString(s) >= 3 {
			return true
		}
	}
	return false
}

// differentWord reports whether a query word, matched to a word of a phrase
// showing intent through their stems, is another word of the language: one
// with a "without" the other lacks, or the other way round. A query word
// the vocabulary knows as written, from phrases without that intent, that
// the phrase's word extends ("belgesi" of "ustalık belgesi") was measured as
// another word too and rejected: forms of one word extend each other as
// well (docs/decisions/query-understanding.md).
func differentWord(lang, query, phraseWord string) bool {
	return privative(lang, query) != privative(lang, phraseWord)
}
