package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DetectLanguage guesses the language a query is written in, for boosting
// that language's fields and offering the interface in it. Short queries
// defeat statistical detectors, so it decides by script and by letters only
// one candidate language uses, and for plain Latin or Cyrillic text by which
// language's topic keywords the words belong to. It returns "" when unsure.
func (ix *Index) DetectLanguage(text string) string {
	counts := map[string]int{}
	latinWords, otherWords := 0, 0 // words by the script of their first letter
	inWord := false
	for _, r := range strings.ToLower(text) {
		if lang := distinctiveLetter(r); lang != "" {
			counts[lang]++
		}
		sc := scriptOf(r)
		if sc != "" {
			counts[sc]++
			if !inWord && sc == "latin" {
				latinWords++
			} else if !inWord {
				otherWords++
			}
		}
		inWord = sc != ""
	}
	first := func(langs ...string) string {
		for _, lang := range langs {
			if counts[lang] > 0 {
				return lang
			}
		}
		return ""
	}
	switch {
	case counts["arabic"] > 0:
		if lang := first("ps", "ur", "fa"); lang != "" {
			return lang
		}
		return ix.byKeywords(text, "ar", "ar", "fa", "ps", "ur")
	case counts["cyrillic"] > 0:
		if lang := first("mk", "sr", "uk", "bg", "ru"); lang != "" {
			return lang
		}
		// Macedonian and Serbian share ј, љ, њ, џ and are told by their
		// words, as the other Cyrillic languages are
		return ix.byKeywords(text, "ru", append([]string{"ru", "uk", "bg"}, ix.vocab.byScript["cyrillic"]...)...)
	// A town or an office word in Latin letters does not make a query in
	// another script Latin ("… 16 ዓመት goslar" is Tigrinya): Latin words
	// decide only when they are at least as many.
	case counts["latin"] > 0 && latinWords >= otherWords:
		if lang := first("vi", "tr", "pl", "ro", "de", "es", "pt", "sq"); lang != "" {
			return lang
		}
		return ix.byWords(text, true, "", append([]string{"de", "en", "tr", "pl", "ro"}, ix.vocab.byScript["latin"]...)...)
	case counts["devanagari"] > 0:
		return "hi"
	}
	// The other script with the most letters, not the first a map gives
	// (Latin is decided above: a Latin town in an Ethiopic query stays a
	// town).
	best := ""
	for sc, langs := range ix.vocab.byScript {
		if sc != "latin" && len(langs) > 0 && counts[sc] > 0 && (counts[sc] > counts[best] || counts[sc] == counts[best] && sc < best) {
			best = sc
		}
	}
	if best != "" {
		langs := ix.vocab.byScript[best]
		return ix.byKeywords(text, langs[0], langs...)
	}
	return ""
}

// distinctiveLetter returns the language a letter points to, or "".
func distinctiveLetter(r rune) string {
	switch {
	case r < utf8.RuneSelf: // none is ASCII; most letters of a query are
		return ""
	case strings.ContainsRune("ټډړږښګڼېۍځڅ", r): // Pashto letters
		return "ps"
	case strings.ContainsRune("ٹڈڑںےھ", r): // Urdu letters
		return "ur"
	case strings.ContainsRune("پچژگکی", r): // Persian letters Arabic lacks
		return "fa"
	case strings.ContainsRune("ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", r):
		return "vi"
	case strings.ContainsRune("ñ¿¡", r):
		return "es"
	case strings.ContainsRune("ãõ", r):
		return "pt"
	case r == 'ë':
		return "sq"
	case strings.ContainsRune("ќѓѕ", r): // Macedonian letters
		return "mk"
	case strings.ContainsRune("ћђ", r): // Serbian letters
		return "sr"
	case strings.ContainsRune("іїєґ", r):
		return "uk"
	case strings.ContainsRune("ыэё", r):
		return "ru"
	case strings.ContainsRune("ğış", r):
		return "tr"
	case strings.ContainsRune("ąęłńśźż", r):
		return "pl"
	case strings.ContainsRune("ășțâ", r):
		return "ro"
	case strings.ContainsRune("äöüß", r):
		return "de"
	}
	return ""
}

// byKeywords picks, among candidates, the language whose topic keywords and
// labels contain most words of the text; fallback when none does.
func (ix *Index) byKeywords(text, fallback string, candidates ...string) string {
	return ix.byWords(text, false, fallback, candidates...)
}

// byWords is byKeywords; with plain, a word counts also as typed without the
// language's own letters. Turkish and Vietnamese are often written on
// keyboards without them ("isverenim maasimi odemiyor", "toi muon hoc
// tieng duc"), and then no distinctive letter tells the language.
func (ix *Index) byWords(text string, plain bool, fallback string, candidates ...string) string {
	best, bestScore := fallback, 0
	words := strings.FieldsFunc(strings.ToLower(text), notLetter)
	var plainOf []string // each word's plain form, made on first need
	for _, lang := range candidates {
		score := 0
		for i, w := range words {
			if ix.vocab.words[lang][w] {
				score++
				continue
			}
			if !plain {
				continue
			}
			if plainOf == nil {
				plainOf = make([]string, len(words))
				for j, w := range words {
					plainOf[j] = plainWord(w)
				}
			}
			if ix.vocab.plainWords[lang][plainOf[i]] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = lang, score
		}
	}
	return best
}

// plainWord is a lowercased word as typed without accents and without the
// letters a plain Latin keyboard lacks (ı, ł, đ).
func plainWord(w string) string {
	w = foldText(w)
	if strings.ContainsAny(w, "ıłđß") {
		return plainLetters.Replace(w)
	}
	return w
}

var plainLetters = strings.NewReplacer("ı", "i", "ł", "l", "đ", "d", "ß", "ss")

// plainWordsOf gives each language's words as plainWord types them.
func plainWordsOf(words map[string]map[string]bool) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(words))
	for lang, ws := range words {
		plain := make(map[string]bool, len(ws))
		for w := range ws {
			plain[plainWord(w)] = true
		}
		out[lang] = plain
	}
	return out
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// scripts are the writing systems a query word can be in, by name.
var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"latin", unicode.Latin}, {"cyrillic", unicode.Cyrillic}, {"arabic", unicode.Arabic},
	{"devanagari", unicode.Devanagari}, {"ethiopic", unicode.Ethiopic}, {"bengali", unicode.Bengali},
	{"gurmukhi", unicode.Gurmukhi}, {"tamil", unicode.Tamil}, {"greek", unicode.Greek},
	{"armenian", unicode.Armenian}, {"georgian", unicode.Georgian}, {"hebrew", unicode.Hebrew},
	{"thai", unicode.Thai}, {"han", unicode.Han}, {"hangul", unicode.Hangul}, {"myanmar", unicode.Myanmar},
}

// scriptOf names the script of a letter, or "" for anything else.
func scriptOf(r rune) string {
	if r < utf8.RuneSelf { // the common case, answered at once
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return "latin"
		}
		return ""
	}
	if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
		return ""
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return ""
}
