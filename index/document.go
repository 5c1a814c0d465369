package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Per-language text fields of a service document ("name_de", "desc_ar"…)
// and their weights: names weigh most, then the service's own keywords,
// then prose. The vocabulary of topics and groups is not in the documents;
// it is matched at query time (vocab.go).
var textFields = []struct {
	prefix string
	weight float64
}{
	nameField: {"name", 6}, orgField: {"org", 4}, keywordsField: {"skw", 3.5}, descField: {"desc", 1}, orgDescField: {"odesc", 0.4},
}

// The text fields by their place in textFields.
const (
	nameField     = iota // a service's name
	orgField             // its organization's name
	keywordsField        // the service's keywords
	descField            // the service's description
	orgDescField         // its organization's description
)

// Fields analysed once for every language.
const (
	fieldAlt  = "alt"  // organization id and alternate names ("AWO", "IHK")
	fieldTypo = "typo" // names and service keywords: typo tolerance, search as you type
	altWeight = 6
)

// batchSize bounds the documents analysed and held at once while building:
// one batch for everything would hold every analysed document in memory.
// Each batch is a segment of the index with a dictionary per field, so
// fewer, larger batches cost less to build and to search (generated 10k:
// 1,000 -> 2,500 documents, build 6.0-6.4 -> 5.0-5.9 cpu-s, a search of the
// mixed set 985 -> 851 KB). batchesAtOnce are indexed at the same time.
const (
	batchSize     = 2500
	batchesAtOnce = 2
)

// indexFormat changes whenever the documents or analyzers change, so that a
// persisted index of an older build is not reused.
const indexFormat = "wegweiser-index-5"

// openBleve builds the services' index, in memory or in opt.Dir.
func (ix *Index) openBleve(ctx context.Context, opt Options, an *memoAnalyzers) (bleve.Index, error) {
	if opt.Dir == "" {
		// scorch with an empty path stays in memory (bleve.NewMemOnly would
		// build the deprecated upside_down index, many times slower).
		b, err := bleve.NewUsing("", documentMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("create index: %w", err)
		}
		return b, ix.fill(ctx, b, an)
	}
	path, err := keptBlevePath(opt)
	if err != nil {
		return nil, err
	}
	if b, ok := ix.openKeptBleve(path); ok {
		return b, nil
	}
	if err := ix.writeBleve(ctx, opt, an, path); err != nil {
		return nil, err
	}
	return bleve.Open(path)
}

// documentMapping maps nothing: documents are built here (document).
func documentMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	return m
}

// keptBlevePath is where bleve's index of the data keyed opt.Key is kept.
func keptBlevePath(opt Options) (string, error) {
	if opt.Key == "" {
		return "", errors.New("a persisted index needs the data's content key")
	}
	return filepath.Join(opt.Dir, indexFormat+"-"+opt.Key), nil
}

// openKeptBleve opens the index kept at path when it holds this build's
// documents.
func (ix *Index) openKeptBleve(path string) (bleve.Index, bool) {
	b, err := bleve.Open(path)
	if err != nil {
		return nil, false
	}
	if n, err := b.DocCount(); err == nil && int(n) == len(ix.entries)+len(ix.dir.Organizations) {
		return b, true
	}
	b.Close()
	return nil, false
}

// writeBleve builds the index at path beside any older one there, then
// removes the older.
func (ix *Index) writeBleve(ctx context.Context, opt Options, an *memoAnalyzers, path string) error {
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return fmt.Errorf("index dir: %w", err)
	}
	tmp, err := os.MkdirTemp(opt.Dir, ".building-")
	if err != nil {
		return fmt.Errorf("index dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	b, err := bleve.NewUsing(filepath.Join(tmp, "index"), documentMapping(), scorch.Name, scorch.Name, fillWithoutMerges)
	if err != nil {
		return fmt.Errorf("create index: %w", err)
	}
	if err := ix.fill(ctx, b, an); err != nil {
		b.Close()
		return err
	}
	if err := forceMerge(ctx, b); err != nil {
		b.Close()
		return err
	}
	if err := b.Close(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	os.RemoveAll(path)
	if err := os.Rename(filepath.Join(tmp, "index"), path); err != nil {
		return fmt.Errorf("keep index: %w", err)
	}
	removeOlder(opt.Dir, "wegweiser-index-", path) // of other data or formats
	return nil
}

// fillWithoutMerges is scorch's configuration while a persisted index is
// filled: no segment is merged until all are there (a tier may hold as
// many segments as come), so that forceMerge writes each document once.
// By default scorch merged every ten batches' segments into one as they
// came, and those again, and the final merge wrote them once more.
var fillWithoutMerges = map[string]any{"scorchMergePlanOptions": map[string]any{"MaxSegmentsPerTier": 1 << 20}}

// allAtOnce is scorch's plan for a single segment, merging every segment
// in one task rather than ten at a time.
var allAtOnce = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 1 << 20
	return o
}()

// forceMerge merges a persisted index into one segment: a search looks up
// each term once per segment.
func forceMerge(ctx context.Context, b bleve.Index) error {
	idx, err := b.Advanced()
	if err != nil {
		return fmt.Errorf("merge index: %w", err)
	}
	if s, ok := idx.(*scorch.Scorch); ok {
		plan := allAtOnce
		if err := s.ForceMerge(ctx, &plan); err != nil {
			return fmt.Errorf("merge index: %w", err)
		}
		// The merge returns once the merged segment serves, but the
		// snapshot naming it is written by scorch's persister, which
		// Close does not wait for: a reopened index could read the
		// snapshot before the merge (TestForceMergeIsKept: about half of
		// small indexes closed at once did). A batch returns only once a
		// snapshot as new as itself is written, so an empty one waits for
		// it.
		if err := b.Batch(b.NewBatch()); err != nil {
			return fmt.Errorf("merge index: %w", err)
		}
	}
	return nil
}

// fill indexes every service in bounded batches, two at a time: bleve
// analyses a batch on every core but then builds its segment (and, on
// disk, waits for it to be written) on one, while the other batch is
// analysed.
func (ix *Index) fill(ctx context.Context, b bleve.Index, an *memoAnalyzers) error {
	docs := len(ix.entries) + len(ix.dir.Organizations)
	slots := make(chan struct{}, batchesAtOnce)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed error
	fail := func(err error) {
		mu.Lock()
		if failed == nil {
			failed = err
		}
		mu.Unlock()
	}
	descs := newDescCounter(ix.descWords)
	for from := 0; from < docs; from += batchSize {
		slots <- struct{}{}
		if err := ctx.Err(); err != nil {
			fail(err)
		}
		mu.Lock()
		stop := failed != nil
		mu.Unlock()
		if stop {
			<-slots
			break
		}
		batch := b.NewBatch()
		for i := from; i < min(from+batchSize, docs); i++ {
			var doc *document.Document
			if i < len(ix.entries) {
				doc = ix.document(int32(i), an, descs)
			} else {
				doc = ix.orgDocument(ix.dir.Organizations[i-len(ix.entries)], an)
			}
			if err := batch.IndexAdvanced(doc); err != nil {
				fail(fmt.Errorf("index %s: %w", doc.ID(), err))
			}
		}
		wg.Add(1)
		go func() {
			defer func() { <-slots; wg.Done() }()
			if err := b.Batch(batch); err != nil {
				fail(fmt.Errorf("index batch: %w", err))
			}
		}()
	}
	wg.Wait()
	return failed
}

// document is entry ord's own texts, each analysed by its language's
// analyzer (its descriptions counted from their words, found already:
// analysis_desc.go). Nothing is stored: the records are in memory, and
// snippets are highlighted from them (snippet.go).
func (ix *Index) document(ord int32, an *memoAnalyzers, descs *descCounter) *document.Document {
	ref := ix.entries[ord].ref
	s := ref.Service
	doc := document.NewDocument(ref.DocID())
	var typo []string
	for _, lang := range Languages {
		a := an.lang[lang]
		addText(doc, "name_"+lang, s.Name[lang], a)
		addText(doc, "skw_"+lang, strings.Join(s.Keywords[lang], " ; "), a)
		if text := s.Description[lang]; strings.TrimSpace(text) != "" {
			doc.AddField(descs.field("desc_"+lang, text, a, ord, lang))
		}
		typo = append(typo, s.Name[lang])
		typo = append(typo, s.Keywords[lang]...)
	}
	addText(doc, fieldTypo, strings.Join(typo, " ; "), an.plain)
	return doc
}

// orgDocument is an organization's own texts, indexed once and not with
// each of its services: a match counts for every service of the
// organization (postings in match.go).
func (ix *Index) orgDocument(o *Organization, an *memoAnalyzers) *document.Document {
	doc := document.NewDocument(orgDocPrefix + o.ID)
	var typo []string
	for _, lang := range Languages {
		a := an.lang[lang]
		addText(doc, "org_"+lang, o.Name[lang], a)
		addText(doc, "odesc_"+lang, o.Description[lang], a)
		typo = append(typo, o.Name[lang])
	}
	addText(doc, fieldAlt, strings.Join(append([]string{strings.ReplaceAll(o.ID, "-", " ")}, o.AlternateNames...), " ; "), an.plain)
	addText(doc, fieldTypo, strings.Join(append(typo, o.AlternateNames...), " ; "), an.plain)
	return doc
}

// orgDocPrefix starts the document ids of organizations: "org:<id>" cannot
// be a service's "<org>/<service>".
const orgDocPrefix = "org:"

func addText(doc *document.Document, field, text string, a *memoAnalyzer) {
	if strings.TrimSpace(text) != "" {
		doc.AddField(a.field(field, text))
	}
}

// openReader takes the index's one snapshot and maps bleve's internal
// document ids to entries, so that a search reads postings and scores in
// Go without looking up each match's external id.
func (ix *Index) openReader() error {
	idx, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("index reader: %w", err)
	}
	r, err := idx.Reader()
	if err != nil {
		return fmt.Errorf("index reader: %w", err)
	}
	n, err := r.DocCount()
	if want := len(ix.entries) + len(ix.dir.Organizations); err != nil || int(n) != want {
		r.Close()
		return fmt.Errorf("index holds %d documents, want %d (%v)", n, want, err)
	}
	ix.reader, ix.docTotal = r, float64(n)
	all, err := r.DocIDReaderAll()
	if err != nil {
		return fmt.Errorf("index reader: %w", err)
	}
	defer all.Close()
	ix.docOrd = ordinals{sparse: map[string]int32{}}
	for {
		id, err := all.Next()
		if err != nil {
			return fmt.Errorf("index reader: %w", err)
		}
		if id == nil {
			return nil
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			return fmt.Errorf("index reader: %w", err)
		}
		ord, ok := ix.byDoc[ext]
		if org, isOrg := strings.CutPrefix(ext, orgDocPrefix); isOrg {
			ord, ok = ix.orgOrd[org]
			ord = -ord - 1
		}
		if !ok {
			return fmt.Errorf("index holds %s, which the data lack", ext)
		}
		ix.docOrd.set(id, ord)
	}
}

// ordinals maps bleve's internal ids to entries (n ≥ 0) and organizations
// (-1-n, see Index.orgFirst). scorch's ids are 8-byte document numbers,
// kept in a slice; any other form falls back to a map.
type ordinals struct {
	dense  []int32 // by document number, noOrd for none
	sparse map[string]int32
}

func (o *ordinals) set(id bindex.IndexInternalID, ord int32) {
	if len(id) != 8 {
		o.sparse[string(id)] = ord
		return
	}
	n := binary.BigEndian.Uint64(id)
	if n >= 1<<31 {
		o.sparse[string(id)] = ord
		return
	}
	for uint64(len(o.dense)) <= n {
		o.dense = append(o.dense, noOrd)
	}
	o.dense[n] = ord
}

// noOrd marks an unknown document.
const noOrd = math.MinInt32

func (o *ordinals) get(id bindex.IndexInternalID) int32 {
	if len(id) == 8 {
		if n := binary.BigEndian.Uint64(id); n < uint64(len(o.dense)) && o.dense[n] != noOrd {
			return o.dense[n]
		}
	}
	if ord, ok := o.sparse[string(id)]; ok {
		return ord
	}
	return noOrd
}
