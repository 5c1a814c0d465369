package index

// A query wholly in one language is read in it: in "Agentur für Arbeit
// Termin" the German "Termin" (appointment) is not English "termination",
// whose stem the English analyzer makes "termin" too, and which made the
// labour-rights counselling match every word. When every word of a query
// is one the detected language's vocabulary has as written, another
// language's vocabulary reads a word only if it has it as written too ("Job"
// in German and English). A query mixing words ("Türkiye'de elektrik
// teknisyeniyim") keeps every reading: cognates help there (Turkish
// "elektrik" finds the German "Elektriker"). The services' texts are
// searched in every language either way.

// ownReadings notes whether every word of the query is one the detected
// language's vocabulary has as written.
func (ix *Index) ownReadings(q *parsedQuery) {
	own := ix.vocab.words[q.detected]
	if len(own) == 0 || len(q.words) < 2 {
		return
	}
	for _, w := range q.words {
		if !own[w.lower] {
			return
		}
	}
	q.own = true
}

// ownOnly reports whether query word qi is to be left out of lang's
// vocabulary: the query is wholly in the detected language, and lang does
// not have the word as written.
func (q *parsedQuery) ownOnly(v *vocabulary, qi int, lang string) bool {
	return q.own && lang != q.detected && !v.words[lang][q.words[qi].lower]
}
