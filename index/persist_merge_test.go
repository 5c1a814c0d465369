package index

import (
	"context"
	"testing"

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
