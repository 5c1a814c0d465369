package index

import "strings"

// negTerm stands for a negation ("kein", "no", "без", "بدون") in the
// vocabulary and in queries. Analyzers drop these words as stop words, but
// in a situation they are the point: "keine Papiere" is someone at risk,
// "welche Papiere" is not. So a phrase with a negation has this term as a
// word of its own, and so has a query.
const negTerm = "\x01not"

// negations are the words that negate, per language whose analyzer drops
// them (the others keep them as words anyway). Verbs negated by an affix
// (Turkish "vermiyor", Persian "ندارم") are whole words and need no entry.
var negations = map[string][]string{
	"de": {"kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht", "ohne", "nie", "nichts"},
	"en": {"no", "not", "without", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "cant", "can't", "cannot", "wont", "won't", "never", "isnt", "isn't", "havent", "haven't"},
	"ar": {"ما", "مش", "مو", "بدون", "بلا", "لا", "لم", "لن", "ليس", "مافي", "ماعندي"},
	"fa": {"بدون", "نه", "بی"},
	"ru": {"не", "нет", "без", "ни"},
	// Not Bulgarian "ни": mostly "us, our" ("фирмата ни", our firm), so a
	// Russian "фирма не платит" (the firm does not pay) read as "our firm",
	// an employer asking
	"bg": {"не", "няма", "без"},
	"tr": {"yok", "değil", "degil", "olmadan", "hiç"},
	"pl": {"nie", "bez", "brak"},
	"ro": {"nu", "fără", "fara", "niciun", "nicio"},
	"fr": {"pas", "sans", "non", "jamais", "aucun", "aucune"}, // "ne" always comes with "pas", "jamais"…
	"es": {"no", "sin", "nunca", "ningún", "ninguna"},
	"it": {"non", "senza", "mai", "nessun", "nessuna"},
	"pt": {"não", "nao", "sem", "nunca"},
	"hi": {"नहीं", "बिना", "न"},
	"vi": {"không", "chưa", "chẳng"},
	"ka": {"არ", "ვერ", "არა", "ნუ", "გარეშე"}, // Georgian: not, cannot, no, don't, without
	// Hungarian: its analyzer's stop words drop all of these, so "nincs
	// tartózkodási engedélyem" (I have no residence permit) read as
	// "tartózkodási engedélyem" (my residence permit)
	"hu": {"nem", "nincs", "nincsen", "nélkül", "sem", "soha"}, // not "ne" (don't): folded, it is Albanian "në" (in), a filler
}

var negationSet = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for lang, words := range negations {
		m[lang] = map[string]bool{}
		for _, w := range words {
			m[lang][w] = true
		}
	}
	return m
}()

// negates reports whether a word negates in a language.
func negates(lang, word string) bool {
	return negationSet[lang][strings.ToLower(word)]
}

// negatesAnywhere reports whether a word negates in any language: filler
// words are taken out of every query whatever its language, so none may be
// a negation somewhere ("ما" is "I" in Pashto and "not" in Arabic).
func negatesAnywhere(word string) bool {
	folded := foldedWords(word)
	for lang := range negationSet {
		if negates(lang, word) || len(folded) == 1 && negates(lang, folded[0]) {
			return true
		}
	}
	return false
}
