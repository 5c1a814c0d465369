package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
)

// otherStopWords are the function words of languages beyond the ten that
// bleve has no stop list for. Without them a situation phrase such as
// Tagalog "pagsasanay sa trabaho" (training at work) counts "sa" (at, in)
// as a word of its own, and every Tagalog query with "sa" half-matches it.
// Negations are not here: they are the point of a phrase (negations in
// understand_negation.go). Short lists of the commonest words only.
var otherStopWords = map[string][]string{
	// Tagalog markers, pronouns and linkers
	"tl": {"ang", "ng", "sa", "si", "ni", "kay", "mga", "na", "at", "ay", "ko", "mo", "ka", "ako", "ikaw",
		"kami", "namin", "naming", "kayo", "sila", "nila", "ito", "iyan", "yung", "yun", "po", "pa", "lang",
		"din", "rin", "dito", "doon", "para", "galing", "mula", "may", "ba", "nga"},
	// Hausa particles and pronouns; "ba" (not) is kept
	"ha": {"da", "a", "ni", "na", "ta", "ya", "su", "mu", "ku", "ne", "ce", "ga", "daga", "ina", "zan",
		"wannan", "shi", "ita", "sun", "an", "in", "kuma", "don", "domin"},
	// Nepali postpositions and copulas, in Devanagari and in Latin letters
	"ne": {"म", "मा", "को", "का", "की", "ले", "लाई", "बाट", "छ", "छु", "हो", "हुँ", "र", "पनि",
		"ma", "ko", "ka", "ki", "le", "lai", "bata", "cha", "chha", "chu", "chhu", "ho", "hu", "ra", "pani"},
	// Georgian conjunctions, pronouns and copulas
	"ka": {"და", "რომ", "მე", "ჩემი", "ჩვენ", "ვარ", "არის", "ეს", "ის", "რა", "თუ", "ან", "კი", "ხომ"},
}

// otherStopFilter is the stop filter of a language in otherStopWords, or
// nil when it has none.
func otherStopFilter(lang string) analysis.TokenFilter {
	words, ok := otherStopWords[lang]
	if !ok {
		return nil
	}
	m := analysis.NewTokenMap()
	for _, w := range words {
		m.AddToken(w)
	}
	return stop.NewStopTokensFilter(m)
}
