package index

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"unicode/utf8"
)

// descWords are the words of every service description of the index,
// found once when the index is built: for each distinct description (a
// text in a language), its tokens in text order, each a term of its
// language's analyzer and the byte span of the word it came from. A
// snippet looks the query's terms up among them, so no search analyses
// text: analysing a German description (decompounding) cost a query's
// first search several times what the search itself costs
// (docs/decisions/query-cost.md, "Session 5").
type descWords struct {
	termIDs map[string]uint32 // every term of the descriptions
	descIndex
	// ends[d] is where description d's tokens end in packed; they begin
	// where d-1's end.
	ends []uint32
	// packed holds every description's tokens, one after another, each
	// as varints (packToken): about 4 bytes a word, 2 for each further
	// term of a word (German compounds), so that they stay small beside
	// the index at 100,000 services.
	packed []byte
}

// descIndex says which distinct description each service has in each
// language, by the service's entry: a page's hits are entries, and a few
// numbers per service cost less than a map keyed by the texts (~57 bytes a
// description at 100,000 generated services).
type descIndex struct {
	langs []uint16 // [entry]: bit l when it has a description in Languages[l]
	first []uint32 // [entry]: its first description's place in desc
	desc  []uint32 // the description numbers of every entry's languages, in Languages' order
}

// descKey is a text in a language, the key of a description.
type descKey struct{ lang, text string }

// of is the number of the description entry ord has in lang.
func (x *descIndex) of(ord int32, lang string) (uint32, bool) {
	l := slices.Index(Languages, lang)
	if l < 0 || ord < 0 || int(ord) >= len(x.langs) || x.langs[ord]&(1<<l) == 0 {
		return 0, false
	}
	return x.desc[x.first[ord]+uint32(bits.OnesCount16(x.langs[ord]&(1<<l-1)))], true
}

// distinctDescriptions are the services' descriptions, each once, in the
// order of the services and Languages (their tokens are packed in this
// order), and which of them each service has.
func distinctDescriptions(entries []entry) ([]descKey, descIndex) {
	number := map[descKey]uint32{}
	var keys []descKey
	x := descLanguages(entries)
	for i := range entries {
		desc := entries[i].ref.Service.Description
		for l, lang := range Languages {
			if x.langs[i]&(1<<l) == 0 {
				continue
			}
			key := descKey{lang, desc[lang]}
			d, ok := number[key]
			if !ok {
				d = uint32(len(keys))
				number[key] = d
				keys = append(keys, key)
			}
			x.desc = append(x.desc, d)
		}
	}
	return keys, x
}

// descLanguages is the descIndex of the entries without the descriptions'
// numbers: which languages each has a description in, and where its
// numbers begin; desc is empty, with room for every number.
func descLanguages(entries []entry) descIndex {
	if len(Languages) > 16 {
		panic("descIndex keeps a service's languages in 16 bits")
	}
	x := descIndex{langs: make([]uint16, len(entries)), first: make([]uint32, len(entries))}
	n := uint32(0)
	for i := range entries {
		x.first[i] = n
		desc := entries[i].ref.Service.Description
		for l, lang := range Languages {
			if desc[lang] != "" {
				x.langs[i] |= 1 << l
				n++
			}
		}
	}
	x.desc = make([]uint32, 0, n)
	return x
}

// descToken is one token of a description: its term and the byte offsets
// of its word in the text. The tokens of one word (a German compound and
// its parts) come together and share the word's offsets.
type descToken struct {
	term       uint32
	start, end uint32
}

// newDescWords analyses the distinct descriptions of the services with
// the build's analyzers, on every core. Copies of a record share their
// descriptions, so the tokens grow with the distinct texts.
func newDescWords(entries []entry, an *memoAnalyzers) *descWords {
	keys, x := distinctDescriptions(entries)
	parts := make([]descPart, min(len(keys), 4*runtime.GOMAXPROCS(0)))
	onEveryCore(len(parts), func(p int) {
		parts[p].analyse(keys[len(keys)*p/len(parts):len(keys)*(p+1)/len(parts)], an)
	})
	dw := &descWords{termIDs: map[string]uint32{}, descIndex: x, ends: make([]uint32, 0, len(keys))}
	for p := range parts {
		dw.merge(&parts[p])
		parts[p] = descPart{}
	}
	dw.packed = slices.Clip(dw.packed)
	return dw
}

// descPart is the analysis of some of the descriptions, with term numbers
// of its own (merge renumbers them): the parts are analysed at once.
type descPart struct {
	ends   []uint32 // where each description's tokens end
	terms  []string
	ids    map[string]uint32
	tokens []descToken
}

func (p *descPart) analyse(keys []descKey, an *memoAnalyzers) {
	p.ids = map[string]uint32{}
	for _, key := range keys {
		for _, tok := range an.lang[key.lang].Analyze([]byte(key.text)) {
			id, ok := p.ids[string(tok.Term)]
			if !ok {
				id = uint32(len(p.terms))
				p.terms = append(p.terms, string(tok.Term))
				p.ids[p.terms[id]] = id
			}
			p.tokens = append(p.tokens, descToken{id, uint32(tok.Start), uint32(tok.End)})
		}
		p.ends = append(p.ends, uint32(len(p.tokens)))
	}
}

// merge appends a part's tokens, numbered by the shared table of terms.
func (dw *descWords) merge(p *descPart) {
	renumber := make([]uint32, len(p.terms))
	for i, t := range p.terms {
		id, ok := dw.termIDs[t]
		if !ok {
			id = uint32(len(dw.termIDs))
			dw.termIDs[t] = id
		}
		renumber[i] = id
	}
	tok := 0
	for _, end := range p.ends {
		var prev descToken
		for ; tok < int(end); tok++ {
			t := p.tokens[tok]
			t.term = renumber[t.term]
			dw.packed = packToken(dw.packed, t, prev)
			prev = t
		}
		dw.ends = append(dw.ends, uint32(len(dw.packed)))
	}
}

// packToken appends a token as varints: its term, doubled and plus one
// when it is another term of the word before (the word's offsets then
// are not repeated); else the distance of its word's start from the word
// before's start, and its word's length.
func packToken(b []byte, t, prev descToken) []byte {
	if t.start == prev.start && t.end == prev.end && (prev != descToken{}) {
		return binary.AppendUvarint(b, uint64(t.term)<<1|1)
	}
	b = binary.AppendUvarint(b, uint64(t.term)<<1)
	b = binary.AppendUvarint(b, uint64(t.start-prev.start))
	return binary.AppendUvarint(b, uint64(t.end-t.start))
}

// unpackToken reads the token packToken wrote after prev, and what is
// left of b; ok is false when b ends or holds no token.
func unpackToken(b []byte, prev descToken) (t descToken, rest []byte, ok bool) {
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return t, nil, false
	}
	t.term, b = uint32(v>>1), b[n:]
	if v&1 == 1 {
		t.start, t.end = prev.start, prev.end
		return t, b, true
	}
	delta, n := binary.Uvarint(b)
	if n <= 0 {
		return t, nil, false
	}
	size, m := binary.Uvarint(b[n:])
	if m <= 0 {
		return t, nil, false
	}
	t.start = prev.start + uint32(delta)
	t.end = t.start + uint32(size)
	return t, b[n+m:], true
}

// queryTerms appends the numbers of the query's distinct terms in one
// language that some description has.
func (dw *descWords) queryTerms(ids []uint32, q *parsedQuery, lang string) []uint32 {
	for _, w := range q.words {
		for _, t := range w.forms[lang] {
			if id, ok := dw.termIDs[t]; ok && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// marks appends to marks the byte ranges of the words of entry ord's
// description in lang (text) that have a term of want, in text order, up
// to where a snippet around the first one can end (snippetHTML: at most
// snippetRunes runes of up to 4 bytes from a start before the first
// mark); the rest would not be shown.
func (dw *descWords) marks(marks [][2]int, ord int32, text, lang string, want []uint32) [][2]int {
	d, ok := dw.of(ord, lang)
	if !ok {
		return marks
	}
	from := uint32(0)
	if d > 0 {
		from = dw.ends[d-1]
	}
	var tok descToken
	for b, ok := dw.packed[from:dw.ends[d]], true; len(b) > 0 && ok; {
		if tok, b, ok = unpackToken(b, tok); !ok || !slices.Contains(want, tok.term) {
			continue
		}
		if tok.start > tok.end || int(tok.end) > len(text) { // a damaged kept file: never a mark outside the text
			break
		}
		span := [2]int{int(tok.start), int(tok.end)}
		if n := len(marks); n > 0 {
			if marks[n-1] == span { // another wanted term of the same word
				continue
			}
			if span[0] >= marks[0][0]+utf8.UTFMax*snippetRunes {
				break
			}
		}
		marks = append(marks, span)
	}
	return marks
}
