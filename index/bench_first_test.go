package index

import (
	"context"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index/cputime"
)

// BenchmarkSearchFirst measures BenchmarkSearch's queries each as if it
// had never been asked: before every search the index forgets what
// earlier searches left in its memories (analysed words, decoded
// postings, completions, typo corrections, places, plain snippets,
// answers). The index is warmed as a server warms it (Index.Warm), and
// is its own, so that the other benchmarks' index stays as they expect.
func BenchmarkSearchFirst(b *testing.B) {
	ix := freshRealIndex(b)
	ix.Warm()
	queries := searchBenchQueries
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		ix.forgetSearches()
		if _, err := ix.answer(context.Background(), Query{Text: queries[i%len(queries)], Lang: "de", Page: 1, Limit: 20, Now: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}

// forgetSearches empties every memory a search fills, so that the next
// search is a first one. Postings decoded by Warm are not a search's.
func (ix *Index) forgetSearches() {
	ix.cache.lru.Purge()
	ix.plain.Purge()
	ix.typos.Purge()
	ix.prefixes.Purge()
	ix.wordCache.Purge()
	if !ix.fewPostings() {
		ix.postCache.lru.Purge()
	}
	ix.places.seen.Purge()
	ix.vocab.fuzzy.found.Purge()
	ix.vocab.officeTypos.found.Purge()
}
