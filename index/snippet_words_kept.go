package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// A persisted index (Options.Dir) keeps its descriptions' words beside it,
// keyed by the data's content key as the index is: a restart of unchanged
// data reads them back instead of analysing every description again
// (about 1 s of CPU at 10,000 generated services, ten at 100,000).
const (
	descWordsPrefix = "wegweiser-words-"
	descWordsMagic  = "wegweiser-words-1\n"
)

// keptDescWords are the descriptions' words: read back from opt.Dir when
// kept there for the same data, else found and, with opt.Dir, kept.
func (ix *Index) keptDescWords(opt Options, an *memoAnalyzers) (*descWords, error) {
	if opt.Dir == "" || opt.Key == "" {
		return newDescWords(ix.entries, an), nil
	}
	path := filepath.Join(opt.Dir, descWordsPrefix+opt.Key)
	if b, err := os.ReadFile(path); err == nil {
		if dw, err := readDescWords(b, ix.entries); err == nil {
			return dw, nil
		}
	}
	dw := newDescWords(ix.entries, an)
	if err := writeDescWords(opt.Dir, path, dw, ix.entries); err != nil {
		return nil, fmt.Errorf("keep the descriptions' words: %w", err)
	}
	return dw, nil
}

// writeDescWords writes the magic, the terms (each a length and its
// bytes), the number of descriptions and the length of each one's packed
// tokens in the order of distinctDescriptions, then the packed tokens; in
// full or not at all. Words kept for other data are removed.
func writeDescWords(dir, path string, dw *descWords, entries []entry) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	terms := make([]string, len(dw.termIDs))
	for t, id := range dw.termIDs {
		terms[id] = t
	}
	b := []byte(descWordsMagic)
	b = binary.AppendUvarint(b, uint64(len(terms)))
	for _, t := range terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	keys := distinctDescriptions(entries)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, key := range keys {
		r := dw.descs[key]
		b = binary.AppendUvarint(b, uint64(r.to-r.from))
	}
	b = append(b, dw.packed...)
	tmp, err := os.CreateTemp(dir, ".words-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, descWordsPrefix+"*"))
	for _, p := range old {
		if p != path {
			os.Remove(p)
		}
	}
	return nil
}

// errKeptWords says a kept file does not hold the words of this data.
var errKeptWords = errors.New("kept words do not fit the data")

// readDescWords reads what writeDescWords wrote for the same entries,
// checking every token against its description (a damaged file must not
// put a mark outside a text), or fails.
func readDescWords(b []byte, entries []entry) (*descWords, error) {
	if len(b) < len(descWordsMagic) || string(b[:len(descWordsMagic)]) != descWordsMagic {
		return nil, errKeptWords
	}
	r := kept{b: b[len(descWordsMagic):]}
	n := r.count()
	dw := &descWords{termIDs: make(map[string]uint32, n)}
	for i := range n {
		size := r.count()
		if r.bad || size > len(r.b) {
			return nil, errKeptWords
		}
		dw.termIDs[string(r.b[:size])] = uint32(i)
		r.b = r.b[size:]
	}
	if len(dw.termIDs) != n {
		return nil, errKeptWords
	}
	keys := distinctDescriptions(entries)
	if r.count() != len(keys) || r.bad {
		return nil, errKeptWords
	}
	dw.descs = make(map[descKey]tokenRange, len(keys))
	from := uint32(0)
	for _, key := range keys {
		size := r.count()
		dw.descs[key] = tokenRange{from: from, to: from + uint32(size)}
		from += uint32(size)
	}
	if r.bad || int(from) != len(r.b) {
		return nil, errKeptWords
	}
	dw.packed = r.b
	for key, rg := range dw.descs {
		var ok bool
		if rg.terms, ok = dw.fits(dw.packed[rg.from:rg.to], len(key.text)); !ok {
			return nil, errKeptWords
		}
		dw.descs[key] = rg
	}
	return dw, nil
}

// fits reports whether packed tokens read to their end, each with a known
// term and a word inside a text of n bytes, and returns their terms' bits.
func (dw *descWords) fits(b []byte, n int) (uint64, bool) {
	var tok descToken
	var bits uint64
	for ok := true; len(b) > 0; {
		if tok, b, ok = unpackToken(b, tok); !ok || int(tok.term) >= len(dw.termIDs) ||
			tok.start > tok.end || int(tok.end) > n {
			return 0, false
		}
		bits |= termBit(tok.term)
	}
	return bits, true
}

// kept reads the counts of a kept file; bad once one could not be read.
type kept struct {
	b   []byte
	bad bool
}

func (r *kept) count() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)-n) { // each counted thing takes a byte at least
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}
