package index

import (
	"strings"
	"unicode"
)

// German office words and place names written in Georgian letters, as
// Georgians do ("იობცენტრი", Jobcenter; "ბრაუნშვაიგი", Braunschweig;
// "ვოლფსბურგში", in Wolfsburg). Mkhedruli is an alphabet with one letter
// per sound, so it reads back into Latin letters regularly; from there the
// Latin keys of understand_translit_keys.go find the German word, as they
// do for Cyrillic spellings.

// georgianLetters are the Latin spellings of the Mkhedruli letters
// (national romanisation, without its apostrophes: the ejectives sound
// like their plain consonants to a German ear). ფ is "f": Georgian writes
// German f with it ("ვოლფსბურგი").
var georgianLetters = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z", 'თ': "t", 'ი': "i", 'კ': "k",
	'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o", 'პ': "p", 'ჟ': "zh", 'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u",
	'ფ': "f", 'ქ': "k", 'ღ': "gh", 'ყ': "k", 'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz", 'წ': "ts", 'ჭ': "ch",
	'ხ': "kh", 'ჯ': "j", 'ჰ': "h",
}

// georgianToLatin writes a Georgian word in Latin letters; other letters
// stay as they are. German "st" and "sp" sound "scht", "schp", and Georgian
// writes them შტ, შპ ("ჰელმშტედტი", Helmstedt): that შ is read "s", as
// cyrillicToLatin reads ш in German words.
func georgianToLatin(word string) string {
	var b strings.Builder
	rs := []rune(word)
	for i, r := range rs {
		latin, ok := georgianLetters[r]
		switch {
		case !ok:
			b.WriteRune(r)
		case r == 'შ' && i+1 < len(rs) && (rs[i+1] == 'ტ' || rs[i+1] == 'პ'):
			b.WriteString("s")
		default:
			b.WriteString(latin)
		}
	}
	return b.String()
}

// isGeorgian reports whether a word has a Georgian letter.
func isGeorgian(word string) bool { return hasScript(word, unicode.Georgian) }
