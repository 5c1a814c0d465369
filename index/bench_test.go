package index

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// realIndex is built once per test binary: several tests read the real
// data, and building it takes a second (ten under the race detector).
var realIndex = sync.OnceValues(func() (*Index, error) {
	d, problems := Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		return nil, errs
	}
	return New(context.Background(), d)
})

func mustRealIndex(tb testing.TB) *Index {
	tb.Helper()
	ix, err := realIndex()
	if err != nil {
		tb.Fatalf("the embedded data: %v", err)
	}
	return ix
}

// BenchmarkBuild measures loading, validating and indexing the embedded data.
func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		d, _ := Load(data.FS(), time.Now())
		ix, err := New(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkSearch measures typical queries against the embedded data,
// without the answer cache: what a query costs the first time.
func BenchmarkSearch(b *testing.B) {
	ix := mustRealIndex(b)
	queries := []string{"Aufenthaltstitel verlängern", "Welcom Centre", "تصريح عمل", "не платят зарплату", "Deutschkurs", "Anerkennung Berufsabschluss"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := ix.answer(context.Background(), Query{Text: queries[i%len(queries)], Lang: "de", Page: 1, Limit: 20, Now: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelevanceQueries runs every query of the relevance sets once,
// the first time (no answer cache), one at a time, and reports the median
// and the slowest, the figures issue 8 sets targets for.
func BenchmarkRelevanceQueries(b *testing.B) {
	ix := mustRealIndex(b)
	var queries []relevanceQuery
	for _, set := range relevanceSets {
		queries = append(queries, loadRelevanceQueries(b, set.dir)...)
	}
	var times []time.Duration
	for b.Loop() {
		times = times[:0]
		for _, q := range queries {
			start := time.Now()
			if _, err := ix.answer(context.Background(), Query{Text: q.Q, Lang: q.Lang, Page: 1, Limit: 20, Now: start}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(len(times)), "queries")
}
