package index

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"
)

// ErrInvalidData is returned by Open when the data has errors; the
// problems say which.
var ErrInvalidData = errors.New("the data has errors")

// Open loads, validates and indexes a data folder. With opt.Dir it keeps
// what it built there, keyed by a hash of the data's files: a restart or a
// reload of unchanged data reads the decoded records and the index back
// instead of decoding every file and analysing every text again. The
// problems returned then are those found when the records were first
// decoded (warnings about age move on only when the data changes).
//
// What Open built anew it reads back before serving, so that it serves
// what a restart would: the first build's records lie scattered among the
// garbage of decoding and indexing, and the collector cannot give back the
// free slots between them. At generated 100,000 services the heap in use
// when ready was 742 MiB built against 549 MiB read back, for the same live
// data, and resident memory after the tail mix 1,020 against 891 MiB
// (docs/decisions/memory.md, "Session 12"). So the first build makes only
// what is kept (keep), and reading back costs what a warm start costs,
// about 2.5 s there.
func Open(ctx context.Context, fsys fs.FS, now time.Time, opt Options) (*Index, Problems, error) {
	if opt.Dir == "" {
		d, problems := load(fsys, now, false)
		if len(problems.Errors()) > 0 {
			return nil, problems, ErrInvalidData
		}
		if _, err := compactRecords(d); err != nil {
			return nil, problems, err
		}
		ix, err := Build(ctx, d, opt)
		return ix, problems, err
	}
	key, err := ContentKey(fsys)
	if err != nil {
		return nil, nil, fmt.Errorf("read the data: %w", err)
	}
	if s, ok := readSnapshot(opt.Dir, key); ok {
		ix, err := buildKept(ctx, s, key, opt)
		return ix, s.Problems, err
	}
	problems, err := decodeAndKeep(ctx, fsys, now, key, opt)
	if err != nil {
		return nil, problems, err
	}
	// Collected before anything is read back: the records read back then
	// fill spans the first build emptied, not the holes between its
	// survivors.
	runtime.GC()
	if s, ok := readSnapshot(opt.Dir, key); ok {
		ix, err := buildKept(ctx, s, key, opt)
		if err == nil && opt.Log != nil {
			opt.Log.Info("built index read back from the index folder, as a restart reads it")
		}
		return ix, problems, err
	}
	if opt.Log != nil {
		opt.Log.Warn("built index not readable from the index folder; built again", "dir", opt.Dir)
	}
	d, problems := load(fsys, now, false)
	if len(problems.Errors()) > 0 {
		return nil, problems, ErrInvalidData
	}
	if _, err := compactRecords(d); err != nil {
		return nil, problems, err
	}
	ix, err := Build(ctx, d, Options{Dir: opt.Dir, Key: key, Previous: opt.Previous, Log: opt.Log})
	return ix, problems, err
}

// buildKept builds the index of the records kept in opt.Dir, reading back
// the vocabulary, the descriptions' words and bleve's index kept with them.
func buildKept(ctx context.Context, s snapshot, key string, opt Options) (*Index, error) {
	return Build(ctx, s.Directory, Options{Dir: opt.Dir, Key: key, Previous: opt.Previous, Log: opt.Log,
		stats: s.Stats, vocabFile: vocabPath(snapshotPath(opt.Dir, key))})
}

// decodeAndKeep decodes the data folder and keeps in opt.Dir what a
// restart reads back: the records and the words' statistics, then the
// vocabulary, the descriptions' words and bleve's index (keep).
func decodeAndKeep(ctx context.Context, fsys fs.FS, now time.Time, key string, opt Options) (Problems, error) {
	var s snapshot
	s.Directory, s.Problems = load(fsys, now, false)
	if len(s.Problems.Errors()) > 0 {
		return s.Problems, ErrInvalidData
	}
	// The records are encoded for the snapshot, and not compacted: what
	// keep builds reads only their texts, and serving reads them back.
	// Encoding (1.3 s at generated 100,000 services, on one core) runs
	// beside the words' statistics and the start of keep; the snapshot
	// holds the statistics, and the vocabulary is written into its folder
	// once it is there.
	// s is not written once statsLearnt is sent.
	statsLearnt, written := make(chan bool, 1), make(chan error, 1)
	go func() {
		records := encodeRecords(s.Directory.Organizations, snapshotParts)
		if !<-statsLearnt {
			written <- nil // nothing to write
			return
		}
		written <- writeSnapshot(opt.Dir, key, s, records)
	}()
	var err error
	s.Stats, err = newWordStats(s.Directory)
	statsLearnt <- err == nil
	if err != nil {
		<-written
		return s.Problems, err
	}
	vocab, err := keep(ctx, s.Directory, Options{Dir: opt.Dir, Key: key, Previous: opt.Previous, Log: opt.Log, stats: s.Stats})
	if err := errors.Join(<-written, err); err != nil {
		return s.Problems, err
	}
	return s.Problems, writeVocabulary(vocabPath(snapshotPath(opt.Dir, key)), vocab)
}

// keep builds in opt.Dir what a restart reads back besides the records
// (the vocabulary, the descriptions' words and bleve's index), and nothing
// that only serving needs: Open reads it all back at once, and what Build
// makes besides (entries with their facets and places, the situations'
// members, the columns ranking reads, the terms of every field) would be
// thrown away. The services' texts are analysed once, in bleve's batches.
// The vocabulary is returned for the caller to keep (opt.vocabFile is
// empty: its folder may not be written yet).
func keep(ctx context.Context, d *Directory, opt Options) (*vocabulary, error) {
	ix, err := newIndex(d, opt)
	if err != nil {
		return nil, err
	}
	// Only each entry's record is read (descriptions, documents).
	services := 0
	for _, org := range d.Organizations {
		services += len(org.Services)
	}
	ix.entries = make([]entry, 0, services)
	for _, org := range d.Organizations {
		for i := range org.Services {
			ix.entries = append(ix.entries, entry{ref: ServiceRef{org, &org.Services[i]}})
		}
	}
	an := newMemoAnalyzers(ix.an)
	if ix.descWords, err = ix.keptDescWords(opt, an); err != nil {
		return nil, err
	}
	path, err := keptBlevePath(opt)
	if err != nil {
		return nil, err
	}
	if b, ok := ix.openKeptBleve(path); ok {
		return ix.vocab, b.Close()
	}
	return ix.vocab, ix.writeBleve(ctx, opt, an, path)
}

// ContentKey is a hash of every file of a data folder, names and contents,
// and of the index format: the same key means the same index.
func ContentKey(fsys fs.FS) (string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	sums := make([]uint64, len(files))
	errs := make([]error, len(files))
	// Each file streams through a buffer of its core's: reading them whole
	// left the data (219 MB at generated 100k) as garbage at every warm
	// start, resident when the start was ready.
	buffers := sync.Pool{New: func() any { return new([64 << 10]byte) }}
	onEveryCore(len(files), func(i int) {
		buf := buffers.Get().(*[64 << 10]byte)
		sums[i], errs[i] = fileSum(fsys, files[i], buf[:])
		buffers.Put(buf)
	})
	h := xxhash.New()
	h.WriteString(indexFormat)
	for i, f := range files {
		if errs[i] != nil {
			return "", errs[i]
		}
		fmt.Fprintf(h, "\x00%s\x00%x", f, sums[i])
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// fileSum is the hash of a file's content, read through buf.
func fileSum(fsys fs.FS, name string, buf []byte) (uint64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h := xxhash.New()
	for {
		n, err := f.Read(buf)
		h.Write(buf[:n])
		if err == io.EOF {
			return h.Sum64(), nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// snapshot is what Open keeps of decoded, valid records. On disk it is a
// folder: main.gob, the directory without its organizations; the
// organizations in parts that are decoded on every core, and the table of
// their strings (record_codec.go).
type snapshot struct {
	Directory *Directory
	Problems  Problems
	Stats     *wordStats
	Parts     int
	// Format is the records' codec (recordsMagic): a folder kept by
	// another version is decoded anew, never misread.
	Format string
}

// snapshotParts is the number of files the organizations are kept in.
const snapshotParts = 8

func snapshotPath(dir, key string) string {
	return filepath.Join(dir, "wegweiser-data-"+key)
}

func partPath(folder string, i int) string {
	return filepath.Join(folder, fmt.Sprintf("orgs-%d.bin", i))
}

func stringsPath(folder string) string { return filepath.Join(folder, "strings.bin") }

// readSnapshot reads the records decoded from data with this key; false
// when there are none (or they cannot be read: then they are decoded anew).
func readSnapshot(dir, key string) (snapshot, bool) {
	folder := snapshotPath(dir, key)
	var s snapshot
	if err := readGob(filepath.Join(folder, "main.gob"), &s); err != nil || s.Directory == nil || s.Stats == nil ||
		s.Parts < 1 || s.Format != recordsMagic {
		return snapshot{}, false
	}
	// The parts and their strings are read on every core (77 MB at
	// 100,000 generated services), then decoded on every core.
	files := make([][]byte, s.Parts+1)
	errs := make([]error, len(files))
	onEveryCore(len(files), func(i int) {
		path := stringsPath(folder)
		if i < s.Parts {
			path = partPath(folder, i)
		}
		files[i], errs[i] = os.ReadFile(path)
	})
	if errors.Join(errs...) != nil {
		return snapshot{}, false
	}
	e := encodedRecords{parts: files[:s.Parts], strings: files[s.Parts]}
	var err error
	if s.Directory.Organizations, err = e.decode(); err != nil {
		return snapshot{}, false
	}
	return s, true
}

func readGob(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(v)
}

func writeGob(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = gob.NewEncoder(w).Encode(v)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeSnapshot keeps decoded records beside the index (s.Directory's
// organizations as records encodes them), written whole or not at all,
// and removes those of older data.
func writeSnapshot(dir, key string, s snapshot, records encodedRecords) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("index dir: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, ".snapshot-")
	if err != nil {
		return fmt.Errorf("index dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	head := *s.Directory
	head.Organizations = nil
	s.Directory, s.Parts, s.Format = &head, len(records.parts), recordsMagic
	err = writeGob(filepath.Join(tmp, "main.gob"), s)
	for i := 0; i < len(records.parts) && err == nil; i++ {
		err = os.WriteFile(partPath(tmp, i), records.parts[i], 0o644)
	}
	if err == nil {
		err = os.WriteFile(stringsPath(tmp), records.strings, 0o644)
	}
	if err != nil {
		return fmt.Errorf("keep the records: %w", err)
	}
	path := snapshotPath(dir, key)
	os.RemoveAll(path)
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("keep the records: %w", err)
	}
	removeOlder(dir, "wegweiser-data-", path)
	return nil
}

// removeOlder deletes what dir keeps for other data: every file or
// directory whose name begins with prefix, but keep. Failures are left:
// the next write tries again.
func removeOlder(dir, prefix, keep string) {
	old, _ := filepath.Glob(filepath.Join(dir, prefix+"*"))
	for _, p := range old {
		if p != keep {
			os.RemoveAll(p)
		}
	}
}
