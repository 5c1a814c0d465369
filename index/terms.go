package index

import (
	"fmt"
	"slices"
)

// fieldTerms knows, for every term of the index, the fields that hold it.
// A query looks each word up in every language's fields, and most of those
// lookups miss (a German word in the Turkish names); checking here first
// saves opening a postings reader for each miss.
type fieldTerms struct {
	fields map[string]int      // field name -> bit
	names  []string            // bit -> field name
	terms  map[string]fieldSet // term -> the fields holding it
	// lists and postings count the (field, term) lists and their postings
	// together (warmPostings), once here rather than at every ask.
	lists    int
	postings uint64
	// typo is the typo field's terms in byte order, the dictionary's:
	// completions of an unfinished word are a range of it (passes.go).
	typo []string
}

// fieldSet is a set of fields, one bit each (at most 64).
type fieldSet uint64

// indexedFields are the names of every field of the documents.
func indexedFields() []string {
	var out []string
	for _, names := range textFieldNames {
		out = append(out, names...)
	}
	return append(out, fieldAlt, fieldTypo)
}

// textFieldNames[l][f] names text field f (textFields) in Languages[l]
// ("name_de"): named once, not at each of a search's hundreds of lookups.
var textFieldNames = func() [][]string {
	out := make([][]string, len(Languages))
	for l, lang := range Languages {
		for _, f := range textFields {
			out[l] = append(out[l], f.prefix+"_"+lang)
		}
	}
	return out
}()

// textField names text field f in a language of Languages.
func textField(f int, lang string) string {
	for l, name := range Languages {
		if name == lang {
			return textFieldNames[l][f]
		}
	}
	return textFields[f].prefix + "_" + lang
}

// newFieldTerms reads every field's term dictionary once.
func (ix *Index) newFieldTerms() (*fieldTerms, error) {
	names := indexedFields()
	if len(names) > 64 {
		return nil, fmt.Errorf("%d fields do not fit a field set", len(names))
	}
	ft := &fieldTerms{fields: map[string]int{}, names: names, terms: map[string]fieldSet{}}
	for bit, field := range names {
		ft.fields[field] = bit
		dict, err := ix.reader.FieldDict(field)
		if err != nil {
			return nil, fmt.Errorf("terms of %s: %w", field, err)
		}
		for e, err := dict.Next(); e != nil && err == nil; e, err = dict.Next() {
			ft.terms[e.Term] |= 1 << bit
			ft.lists++
			ft.postings += e.Count
			if field == fieldTypo {
				ft.typo = append(ft.typo, e.Term)
			}
		}
		dict.Close()
	}
	ft.typo = slices.Clip(ft.typo)
	return ft, nil
}

// has reports whether field may hold term; an unknown field might.
func (ft *fieldTerms) has(field, term string) bool {
	return ft.holds(ft.bitOf(field), term)
}

// bitOf is a field's bit, or -1 for a field the index does not know: a
// pass looks it up once for the many terms it checks (holds).
func (ft *fieldTerms) bitOf(field string) int {
	if bit, ok := ft.fields[field]; ok {
		return bit
	}
	return -1
}

// holds reports whether the field of bit (bitOf) may hold term.
func (ft *fieldTerms) holds(bit int, term string) bool {
	return bit < 0 || ft.terms[term]&(1<<bit) != 0
}
