package index

import "unicode/utf8"

// German office words are written inside sentences of every language
// ("jobcentre appointment", "auslanderbehorde randevu"), and misspelt there
// as often as in German: the typo tolerance of a word that matched
// something exactly elsewhere (a part "job", an English stem) never ran, and
// the German reading of the word ("jobcentr") knew nothing. So a Latin word
// whose German reading the vocabulary does not know is also read, whatever
// the query's language, as the German office words within its typo
// tolerance: alternatives, matched with the typo discount, never
// replacements.

// minOfficeWord is the length from which a word is read as a misspelt
// office word: shorter ones are one typo from too many words.
const minOfficeWord = 6

// newOfficeTypos indexes the German office words for typo tolerance: the
// German terms of the words that German phrases and those of another
// language share, as written in Latin letters ("Jobcenter",
// "Ausländerbehörde", "Ausbildung" inside Turkish or Polish phrases). Their
// automaton is small: a query word is corrected against these alone.
func newOfficeTypos(v *vocabulary, an *analyzers) *fuzzyTerms {
	byTerm := map[string][]wordRef{}
	for w := range v.words["de"] {
		if utf8.RuneCountInString(w) < minOfficeWord || !isLatin(w) || !borrowed(v, w) {
			continue
		}
		if ts := terms(an.lang["de"], w); len(ts) > 0 {
			k := vocabKey("de", ts[0])
			byTerm[k] = v.byTerm[k]
		}
	}
	return newFuzzyTerms(byTerm)
}

// borrowed reports whether phrases of another language than German have a
// German phrase's word.
func borrowed(v *vocabulary, w string) bool {
	for lang, words := range v.words {
		if lang != "de" && words[w] {
			return true
		}
	}
	return false
}

// addOfficeTypos sets a Latin word's corrections to the German office
// words its typo tolerance reaches, when no language's vocabulary knows the
// word's own reading ("jobcentre": not English, not German; "seasonal" is
// English and stays so). Done once per word, with its analysis (the
// corrections of a word that matches nothing exactly replace them later,
// and their German ones include these).
func (ix *Index) addOfficeTypos(qw *queryWord) {
	de := qw.forms["de"]
	if len(de) == 0 || utf8.RuneCountInString(de[0]) < minOfficeWord || !isLatin(qw.text) {
		return
	}
	for lang, ts := range qw.forms {
		if ix.vocab.knows(lang, ts[0]) {
			return
		}
	}
	if found := germanOneTypo(ix.vocab.officeTypos, de[0]); len(found) > 0 {
		qw.corrections = map[string][]string{"de": found}
	} else if t := officeByConsonants(ix.vocab.officeVowels, de[0]); t != "" {
		qw.corrections = map[string][]string{"de": {t}} // understand_office_vowels.go
		// the parts German decompounding cut from the misspelt word
		// ("end", "ehe" of "auslenderbeherde") are no words of it
		qw.forms["de"] = de[:1:1]
	}
}

// germanOneTypo are the German terms of f one typo from a German term
// (the office words, or the whole German vocabulary), kept in f. One edit,
// whatever the length: the misspellings of these long words are one letter
// ("jobcentr", "kindergelt"), and an automaton for two edits costs many
// times more to build for each new word.
func germanOneTypo(f *fuzzyTerms, term string) []string {
	if c, ok := f.found.Get(term); ok {
		return c
	}
	fst, lb := f.langFST("de"), levBuilders[1]()
	if fst == nil || lb == nil {
		return nil
	}
	dfa, err := lb.BuildDfa(term, 1)
	if err != nil {
		return nil
	}
	found := search(fst, dfa, term)
	f.found.Add(term, found)
	return found
}
