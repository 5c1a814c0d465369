package index

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index/cputime"
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
	cpu := cputime.Used()
	for b.Loop() {
		d, _ := Load(data.FS(), time.Now())
		ix, err := New(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	cputime.Report(b, cpu)
}

// BenchmarkOpenKept measures a start of the embedded data from what
// --index-dir kept (records, vocabulary, bleve's index): what a restart
// of unchanged data costs, against BenchmarkBuild's start without it.
func BenchmarkOpenKept(b *testing.B) {
	dir := b.TempDir()
	open := func() {
		ix, _, err := Open(context.Background(), data.FS(), time.Now(), Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	open() // keeps them
	cpu := cputime.Used()
	for b.Loop() {
		open()
	}
	cputime.Report(b, cpu)
}

// BenchmarkReload measures a hot reload after an editor saved a record:
// loading, validating and indexing the embedded data with one service's
// German description changed each time (a new word, so a new German
// dictionary), each build given the index it replaces, as the server's
// reloads are. The vocabulary is reused (vocab_reuse.go); BenchmarkBuild
// is the cold build, as at a start without --index-dir.
func BenchmarkReload(b *testing.B) {
	edited := func(prev *Index, n int) *Index {
		d, _ := Load(data.FS(), time.Now())
		s := &d.Organizations[0].Services[0]
		s.Description = maps.Clone(s.Description)
		s.Description["de"] += fmt.Sprintf(" Stand: Woche %d.", 100+n)
		ix, err := Build(context.Background(), d, Options{Previous: prev})
		if err != nil {
			b.Fatal(err)
		}
		return ix
	}
	prev := edited(nil, 0)
	cpu := cputime.Used()
	for n := 1; b.Loop(); n++ {
		ix := edited(prev, n)
		if ix.vocab != prev.vocab {
			b.Fatal("the vocabulary was built again")
		}
		prev.Close()
		prev = ix
	}
	cputime.Report(b, cpu)
	prev.Close()
}

// BenchmarkParts measures the largest parts of BenchmarkBuild apart: load
// (read, decode, validate), the vocabulary, and bleve's index of the
// services' own texts (docs/decisions/build-cost.md). toml-parse is the
// least any decoding with BurntSushi/toml costs: its parser alone, every
// data file into a map[string]any (the parser always builds those maps
// before it fills records).
func BenchmarkParts(b *testing.B) {
	ix := mustRealIndex(b)
	d := ix.dir
	files := tomlFiles(b)
	kept := marshalVocabulary(ix.vocab, "code")
	parts := []struct {
		name string
		run  func()
	}{
		{"load", func() { Load(data.FS(), time.Now()) }},
		{"toml-parse", func() {
			for _, text := range files {
				var m map[string]any
				if _, err := toml.Decode(text, &m); err != nil {
					b.Fatal(err)
				}
			}
		}},
		// the size limits of every record (limits.go), a part of validating
		{"limits", func() {
			f := file{v: newValidator(d, time.Now(), &Problems{}), name: "bench", kp: lazyKeyPositions("")}
			for _, o := range d.Organizations {
				f.limits("", o)
			}
		}},
		{"vocabulary", func() { newVocabulary(d, ix.an, ix.germanWords) }},
		// what a warm start does instead (vocab_kept.go): the file read back
		{"vocabulary-kept", func() {
			if _, err := unmarshalVocabulary(kept, "code", d, ix.an, ix.germanWords); err != nil {
				b.Fatal(err)
			}
		}},
		{"bleve", func() {
			bl, err := ix.openBleve(context.Background(), Options{}, newMemoAnalyzers(ix.an))
			if err != nil {
				b.Fatal(err)
			}
			bl.Close()
		}},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			cpu := cputime.Used()
			for b.Loop() {
				p.run()
			}
			cputime.Report(b, cpu)
		})
	}
}

// tomlFiles are the texts of the embedded data's TOML files.
func tomlFiles(tb testing.TB) []string {
	var out []string
	err := fs.WalkDir(data.FS(), ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		src, err := fs.ReadFile(data.FS(), path)
		out = append(out, string(src))
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// searchBenchQueries are typical queries: long, misspelt, Arabic,
// Russian, one word, a compound.
var searchBenchQueries = []string{"Aufenthaltstitel verlängern", "Welcom Centre", "تصريح عمل", "не платят зарплату", "Deutschkurs", "Anerkennung Berufsabschluss"}

// BenchmarkSearch measures typical queries against the embedded data,
// without the answer cache: what a query costs the first time.
func BenchmarkSearch(b *testing.B) {
	ix := mustRealIndex(b)
	queries := searchBenchQueries
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		if _, err := ix.answer(context.Background(), Query{Text: queries[i%len(queries)], Lang: "de", Page: 1, Limit: 20, Now: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelevanceQueries runs every query of the relevance sets once,
// the first time (no answer cache), one at a time, and reports the median
// and the slowest, the figures issue 8 sets targets for. The index is
// warmed as the server warms it once it serves (Index.Warm).
func BenchmarkRelevanceQueries(b *testing.B) {
	ix := mustRealIndex(b)
	ix.Warm()
	var queries []relevanceQuery
	for _, set := range relevanceSets {
		queries = append(queries, loadRelevanceQueries(b, set.dir)...)
	}
	// A search runs on the calling goroutine; held on its thread, the
	// thread's CPU time is the search's own (the collector's assists
	// included), without the waits for a core that the elapsed time has
	// on a shared or virtual machine.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var times, cpu []time.Duration
	for b.Loop() {
		times, cpu = times[:0], cpu[:0]
		for _, q := range queries {
			start := time.Now()
			cpuStart, threadCPU := cputime.Thread()
			if _, err := ix.answer(context.Background(), Query{Text: q.Q, Lang: q.Lang, Page: 1, Limit: 20, Now: start}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
			if cpuEnd, _ := cputime.Thread(); threadCPU {
				cpu = append(cpu, cpuEnd-cpuStart)
			}
		}
	}
	reportSpread(b, times, "")
	reportSpread(b, cpu, "cpu-")
	b.ReportMetric(float64(len(times)), "queries")
}

// reportSpread reports the median, p99 and slowest of durations, each
// metric's unit prefixed (nothing when durations is empty).
func reportSpread(b *testing.B, durations []time.Duration, prefix string) {
	if len(durations) == 0 {
		return
	}
	slices.Sort(durations)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(durations[len(durations)/2]), prefix+"median-ms")
	b.ReportMetric(ms(durations[len(durations)*99/100]), prefix+"p99-ms")
	b.ReportMetric(ms(durations[len(durations)-1]), prefix+"max-ms")
}
