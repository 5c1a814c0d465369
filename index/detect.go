package index

import (
	"strings"
	"unicode"
)

// DetectLanguage guesses the language a query is written in, for boosting
// that language's fields and offering the interface in it. Short queries
// defeat statistical detectors, so it decides by script and by letters only
// one candidate language uses, and for plain Latin or Cyrillic text by which
// language's topic keywords the words belong to. It returns "" when unsure.
func (ix *Index) DetectLanguage(text string) string {
	counts := map[string]int{}
	for _, r := range strings.ToLower(text) {
		if lang := distinctiveLetter(r); lang != "" {
			counts[lang]++
		}
		switch {
		case unicode.Is(unicode.Arabic, r):
			counts["arabic-script"]++
		case unicode.Is(unicode.Cyrillic, r):
			counts["cyrillic"]++
		case unicode.Is(unicode.Latin, r):
			counts["latin"]++
		}
	}
	switch {
	case counts["arabic-script"] > 0:
		if counts["fa"] > 0 {
			return "fa"
		}
		return ix.byKeywords(text, "ar", "fa", "ar")
	case counts["cyrillic"] > 0:
		for _, lang := range []string{"uk", "bg", "ru"} {
			if counts[lang] > 0 {
				return lang
			}
		}
		return ix.byKeywords(text, "ru", "uk", "bg", "ru")
	case counts["latin"] > 0:
		for _, lang := range []string{"tr", "pl", "ro", "de"} {
			if counts[lang] > 0 {
				return lang
			}
		}
		return ix.byKeywords(text, "", "de", "en", "tr", "pl", "ro")
	}
	return ""
}

// distinctiveLetter returns the language a letter points to among those
// Wegweiser speaks, or "".
func distinctiveLetter(r rune) string {
	switch {
	case strings.ContainsRune("پچژگکی", r): // Persian letters Arabic lacks
		return "fa"
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
	best, bestScore := fallback, 0
	for _, lang := range candidates {
		score := 0
		for _, w := range strings.FieldsFunc(strings.ToLower(text), notLetter) {
			if ix.vocab.words[lang][w] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = lang, score
		}
	}
	return best
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
