package index

import "strings"

// German office words and place names written in Ethiopic script, as
// Tigrinya and Amharic speakers do ("ጆብሰንተር", Jobcenter; "ብራውንሽቫይግ",
// Braunschweig): each syllable is a consonant row and a vowel order, so
// the script reads back into Latin letters regularly, and from there into
// the consonant skeleton that Arabic-script spellings of German words use
// (germanArabicSkeleton: vowels, w and y left out).

// ethiopicBase is the first syllable of the Ethiopic block; each row of
// eight is one consonant with its seven vowels and a labialised form.
const ethiopicBase = 0x1200

// ethiopicConsonants are the Latin consonants of the rows, in block order;
// the labialised rows (qw, kw, gw…) read as their plain consonant, the
// vowel carriers አ and ዐ as none.
var ethiopicConsonants = [...]string{
	"h", "l", "h", "m", "s", "r", "s", "sh", "k", "k", "k", "k", "b", "v", "t", "ch",
	"h", "h", "n", "n", "", "k", "k", "h", "h", "w", "", "z", "zh", "y", "d", "d",
	"j", "g", "g", "g", "t", "ch", "p", "ts", "ts", "f", "p",
}

// ethiopicVowels are the seven vowel orders and the labialised eighth; the
// sixth (ə) is mostly silent at the end of a syllable.
var ethiopicVowels = [...]string{"e", "u", "i", "a", "e", "", "o", "wa"}

// ethiopicToLatin writes an Ethiopic word in Latin letters; other letters
// stay as they are.
func ethiopicToLatin(word string) string {
	var b strings.Builder
	for _, r := range word {
		i := int(r) - ethiopicBase
		if i < 0 || i/8 >= len(ethiopicConsonants) {
			b.WriteRune(r)
			continue
		}
		b.WriteString(ethiopicConsonants[i/8])
		b.WriteString(ethiopicVowels[i%8])
	}
	return b.String()
}

// isEthiopic reports whether a word has a letter of the Ethiopic syllables.
func isEthiopic(word string) bool {
	for _, r := range word {
		if i := int(r) - ethiopicBase; i >= 0 && i/8 < len(ethiopicConsonants) {
			return true
		}
	}
	return false
}

// ethiopicPlaceKeys are the consonant keys of an Ethiopic word for
// comparing with German place names: as read, and as German spells the
// sounds Ethiopic writes by ear. A German s before a vowel sounds z and is
// written with the z row ("ዛልጽጊተር", Salzgitter); a German z sounds ts and
// is written ጽ or ትስ.
func ethiopicPlaceKeys(word string) []string {
	k := arabiziSkeleton(ethiopicToLatin(word))
	keys := []string{k}
	german := strings.ReplaceAll(k, "ts", "z")
	if strings.HasPrefix(german, "z") {
		german = "s" + german[1:]
	}
	if german != k {
		keys = append(keys, german)
	}
	return keys
}
