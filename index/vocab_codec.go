package index

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// The vocabulary is a function of the data's topics, groups, situations
// and fillers, of the German dictionary and of this program's code
// (analyzers, transliteration, office words). Building it analyses 22,000
// phrases in 23 languages: about half of a build of the real data and
// 0.15-0.3 cpu-s of every warm start. So --index-dir keeps it as built,
// and a warm start reads it back (vocab_kept.go says when it may).
//
// The encoding uses the records' table of strings (record_codec.go):
// every string once, read back as a slice of one block. Lists of terms
// that phrases share are written once and shared again when read.
// TestVocabCodecCoversEveryField fails when a field is added to the
// vocabulary and not here.

// encodeVocabulary writes v with w's table of strings.
func encodeVocabulary(w *recordWriter, v *vocabulary) []byte {
	e := vocabEncoder{recordEncoder: recordEncoder{w: w}, terms: map[string]int{}, words: map[string]int{}}
	e.uint(uint64(len(v.situations)))
	e.concepts(v)
	e.phrases(v.phrases)
	encodeMap(&e, v.byTerm, func(refs []wordRef) {
		e.uint(uint64(len(refs)))
		for _, r := range refs {
			e.uint(uint64(r.phrase))
			e.uint(uint64(r.word))
			e.bool(r.head)
		}
	})
	encodeMap(&e, v.idf, e.float64)
	encodeMap(&e, v.words, e.set)
	encodeMap(&e, v.plainWords, e.set)
	encodeMap(&e, v.countries, e.ints)
	encodeMap(&e, v.origins, e.ints)
	e.strs(sortedKeys(v.officeTypos.byTerm)) // its lists are the vocabulary's
	encodeMap(&e, v.officeVowels, e.str)
	e.strs(sortedKeys(v.others)) // made again: analyzers are code
	encodeMap(&e, v.byScript, e.strs)
	encodeMap(&e, v.translit.keys, e.translitWords)
	encodeMap(&e, v.translit.stems, e.translitWords)
	encodeMap(&e, v.translit.pairs, func(m map[string][]translitPair) {
		encodeMap(&e, m, func(pairs []translitPair) {
			e.uint(uint64(len(pairs)))
			for _, p := range pairs {
				e.str(p.lang)
				e.str(p.first)
				e.str(p.second)
			}
		})
	})
	encodeMap(&e, v.asked, e.str)
	e.set(v.bigrams)
	encodeMap(&e, v.fillers, e.strs)
	e.uint(uint64(len(v.intentSurface)))
	for _, pi := range slices.Sorted(mapKeys(v.intentSurface)) {
		e.uint(uint64(pi))
		e.strs(v.intentSurface[pi].surface)
	}
	e.uint(uint64(len(v.memberPhrases)))
	for _, k := range slices.SortedFunc(mapKeys(v.memberPhrases), compareTextKeys) {
		e.str(k.lang)
		e.str(k.text)
		e.uint(uint64(len(v.memberPhrases[k])))
		for _, pi := range v.memberPhrases[k] {
			e.uint(uint64(pi))
		}
	}
	e.strs(v.germanLong)
	return e.b
}

type vocabEncoder struct {
	recordEncoder
	// terms numbers the lists of a word's terms, words the lists of a
	// phrase's words, each by its content: written once, shared again.
	terms, words map[string]int
}

func (e *vocabEncoder) concepts(v *vocabulary) {
	situation := func(s *Situation) uint64 { // 0: none
		if s == nil {
			return 0
		}
		for i := range v.situations {
			if &v.situations[i] == s {
				return uint64(i) + 1
			}
		}
		panic("vocabulary: a concept's situation is not the vocabulary's") // a bug in newVocabulary
	}
	e.uint(uint64(len(v.concepts)))
	for _, c := range v.concepts {
		e.bool(c.group)
		e.str(c.id)
		e.uint(situation(c.body))
		e.uint(situation(c.situation))
	}
}

func (e *vocabEncoder) phrases(ps []phrase) {
	e.uint(uint64(len(ps)))
	for _, p := range ps {
		e.uint(uint64(p.concept))
		e.uint(uint64(p.situation + 1))
		e.str(p.lang)
		e.str(p.text)
		e.phraseWords(p.words)
		e.bool(p.full)
		e.strs(p.dropped)
	}
}

// phraseWords writes a phrase's words as a number: a new list is written
// in full, its words' terms each as a number too.
func (e *vocabEncoder) phraseWords(words [][]string) {
	key := make([]string, len(words))
	for i, ts := range words {
		key[i] = strings.Join(ts, "\x00")
	}
	e.listID(e.words, key, func() {
		e.uint(uint64(len(words)))
		for _, ts := range words {
			e.listID(e.terms, ts, func() { e.strs(ts) })
		}
	})
}

// listID writes the number of a list seen before, or (a number past the
// last one) the list itself with write.
func (e *vocabEncoder) listID(seen map[string]int, list []string, write func()) int {
	k := strings.Join(list, "\x01") + "\x02" // an empty list is not a list of one empty string
	if id, ok := seen[k]; ok {
		e.uint(uint64(id))
		return id
	}
	id := len(seen)
	seen[k] = id
	e.uint(uint64(id))
	write()
	return id
}

func (e *vocabEncoder) float64(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

// set writes the words of a set; every value is true (vocabWords).
func (e *vocabEncoder) set(m map[string]bool) { e.strs(sortedKeys(m)) }

func (e *vocabEncoder) ints(list []int) {
	e.uint(uint64(len(list)))
	for _, n := range list {
		e.uint(uint64(n))
	}
}

func (e *vocabEncoder) translitWords(ws []translitWord) {
	e.uint(uint64(len(ws)))
	for _, w := range ws {
		e.str(w.lang)
		e.str(w.word)
	}
}

// encodeMap writes a map in the order of its keys: the same vocabulary
// makes the same file.
func encodeMap[V any](e *vocabEncoder, m map[string]V, value func(V)) {
	e.uint(uint64(len(m)))
	for _, k := range sortedKeys(m) {
		e.str(k)
		value(m[k])
	}
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func compareTextKeys(a, b textKey) int {
	if c := strings.Compare(a.lang, b.lang); c != 0 {
		return c
	}
	return strings.Compare(a.text, b.text)
}

// decodeVocabulary reads what encodeVocabulary wrote, for the directory d
// it was built from, with d's German dictionary and analyzers. A damaged
// encoding is an error, never a vocabulary.
func decodeVocabulary(b []byte, strs []string, d *Directory, an *analyzers, germanWords []string) (*vocabulary, error) {
	r := vocabDecoder{recordDecoder: recordDecoder{b: b, strs: strs}}
	v := &vocabulary{situations: d.Situations, dictionary: germanWords,
		others: map[string]analysis.Analyzer{}, pipelines: map[string]analysis.Analyzer{}}
	if r.uint() != uint64(len(d.Situations)) {
		return nil, errRecords
	}
	v.concepts = r.concepts(d.Situations)
	v.phrases = r.phrases(len(v.concepts), len(d.Situations))
	v.byTerm = decodeMap(&r, func() []wordRef {
		refs := make([]wordRef, r.count())
		for i := range refs {
			refs[i] = wordRef{phrase: r.index(len(v.phrases)), word: int32(r.uint()), head: r.bool()}
		}
		return refs
	})
	v.idf = decodeMap(&r, r.float64)
	v.words = decodeMap(&r, r.set)
	v.plainWords = decodeMap(&r, r.set)
	v.countries = decodeMap(&r, r.ints)
	v.origins = decodeMap(&r, r.ints)
	v.fuzzy = newFuzzyTerms(v.byTerm)
	office := map[string][]wordRef{}
	for _, k := range r.strList() {
		office[k] = v.byTerm[k]
	}
	v.officeTypos = newFuzzyTerms(office)
	v.officeVowels = decodeMap(&r, r.str)
	for _, lang := range r.strList() {
		v.analyzer(lang, an)
	}
	v.byScript = decodeMap(&r, r.strList)
	v.translit = &transliterator{keys: decodeMap(&r, r.translitWords), stems: decodeMap(&r, r.translitWords)}
	v.translit.pairs = decodeMap(&r, func() map[string][]translitPair {
		return decodeMap(&r, func() []translitPair {
			pairs := make([]translitPair, r.count())
			for i := range pairs {
				pairs[i] = translitPair{lang: r.str(), first: r.str(), second: r.str()}
			}
			return pairs
		})
	})
	v.asked = decodeMap(&r, r.str)
	v.bigrams = r.set()
	v.fillers = decodeMap(&r, r.strList)
	n := r.count()
	v.intentSurface = make(map[int32]intentWords, n)
	for range n {
		pi := r.index(len(v.phrases))
		v.intentSurface[pi] = newIntentWords(v.phrases[pi].lang, r.strList())
	}
	n = r.count()
	v.memberPhrases = make(map[textKey][]int32, n)
	for range n {
		k := textKey{r.str(), r.str()}
		list := make([]int32, r.count())
		for i := range list {
			list[i] = r.index(len(v.phrases))
		}
		v.memberPhrases[k] = list
	}
	v.germanLong = r.strList()
	if r.err == nil && r.pos != len(b) {
		r.err = errRecords
	}
	if r.err != nil {
		return nil, r.err
	}
	return v, nil
}

// vocabDecoder reads what vocabEncoder wrote.
type vocabDecoder struct {
	recordDecoder
	terms [][]string   // the lists of terms read so far, by number
	words [][][]string // the lists of words read so far, by number
}

// index is a number below n (a phrase's, a concept's); damage beyond it
// is an error.
func (r *vocabDecoder) index(n int) int32 {
	i := r.uint()
	if i >= uint64(n) {
		if r.err == nil {
			r.err = errRecords
		}
		return 0
	}
	return int32(i)
}

func (r *vocabDecoder) concepts(situations []Situation) []concept {
	situation := func() *Situation {
		if i := r.index(len(situations) + 1); i > 0 {
			return &situations[i-1]
		}
		return nil
	}
	out := make([]concept, r.count())
	for i := range out {
		out[i] = concept{group: r.bool(), id: r.str(), body: situation(), situation: situation()}
	}
	return out
}

func (r *vocabDecoder) phrases(concepts, situations int) []phrase {
	out := make([]phrase, r.count())
	for i := range out {
		p := &out[i]
		p.concept = int(r.index(concepts))
		p.situation = int(r.index(situations+1)) - 1
		p.lang, p.text = r.str(), r.str()
		p.words = r.phraseWords()
		p.full, p.dropped = r.bool(), r.strList()
	}
	return out
}

func (r *vocabDecoder) phraseWords() [][]string {
	id := r.uint()
	switch {
	case id < uint64(len(r.words)):
		return r.words[id]
	case id > uint64(len(r.words)):
		r.err = errRecords
		return nil
	}
	words := make([][]string, r.count())
	for i := range words {
		words[i] = r.termList()
	}
	r.words = append(r.words, words)
	return words
}

func (r *vocabDecoder) termList() []string {
	id := r.uint()
	switch {
	case id < uint64(len(r.terms)):
		return r.terms[id]
	case id > uint64(len(r.terms)):
		r.err = errRecords
		return nil
	}
	ts := r.strList()
	r.terms = append(r.terms, ts)
	return ts
}

func (r *vocabDecoder) float64() float64 {
	if r.err != nil || len(r.b)-r.pos < 8 {
		r.err = errRecords
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(r.b[r.pos:]))
	r.pos += 8
	return f
}

func (r *vocabDecoder) set() map[string]bool {
	n := r.count()
	m := make(map[string]bool, n)
	for range n {
		m[r.str()] = true
	}
	return m
}

func (r *vocabDecoder) ints() []int {
	out := make([]int, r.count())
	for i := range out {
		out[i] = int(r.uint())
	}
	return out
}

func (r *vocabDecoder) translitWords() []translitWord {
	out := make([]translitWord, r.count())
	for i := range out {
		out[i] = translitWord{lang: r.str(), word: r.str()}
	}
	return out
}

// decodeMap reads a map encodeMap wrote.
func decodeMap[V any](r *vocabDecoder, value func() V) map[string]V {
	n := r.count()
	m := make(map[string]V, n)
	for range n {
		k := r.str()
		m[k] = value()
	}
	return m
}
