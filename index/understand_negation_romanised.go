package index

import "strings"

// People who write Russian, Ukrainian, Bulgarian, Arabic or Persian in
// Latin letters write their negations so too: "ne sdajut inostrancam", "net
// dokumentov", "ma 3andi awra2", "mafi iqama", "bedune madrak". The words
// are too short for transliteration keys, and short Latin words are often
// generic ("ne", "ma", "la" are French, Italian, Polish words too), so they
// were taken out of the query. But "an intent needs its negation said":
// without it "net dokumentov" asked about documents, not about having none.
// So once a query reads as one of these languages, its romanised negations
// are read as that language's negations.
var romanisedNegations = map[string]map[string]string{
	"ru": {"ne": "не", "nie": "не", "nje": "не", "net": "нет", "njet": "нет", "nyet": "нет", "niet": "нет",
		"bez": "без", "biez": "без", "bes": "без", "ni": "ни"},
	"uk": {"ne": "не", "nie": "не", "bez": "без", "nemaie": "немає", "nemaye": "немає", "nemaje": "немає",
		"nemae": "немає", "nema": "нема", "ni": "ні"},
	"bg": {"ne": "не", "nyama": "няма", "niama": "няма", "njama": "няма", "nqma": "няма", "bez": "без"},
	"ar": {"ma": "ما", "mafi": "مافي", "mafee": "مافي", "mafish": "مافي", "mish": "مش", "mesh": "مش",
		"msh": "مش", "mush": "مش", "mu": "مو", "mo": "مو", "la": "لا", "lam": "لم", "bidun": "بدون",
		"bdun": "بدون", "bdoun": "بدون", "bidoun": "بدون", "bedoun": "بدون", "bidoon": "بدون",
		"bdoon": "بدون", "bedun": "بدون", "bala": "بلا"},
	"fa": {"na": "نه", "bedun": "بدون", "bedoon": "بدون", "bedune": "بدون", "bedoone": "بدون", "bi": "بی"},
}

// addRomanisedNegations gives the Latin words of a query that reads as
// lang and spell one of its negations that negation as their form in lang,
// words taken out as generic ones included. It runs once the query's
// language is known.
func (ix *Index) addRomanisedNegations(q *parsedQuery, lang string) {
	table := romanisedNegations[lang]
	if table == nil {
		return
	}
	for _, tok := range splitWords(q.text) {
		native, ok := table[strings.ToLower(tok)]
		if !ok {
			continue
		}
		term := negTerm
		if !negates(lang, native) {
			ts := terms(ix.vocab.analyzer(lang, ix.an), native)
			if len(ts) == 0 {
				continue
			}
			term = ts[0]
		}
		i := wordIndex(q.words, tok)
		if i < 0 {
			if len(q.words) == maxQueryWords {
				continue
			}
			q.words = append(q.words, queryWord{text: tok, lower: strings.ToLower(tok)})
			i = len(q.words) - 1
		}
		// A form, not a transliteration: the table reads it for certain,
		// and an intent needs its negation said word for word.
		w := &q.words[i]
		if containsString(w.forms[lang], term) {
			continue
		}
		forms := map[string][]string{lang: {term}} // a copy: analysed words are shared
		for l, t := range w.forms {
			if l != lang {
				forms[l] = t
			}
		}
		w.forms = forms
	}
}

// wordIndex returns the index of the query word written as tok, or -1.
func wordIndex(words []queryWord, tok string) int {
	for i, w := range words {
		if strings.EqualFold(w.text, tok) {
			return i
		}
	}
	return -1
}
