package index

import (
	"context"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

func mustRealIndex(tb testing.TB) *Index {
	tb.Helper()
	d, problems := Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("data: %v", errs.Error())
	}
	ix, err := New(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
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

// BenchmarkSearch measures typical queries against the embedded data.
func BenchmarkSearch(b *testing.B) {
	ix := mustRealIndex(b)
	queries := []string{"Aufenthaltstitel verlängern", "Welcom Centre", "تصريح عمل", "не платят зарплату", "Deutschkurs", "Anerkennung Berufsabschluss"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := ix.Search(context.Background(), Query{Text: queries[i%len(queries)], Lang: "de", Page: 1, Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
}
