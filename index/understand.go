package index

import "math"

// informativeness rates how much a query word says about which service is
// right, from the vocabulary: a word of one need ("Approbation", "Lohn")
// says much, a word of many ("Arbeit", "arbeiten", "Hilfe") little. Its
// matches in the services' own texts are weighted by it, so that services
// which merely mention a common word ("Arbeit" in many names) do not
// outrank the service for the need the query's telling words name. Words
// the vocabulary does not know (names: "Caritas", "IHK") keep full weight.
func (v *vocabulary) informativeness(w queryWord) float64 {
	best, known := 0.0, false
	for lang, forms := range w.forms {
		if len(forms) == 0 {
			continue
		}
		if idf, ok := v.idf[vocabKey(lang, forms[0])]; ok {
			known = true
			best = max(best, idf)
		}
	}
	if !known {
		return 1
	}
	return min(1, best/math.Log(1+float64(len(v.concepts))))
}
