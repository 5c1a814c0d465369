package index

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// --index-dir keeps the vocabulary beside the records it was built from
// (vocabPath), so that a warm start reads it instead of analysing every
// phrase again. A vocabulary is a function of the data (the folder's key
// says which) and of this program's code: a kept one is used only when it
// was written by the same build of the program (codeKey), and its
// checksum holds. Otherwise it is built anew and kept again, and the
// reason is logged; it is never misread.

// vocabMagic starts the file; change its version when the layout changes.
const vocabMagic = "wegweiser-vocabulary-1\n"

func vocabPath(folder string) string { return filepath.Join(folder, "vocabulary.bin") }

// codeKey identifies the running program: the Go build ID of its
// executable as loaded (/proc/self/exe still reads it when the file on
// disk has been replaced by a newer build), a hash of its inputs and of
// the linked program that the go command writes into every binary; a
// hash of the whole executable where there is none (built with
// -buildid=, or not ELF). Where there is no executable to read, the
// vocabulary is not kept. Package state on purpose: the program does not
// change while it runs.
var codeKey = sync.OnceValues(func() (string, error) {
	const exe = "/proc/self/exe"
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			// an ELF note: sizes and type (12 bytes), "Go\x00\x00", the ID
			if b, err := s.Data(); err == nil && len(b) > 16 && string(b[12:16]) == "Go\x00\x00" {
				return "go-build-id " + strings.TrimRight(string(b[16:]), "\x00"), nil
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("no executable to tell this program's vocabulary by: %w", err)
	}
	defer f.Close()
	h := xxhash.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read the executable: %w", err)
	}
	return "xxhash " + strconv.FormatUint(h.Sum64(), 16), nil
})

// errVocabStale says a kept vocabulary was built by another program.
var errVocabStale = errors.New("built by another version of wegweiser")

// marshalVocabulary is the file of a vocabulary built by the program code:
// vocabMagic, code, the table of strings, the vocabulary, and a checksum
// of all before it.
func marshalVocabulary(v *vocabulary, code string) []byte {
	w := newRecordWriter()
	body := encodeVocabulary(w, v)
	table := w.stringsBlock()
	b := make([]byte, 0, len(vocabMagic)+len(code)+len(table)+len(body)+32)
	b = append(b, vocabMagic...)
	b = binary.AppendUvarint(b, uint64(len(code)))
	b = append(b, code...)
	b = binary.AppendUvarint(b, uint64(len(table)))
	b = append(b, table...)
	b = append(b, body...)
	return binary.LittleEndian.AppendUint64(b, xxhash.Sum64(b))
}

// unmarshalVocabulary reads a vocabulary file of the program code for d.
func unmarshalVocabulary(b []byte, code string, d *Directory, an *analyzers, germanWords []string) (*vocabulary, error) {
	if !bytes.HasPrefix(b, []byte(vocabMagic)) {
		return nil, errors.New("of another format")
	}
	end := len(b) - 8
	if end < len(vocabMagic) || binary.LittleEndian.Uint64(b[end:]) != xxhash.Sum64(b[:end]) {
		return nil, errors.New("damaged (checksum)")
	}
	r := recordDecoder{b: b[:end], pos: len(vocabMagic)}
	n := r.count()
	if r.err != nil || string(b[r.pos:r.pos+n]) != code {
		return nil, errVocabStale
	}
	r.pos += n
	n = r.count()
	if r.err != nil {
		return nil, errRecords
	}
	strs, err := readStrings(b[r.pos : r.pos+n])
	if err == nil {
		var v *vocabulary
		if v, err = decodeVocabulary(b[r.pos+n:end], strs, d, an, germanWords); err == nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("vocabulary: %w", err)
}

// readVocabulary reads the vocabulary kept at path; fs.ErrNotExist when
// none is.
func readVocabulary(path string, d *Directory, an *analyzers, germanWords []string) (*vocabulary, error) {
	code, err := codeKey()
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return unmarshalVocabulary(b, code, d, an, germanWords)
}

// writeVocabulary keeps v at path, whole or not at all; nothing when this
// program cannot be told by its executable.
func writeVocabulary(path string, v *vocabulary) error {
	code, err := codeKey()
	if err != nil {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".vocabulary-")
	if err != nil {
		return fmt.Errorf("keep the vocabulary: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(marshalVocabulary(v, code))
	if err == nil {
		err = tmp.Chmod(0o644) // as the records beside it
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("keep the vocabulary: %w", err)
	}
	return nil
}

// keptVocabulary reads the vocabulary kept for opt's data, or nil (with
// the reason logged, unless none was kept).
func keptVocabulary(opt Options, d *Directory, an *analyzers, germanWords []string) *vocabulary {
	if opt.vocabFile == "" {
		return nil
	}
	v, err := readVocabulary(opt.vocabFile, d, an, germanWords)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && opt.Log != nil {
		opt.Log.Info("kept vocabulary not used; building it anew", "reason", err.Error())
	}
	return v
}

// keepVocabulary writes v where opt says: a vocabulary not read from
// there (built, reused from the index replaced, or read but refused).
func keepVocabulary(opt Options, v *vocabulary) error {
	if opt.vocabFile == "" {
		return nil
	}
	return writeVocabulary(opt.vocabFile, v)
}
