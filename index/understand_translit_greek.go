package index

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
)

// German office words and place names written in Greek letters, as Greeks
// do ("μπραουνσβαιγκ", Braunschweig; "βολφσμπουργκ", Wolfsburg;
// "τζομπσεντερ", Jobcenter). Greek has no b, d, g or u of its own and
// writes them μπ, ντ, γκ and ου; read that way the word finds the German
// one by the Latin keys of understand_translit_keys.go. Greek has no "sch"
// either and writes σ: a Greek place word is compared with "s" for it
// (greekPlaceKey).

// greekPairs are the letter pairs read as one sound, before single letters.
var greekPairs = map[string]string{
	"μπ": "b", "ντ": "d", "γκ": "g", "γγ": "ng", "ου": "u", "τσ": "ts", "τζ": "j",
}

var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "ks", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "i", 'φ': "f", 'χ': "h", 'ψ': "ps", 'ω': "o",
}

// greekToLatin writes a Greek word in Latin letters, accents left out;
// other letters stay as they are.
func greekToLatin(word string) string {
	rs := []rune(greekFold(word))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) {
			if latin, ok := greekPairs[string(rs[i:i+2])]; ok {
				b.WriteString(latin)
				i++
				continue
			}
		}
		if latin, ok := greekLetters[rs[i]]; ok {
			b.WriteString(latin)
		} else {
			b.WriteRune(rs[i])
		}
	}
	return b.String()
}

// greekFold lowercases Greek and takes off its accents and diaereses:
// people type "δουλεια" for "δουλειά".
func greekFold(word string) string {
	if !isGreek(word) {
		return strings.ToLower(word)
	}
	return foldText(word)
}

// greekPlaceKey is the sound key of a Greek word for comparing with place
// names: σ stands for German "sch" too, so the names' "S" reads as "s".
func greekPlaceKey(word string) []rune {
	return []rune(looseLatin(greekToLatin(word)))
}

// isGreek reports whether a word has a Greek letter.
func isGreek(word string) bool { return hasScript(word, unicode.Greek) }

// greekFoldFilter folds Greek words as greekFold does, and final ς to σ as
// bleve's Greek stop list expects.
type greekFoldFilter struct{}

func (greekFoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = []byte(strings.ReplaceAll(greekFold(string(tok.Term)), "ς", "σ"))
	}
	return input
}

// Endings of Greek nouns, adjectives and verbs (after greekFoldFilter: no
// accents, σ for ς): "δουλεια" and "δουλειες" (work, jobs) become one stem.
var greekStemmer = newLightStemmer(
	"ουμε", "ουνε", "ουσα", "οντας", "ειτε", "ατε", "ετε", "ουν", "εισ", "ουσ", "εσ", "ασ", "οσ", "ησ",
	"ων", "ου", "ει", "α", "ο", "η", "ι", "ε", "ω", "σ",
)
