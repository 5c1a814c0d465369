package index

import (
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// A hot reload rebuilds the index when an editor saves a record, and the
// vocabulary (topics, groups and situations in 23 languages) is most of
// what a build analyses, though records do not change it. So a build reuses
// the vocabulary of the index it replaces when building it again would give
// the same: the same topics, groups, situations and fillers, analysed by
// analyzers that treat its words the same. Only the German analyzer depends
// on the records (its decompounding dictionary is the data's German words),
// and it splits the vocabulary's words as before unless a word added to or
// removed from the dictionary occurs inside one of them.

// reusableVocabulary returns prev's vocabulary if a vocabulary built for d
// with the German dictionary germanWords would be the same, else nil.
func reusableVocabulary(prev *Index, d *Directory, germanWords []string) *vocabulary {
	if prev == nil || prev.vocab == nil || prev.dir == nil {
		return nil
	}
	p, v := prev.dir, prev.vocab
	if !same(p.Topics, d.Topics) || !same(p.Groups, d.Groups) || !same(p.Situations, d.Situations) || !same(p.Fillers, d.Fillers) {
		return nil
	}
	for _, w := range dictionaryChange(v.dictionary, germanWords) {
		for _, long := range v.germanLong {
			if strings.Contains(long, w) {
				return nil
			}
		}
	}
	return v
}

// same is reflect.DeepEqual, except that an empty slice or map equals a nil
// one: records kept by --index-dir (gob) come back with nil for empty.
func same[T any](a, b T) bool { return sameValue(reflect.ValueOf(a), reflect.ValueOf(b)) }

func sameValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for it := a.MapRange(); it.Next(); {
			if bv := b.MapIndex(it.Key()); !bv.IsValid() || !sameValue(it.Value(), bv) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	}
	return a.CanInterface() && b.CanInterface() && reflect.DeepEqual(a.Interface(), b.Interface())
}

// dictionaryChange lists the words in one sorted dictionary and not in the
// other.
func dictionaryChange(a, b []string) []string {
	if slices.Equal(a, b) {
		return nil
	}
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			i, j = i+1, j+1
		}
	}
	return out
}

// germanCompoundInputs are the tokens of German words that the
// decompounding filter splits (long enough), as it sees them: the only
// part of the vocabulary's analysis the dictionary changes.
func germanCompoundInputs(words []string) []string {
	seen := map[string]bool{}
	for _, w := range words {
		germanTokens(w, func(tok []byte) {
			if utf8.RuneCount(tok) >= compoundMinWord {
				seen[string(tok)] = true
			}
		})
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}
