package index

import "strings"

// Ukrainian and Russian written in Latin letters look like Polish to the
// vocabulary ("bez", "robotu" are Polish words too), but the two spell
// their sounds differently: the transliteration of Cyrillic writes ж, х,
// ш, щ as "zh", "kh", "sh", "shch" and ending -ий, -ії, -ія as "yi", "yy",
// "iy", "ii", "ia"; Polish writes the same sounds "ż"/"rz", "ch", "sz",
// "szcz", and has letters of its own (ł, ą, ę…). So the letters of the
// words tell which of the two a Latin query is, where counting the words
// the vocabulary reads cannot: in "zvilnyly bez poperedzhennia shcho
// robyty" only two of five words are known Ukrainian, but "zh" and "shch"
// are nobody's Polish.
var (
	// cyrillicLatinMarks occur in transliterated Cyrillic, not in Polish
	// (and not in German or English, where "sh" does: "Haushalt", "shop").
	cyrillicLatinMarks = []string{"shch", "zh", "kh", "yy", "yi", "iy", "yu", "ya"}
	// cyrillicLatinEndings end transliterated Ukrainian and Russian words
	// (-ії, -ія, -ння), rarely Polish ones.
	cyrillicLatinEndings = []string{"ii", "iia", "nnia", "nnya"}
	// polishMarks are Polish spellings of sounds transliterated Cyrillic
	// writes otherwise, and Polish letters.
	polishMarks = []string{"sz", "cz", "rz", "ł", "ą", "ę", "ó", "ś", "ż", "ź", "ć", "ń", "w"}
)

// latinCyrillicVotes counts the words of a query spelled like
// transliterated Cyrillic and those spelled like Polish.
func latinCyrillicVotes(words []queryWord) (cyrillic, polish int) {
	for _, w := range words {
		lower := strings.ToLower(w.text)
		if !isLatin(lower) {
			continue
		}
		if hasAnyPart(lower, polishMarks) {
			polish++
		} else if hasAnyPart(lower, cyrillicLatinMarks) || hasAnySuffix(lower, cyrillicLatinEndings) {
			cyrillic++
		}
	}
	return cyrillic, polish
}

// readsAsLatinCyrillic tells whether a query transliterated in part into
// lang (one of cyrillicLangs) is written in that language by its letters.
func readsAsLatinCyrillic(words []queryWord, lang string) bool {
	if !containsString(cyrillicLangs, lang) {
		return false
	}
	cyrillic, polish := latinCyrillicVotes(words)
	return cyrillic > polish
}

func hasAnyPart(s string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}
