package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
	"github.com/wegweiser-braunschweig/wegweiser/index/cputime"
)

// benchQueries is the mixed query set of the scale benchmarks: short and
// long, misspelt, several scripts, broad ones that match very many
// services, filtered and near a point. docs/performance.md has the figures.
var benchQueries = []Query{
	{Text: "Beratung"},
	{Text: "Arbeit"},
	{Text: "Aufenthaltstitel verlängern"},
	{Text: "Anerkennung Berufsabschluss Pflege"},
	{Text: "mein Chef zahlt seit zwei Monaten keinen Lohn was kann ich tun"},
	{Text: "Aufenthaltstitle"},
	{Text: "Deutschkurs"},
	{Text: "Deutschk"},
	{Text: "work permit"},
	{Text: "I need help with my residence permit and finding a job"},
	{Text: "تصريح عمل"},
	{Text: "أبحث عن عمل"},
	{Text: "не платят зарплату"},
	{Text: "робота"},
	{Text: "iş arıyorum"},
	{Text: "کار پیدا کنم"},
	{Text: "praca"},
	{Text: "Integrationskurs", Topics: []string{"language"}},
	{Text: "Beratung", Languages: []string{"ar"}, FreeOnly: true},
	{Topics: []string{"work"}},
	{Text: "Jobcenter", Near: &Point{52.26, 10.52}},
	{Near: &Point{52.42, 10.78}},
	{Text: "Jobsuche", OpenNow: true},
	{Text: "中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中"},
}

// scaleSets caches the synthetic folders: generating 100,000 services
// takes seconds and is not what is measured.
var scaleSets sync.Map // "mode/n" -> fstest.MapFS

func scaleFS(b *testing.B, mode synth.Mode, n int) fstest.MapFS {
	b.Helper()
	key := fmt.Sprintf("%s/%d", mode, n)
	if fsys, ok := scaleSets.Load(key); ok {
		return fsys.(fstest.MapFS)
	}
	fsys := synthFS(b, mode, n)
	scaleSets.Store(key, fsys)
	return fsys
}

// BenchmarkAtScale measures loading (reading, decoding and validating),
// building and searching synthetic folders and the real records copied,
// at 1,000, 10,000 and 100,000 services:
//
//	go test ./index -run '^$' -bench 'AtScale/generated/10k' -benchmem
func BenchmarkAtScale(b *testing.B) {
	for _, mode := range []synth.Mode{synth.Generated, synth.Copies} {
		for _, size := range []struct {
			name string
			n    int
		}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}} {
			b.Run(fmt.Sprintf("%s/%s", mode, size.name), func(b *testing.B) {
				benchScale(b, fmt.Sprintf("%s-%s", mode, size.name), scaleFS(b, mode, size.n))
			})
		}
	}
}

func benchScale(b *testing.B, name string, fsys fstest.MapFS) {
	now := time.Now()
	// Ready with a kept index (serve --index-dir): the first start decodes,
	// builds and keeps; a restart of unchanged data reads them back.
	dir := b.TempDir()
	for _, name := range []string{"open-cold", "open-warm"} {
		b.Run(name, func(b *testing.B) {
			if name == "open-warm" { // keep an index first when open-cold did not
				ix, _, err := Open(context.Background(), fsys, now, Options{Dir: dir})
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
			cpu := cputime.Used()
			for b.Loop() {
				if name == "open-cold" {
					b.StopTimer()
					os.RemoveAll(dir)
					b.StartTimer()
				}
				ix, _, err := Open(context.Background(), fsys, now, Options{Dir: dir})
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
			cputime.Report(b, cpu)
		})
	}
	// The directory and the index are made by the sub-benchmarks that need
	// them, before their timed loop: selecting only open-cold builds nothing
	// more.
	var d *Directory
	load := func(b *testing.B) {
		var problems Problems
		if d, problems = Load(fsys, now); len(problems.Errors()) > 0 {
			b.Fatal(problems.Errors())
		}
	}
	b.Run("load", func(b *testing.B) {
		cpu := cputime.Used()
		for b.Loop() {
			load(b)
		}
		cputime.Report(b, cpu)
	})
	// What a cold Open adds to compact the decoded records (record_compact.go).
	b.Run("compact", func(b *testing.B) {
		if d == nil {
			load(b)
		}
		cpu := cputime.Used()
		for b.Loop() {
			if _, err := compactRecords(d); err != nil {
				b.Fatal(err)
			}
		}
		cputime.Report(b, cpu)
	})
	var ix *Index
	var build func(b *testing.B)
	// With WEGWEISER_SCALE_INDEX_DIR the searching sub-benchmarks open the
	// index kept in a folder of it (serve --index-dir's warm start, answers
	// as built: TestKeptIndexAnswersAsBuilt) instead of building: a 100k
	// search benchmark then starts in seconds after its first run.
	kept := os.Getenv("WEGWEISER_SCALE_INDEX_DIR")
	open := func(b *testing.B) {
		if kept == "" {
			build(b)
			return
		}
		var err error
		if ix, _, err = Open(context.Background(), fsys, now, Options{Dir: filepath.Join(kept, name)}); err != nil {
			b.Fatal(err)
		}
	}
	build = func(b *testing.B) {
		if d == nil {
			load(b)
		}
		if ix != nil {
			ix.Close()
		}
		var err error
		if ix, err = New(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	defer func() {
		if ix != nil {
			ix.Close()
		}
	}()
	b.Run("build", func(b *testing.B) {
		if d == nil {
			load(b)
		}
		cpu := cputime.Used()
		for b.Loop() {
			build(b)
		}
		cputime.Report(b, cpu)
	})
	b.Run("search", func(b *testing.B) {
		if ix == nil {
			open(b)
		}
		cpu := cputime.Used()
		for i := 0; b.Loop(); i++ {
			q := benchQueries[i%len(benchQueries)]
			q.Lang, q.Page, q.Limit, q.Now = "de", 1, 10, now
			if _, err := ix.answer(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
		cputime.Report(b, cpu)
	})
	// The tail mix of scripts/bench.sh: two or three common queries in one,
	// all different, as the server computes them (20 hits with snippets).
	b.Run("tail", func(b *testing.B) {
		if ix == nil {
			open(b)
		}
		common := tailQueries(b)
		cpu := cputime.Used()
		for i := 0; b.Loop(); i++ {
			q := Query{Text: tailQuery(common, i), Lang: "de", Page: 1, Limit: 20, Now: now}
			if _, err := ix.answer(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
		cputime.Report(b, cpu)
	})
}

// tailQueries are the common queries of scripts/bench-queries.txt, which
// scripts/bench-mix.lua reads too.
func tailQueries(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile("../scripts/bench-queries.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var qs []string
	for line := range strings.Lines(string(b)) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	return qs
}

// tailQuery is the i-th query of the tail mix: two or three of
// common, spread by a multiplicative hash so that neighbours differ.
func tailQuery(common []string, i int) string {
	h := uint64(i+1) * 0x9E3779B97F4A7C15
	n := len(common)
	q := common[h%uint64(n)] + " " + common[(h>>16)%uint64(n)]
	if h>>40%2 == 0 {
		q += " " + common[(h>>24)%uint64(n)]
	}
	return q
}
