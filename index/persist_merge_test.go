package index

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// TestKeptIndexIsOneSegment: an index kept with --index-dir is filled in
// several batches, one segment each, and kept as one segment (a search
// looks each term up once per segment), whether or not scorch merged
// segments while they came (fillWithoutMerges, forceMerge).
func TestKeptIndexIsOneSegment(t *testing.T) {
	fsys := synthFS(t, synth.Generated, 2000) // with their organizations, two batches
	ix, _, err := Open(context.Background(), fsys, testNow, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if docs := len(ix.entries) + len(ix.dir.Organizations); docs <= batchSize {
		t.Fatalf("%d documents fill one batch: the test checks nothing", docs)
	}
	snap, ok := ix.reader.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("index reader %T, not scorch's", ix.reader)
	}
	if n := len(snap.Segments()); n != 1 {
		t.Errorf("kept index of %d segments, want 1", n)
	}
}

// TestForceMergeIsKept: the merge is in the snapshot a reopened index
// reads. A small index closed right after its merge reopened with the
// segments before it in about half the rounds (and TestKeptIndexIsOneSegment
// failed once in CI) until forceMerge waited for the snapshot to be
// written.
func TestForceMergeIsKept(t *testing.T) {
	for round := range 20 {
		if n := mergedAndReopened(t); n != 1 {
			t.Fatalf("round %d: reopened index of %d segments, want 1", round, n)
		}
	}
}

// mergedAndReopened fills an index in three batches, merges it, closes
// it at once and counts the segments of the index reopened.
func mergedAndReopened(t *testing.T) int {
	path := filepath.Join(t.TempDir(), "index")
	b, err := bleve.NewUsing(path, bleve.NewIndexMapping(), scorch.Name, scorch.Name, fillWithoutMerges)
	if err != nil {
		t.Fatal(err)
	}
	for batch := range 3 {
		bb := b.NewBatch()
		for i := range 10 {
			if err := bb.Index(fmt.Sprintf("%d-%d", batch, i), map[string]string{"text": "Beratung Arbeit"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Batch(bb); err != nil {
			t.Fatal(err)
		}
	}
	if err := forceMerge(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	b, err = bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	idx, err := b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := idx.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return len(r.(*scorch.IndexSnapshot).Segments())
}
