package index

import (
	"encoding/binary"
	"runtime"
	"slices"
	"unicode/utf8"
)

// descWords are the words of every service description of the index,
// found once when the index is built: for each description (its language
// and text), its tokens in text order, each a term of its language's
// analyzer and the byte span of the word it came from. A
// snippet looks the query's terms up among them, so no search analyses
// text: analysing a German description (decompounding) cost a query's
// first search several times what the search itself costs
// (docs/decisions/query-cost.md, "Session 5").
type descWords struct {
	termIDs map[string]uint32      // every term of the descriptions
	descs   map[descKey]tokenRange // where each description's tokens are in packed
	// packed holds every description's tokens, one after another, each
	// as varints (packToken): about 4 bytes a word, 2 for each further
	// term of a word (German compounds), so that they stay small beside
	// the index at 100,000 services (docs/decisions/query-cost.md).
	packed []byte
}

// descKey is a text in a language, the key of a description.
type descKey struct{ lang, text string }

// descToken is one token of a description: its term and the byte offsets
// of its word in the text. The tokens of one word (a German compound and
// its parts) come together and share the word's offsets.
type descToken struct {
	term       uint32
	start, end uint32
}

// tokenRange is where a description's tokens are, and the bits of its
// terms (termBit): most hits of a page have none of the query's terms in
// their description (found through their topics), and are passed over
// without reading their tokens.
type tokenRange struct {
	from, to uint32
	terms    uint64
}

// termBit is a term's bit in a set of 64, spread by a multiplicative hash.
func termBit(id uint32) uint64 { return 1 << (uint64(id) * 0x9E3779B97F4A7C15 >> 58) }

// termSet is a few terms, with their bits.
type termSet struct {
	ids  []uint32
	bits uint64
}

func (ts *termSet) add(id uint32) {
	if !slices.Contains(ts.ids, id) {
		ts.ids = append(ts.ids, id)
		ts.bits |= termBit(id)
	}
}

// newDescWords analyses the distinct descriptions of the services with
// the build's analyzers, on every core. Copies of a record share their
// descriptions, so the tokens grow with the distinct texts.
func newDescWords(entries []entry, an *memoAnalyzers) *descWords {
	keys := distinctDescriptions(entries)
	parts := make([]descPart, min(len(keys), 4*runtime.GOMAXPROCS(0)))
	onEveryCore(len(parts), func(p int) {
		parts[p].analyse(keys[len(keys)*p/len(parts):len(keys)*(p+1)/len(parts)], an)
	})
	dw := &descWords{termIDs: map[string]uint32{}, descs: make(map[descKey]tokenRange, len(keys))}
	for p := range parts {
		dw.merge(&parts[p])
		parts[p] = descPart{}
	}
	dw.packed = slices.Clip(dw.packed)
	return dw
}

// distinctDescriptions are the services' descriptions, each once, in the
// order of the services and Languages: their tokens are packed in this
// order.
func distinctDescriptions(entries []entry) []descKey {
	seen := map[descKey]bool{}
	var keys []descKey
	for i := range entries {
		desc := entries[i].ref.Service.Description
		for _, lang := range Languages {
			key := descKey{lang, desc[lang]}
			if key.text != "" && !seen[key] {
				seen[key] = true
				keys = append(keys, key)
			}
		}
	}
	return keys
}

// descPart is the analysis of some of the descriptions, with term numbers
// of its own (merge renumbers them): the parts are analysed at once.
type descPart struct {
	keys   []descKey
	ends   []uint32 // where each key's tokens end
	terms  []string
	ids    map[string]uint32
	tokens []descToken
}

func (p *descPart) analyse(keys []descKey, an *memoAnalyzers) {
	p.keys, p.ids = keys, map[string]uint32{}
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
	for i, key := range p.keys {
		r := tokenRange{from: uint32(len(dw.packed))}
		var prev descToken
		for ; tok < int(p.ends[i]); tok++ {
			t := p.tokens[tok]
			t.term = renumber[t.term]
			dw.packed = packToken(dw.packed, t, prev)
			r.terms |= termBit(t.term)
			prev = t
		}
		r.to = uint32(len(dw.packed))
		dw.descs[key] = r
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

// queryTerms are the query's terms in one language that some description
// has.
func (dw *descWords) queryTerms(q *parsedQuery, lang string) termSet {
	var ts termSet
	for _, w := range q.words {
		for _, t := range w.forms[lang] {
			if id, ok := dw.termIDs[t]; ok {
				ts.add(id)
			}
		}
	}
	return ts
}

// marks appends to marks the byte ranges of the words of a description
// that have a term of want, in text order, up to where a snippet around
// the first one can end (snippetHTML: at most snippetRunes runes of up to
// 4 bytes from a start before the first mark); the rest would not be shown.
func (dw *descWords) marks(marks [][2]int, text, lang string, want termSet) [][2]int {
	r, ok := dw.descs[descKey{lang, text}]
	if !ok || r.terms&want.bits == 0 {
		return marks
	}
	var tok descToken
	for b, ok := dw.packed[r.from:r.to], true; len(b) > 0 && ok; {
		if tok, b, ok = unpackToken(b, tok); !ok || termBit(tok.term)&want.bits == 0 || !slices.Contains(want.ids, tok.term) {
			continue
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
