package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cespare/xxhash/v2"
)

// A persisted index (Options.Dir) keeps its descriptions' words beside it,
// keyed by the data's content key as the index is: a restart of unchanged
// data reads them back instead of analysing every description again
// (about 1 s of CPU at 10,000 generated services, ten at 100,000).
const (
	descWordsPrefix = "wegweiser-words-"
	descWordsMagic  = "wegweiser-words-3\n"
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
	if err := writeDescWords(opt.Dir, path, dw); err != nil {
		return nil, fmt.Errorf("keep the descriptions' words: %w", err)
	}
	return dw, nil
}

// writeDescWords writes the magic, an xxhash of the rest, the terms (each
// a length and its bytes), the number of descriptions and the length of
// each one's packed tokens (in the order of distinctDescriptions), the
// number of every service's description in each of its languages (so that
// reading back hashes no text: that was a tenth of a warm start at
// generated 100k), then the packed tokens; in full or not at all. Words
// kept for other data are removed.
func writeDescWords(dir, path string, dw *descWords) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	terms := make([]string, len(dw.termIDs))
	for t, id := range dw.termIDs {
		terms[id] = t
	}
	b := binary.AppendUvarint(nil, uint64(len(terms)))
	for _, t := range terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	b = binary.AppendUvarint(b, uint64(len(dw.ends)))
	from := uint32(0)
	for _, end := range dw.ends {
		b = binary.AppendUvarint(b, uint64(end-from))
		from = end
	}
	b = binary.AppendUvarint(b, uint64(len(dw.desc)))
	for _, d := range dw.desc {
		b = binary.AppendUvarint(b, uint64(d))
	}
	b = append(b, dw.packed...)
	head := binary.LittleEndian.AppendUint64([]byte(descWordsMagic), xxhash.Sum64(b))
	tmp, err := os.CreateTemp(dir, ".words-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(head)
	if err == nil {
		_, err = tmp.Write(b)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return err
	}
	removeOlder(dir, descWordsPrefix, path)
	return nil
}

// errKeptWords says a kept file does not hold the words of this data.
var errKeptWords = errors.New("kept words do not fit the data")

// readDescWords reads what writeDescWords wrote for the same entries, or
// fails: another format, a damaged file (its hash) or other data (the
// number of descriptions). A token is checked against its text when a
// snippet reads it (descWords.marks).
func readDescWords(b []byte, entries []entry) (*descWords, error) {
	n := len(descWordsMagic)
	if len(b) < n+8 || string(b[:n]) != descWordsMagic || binary.LittleEndian.Uint64(b[n:]) != xxhash.Sum64(b[n+8:]) {
		return nil, errKeptWords
	}
	r := kept{b: b[n+8:]}
	terms := r.count()
	dw := &descWords{termIDs: make(map[string]uint32, terms)}
	for i := range terms {
		size := r.count()
		if r.bad {
			return nil, errKeptWords
		}
		dw.termIDs[string(r.b[:size])] = uint32(i)
		r.b = r.b[size:]
	}
	descs := r.count()
	if r.bad || len(dw.termIDs) != terms {
		return nil, errKeptWords
	}
	dw.ends = make([]uint32, descs)
	end := 0
	for d := range dw.ends {
		end += r.count()
		dw.ends[d] = uint32(end)
	}
	x := descLanguages(entries)
	if r.count() != cap(x.desc) || r.bad {
		return nil, errKeptWords
	}
	next := uint64(0) // numbered as distinctDescriptions numbers them: each new one next
	for range cap(x.desc) {
		d := r.number()
		if d > next || d >= uint64(descs) {
			return nil, errKeptWords
		}
		if d == next {
			next++
		}
		x.desc = append(x.desc, uint32(d))
	}
	if next != uint64(descs) {
		return nil, errKeptWords
	}
	dw.descIndex = x
	if r.bad || end != len(r.b) {
		return nil, errKeptWords
	}
	dw.packed = r.b
	return dw, nil
}

// kept reads the counts of a kept file; bad once one could not be read.
type kept struct {
	b   []byte
	bad bool
}

// number is a number that is not a count (not bounded by the bytes left).
func (r *kept) number() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
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
