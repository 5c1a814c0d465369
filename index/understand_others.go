package index

import "slices"

// A profession word does not always say what the asker is. "An interpreter
// for the doctor", "beim Arzt", "к врачу" name a person the asker goes to;
// "wife of an engineer" names the asker's husband. Read as the asker's
// profession, such a word made recognition counselling (and the
// university, for "doctor") outrank the interpreters or the meeting places
// asked for. A profession said of the asker, or of the person asked about,
// stands after a verb ("my wife is a nurse", "meine Frau ist Ärztin", "я
// врач"), never right after one of these words.
//
// othersBefore are, per language, folded, the words that make the word
// after them (or after them and an article) a person the asker goes to or
// is related to: prepositions of going to or being at someone's, "of" of
// belonging, and verbs of seeing someone.
var othersBefore = map[string]bool{
	// en
	"for": true, "to": true, "at": true, "of": true, "with": true, "see": true, "visit": true, "find": true,
	// de
	"beim": true, "zum": true, "zur": true, "vom": true, "fur": true, "mit": true, "zu": true, "bei": true,
	// ru, uk, bg
	"к": true, "у": true, "от": true, "до": true, "від": true, "при": true,
	// ar, fa
	"عند": true, "لعند": true, "مع": true, "الى": true, "پیش": true,
	// pl ("u lekarza"); not Romanian "la" (la doctor), which is the
	// article of Italian, Spanish and French ("faccio la parrucchiera")
	"u": true,
}

// articlesBetween are the articles that may stand between such a word and
// the profession ("for the doctor", "zum einen Arzt" is not said, "bei
// einem Arzt" is).
var articlesBetween = map[string]bool{
	"a": true, "an": true, "the": true, "my": true, "our": true,
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true,
	"der": true, "die": true, "das": true, "den": true, "dem": true,
}

// othersWords returns, for each of the query's words, whether every time
// the text says it, it names someone else: the word right before it (or
// before an article before it) is one of othersBefore.
func othersWords(folded []string, words []queryWord) []bool {
	if !slices.ContainsFunc(folded, func(w string) bool { return othersBefore[w] }) {
		return nil // most queries: no word to look at twice
	}
	said := map[string]int{}   // times a folded word is said
	others := map[string]int{} // …of them after a word of othersBefore
	for i, w := range folded {
		said[w]++
		if i > 0 && (othersBefore[folded[i-1]] || i > 1 && articlesBetween[folded[i-1]] && othersBefore[folded[i-2]]) {
			others[w]++
		}
	}
	out := make([]bool, len(words))
	for i, w := range words {
		f := foldedWords(w.text)
		out[i] = len(f) == 1 && others[f[0]] > 0 && others[f[0]] == said[f[0]]
	}
	return out
}

// ofOthers reports whether a phrase hit is a profession situation's phrase
// whose every matched word names someone else than the asker.
func (v *vocabulary) ofOthers(p phrase, h phraseHit, others []bool) bool {
	if p.situation < 0 || v.situations[p.situation].Intent != intentProfession {
		return false
	}
	any := false
	for _, qi := range h.queryWord {
		if qi < 0 {
			continue
		}
		if qi >= len(others) || !others[qi] {
			return false // a word added after parsing (romanised negations) is the asker's
		}
		any = true
	}
	return any
}
