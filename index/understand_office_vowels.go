package index

import (
	"strings"
	"unicode/utf8"
)

// German office words romanised from another script change their vowels,
// not their consonants: Russian "ауслендербехерде" typed in Latin letters is
// "auslenderbeherde", two edits from "Ausländerbehörde" (ä → e, ö → e), where
// the typo tolerance of office words allows one (understand_office_typos.go).
// So a long office word is also found by its consonants alone, as typed:
// the query word's German term with its vowels left out.

// minVowelessKey is the fewest consonants for a key: fewer name too many
// words ("jbcntr" is Jobcenter; "rbt" would be Arbeit, Arbeiter, Orbit…).
const minVowelessKey = 6

// appendVoweless appends a term without its vowels (a e i o u y) to dst;
// nil when fewer than minVowelessKey consonants are left.
func appendVoweless(dst []byte, term string) []byte {
	for _, r := range term {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü':
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	if utf8.RuneCount(dst) < minVowelessKey {
		return nil
	}
	return dst
}

// officeByConsonants is the office word's German term with a term's
// consonants, "" for none or more than one.
func officeByConsonants(vowels map[string]string, term string) string {
	var buf [64]byte
	key := appendVoweless(buf[:0], term)
	if key == nil {
		return ""
	}
	return vowels[string(key)] // no allocation: a lookup by converted bytes
}

// newOfficeVowels maps the office words' German terms (those of
// newOfficeTypos) by their keys; a key two terms share names neither.
func newOfficeVowels(f *fuzzyTerms) map[string]string {
	out := map[string]string{}
	for k := range f.byTerm {
		term := strings.TrimPrefix(k, "de\x00")
		b := appendVoweless(nil, term)
		if b == nil {
			continue
		}
		key := string(b)
		if t, ok := out[key]; ok && t != term {
			out[key] = "" // ambiguous
			continue
		}
		out[key] = term
	}
	return out
}
