package index

import (
	"context"
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
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
	files, err := synth.Generate(data.FS(), mode, n, 1)
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: content}
	}
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
				benchScale(b, scaleFS(b, mode, size.n))
			})
		}
	}
}

func benchScale(b *testing.B, fsys fstest.MapFS) {
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
			cpu := cpuTime()
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
			reportCPU(b, cpu)
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
		cpu := cpuTime()
		for b.Loop() {
			load(b)
		}
		reportCPU(b, cpu)
	})
	var ix *Index
	build := func(b *testing.B) {
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
		cpu := cpuTime()
		for b.Loop() {
			build(b)
		}
		reportCPU(b, cpu)
	})
	b.Run("search", func(b *testing.B) {
		if ix == nil {
			build(b)
		}
		cpu := cpuTime()
		for i := 0; b.Loop(); i++ {
			q := benchQueries[i%len(benchQueries)]
			q.Lang, q.Page, q.Limit, q.Now = "de", 1, 10, now
			if _, err := ix.answer(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
	// The tail mix of scripts/bench.sh: two or three common queries in one,
	// all different, as the server computes them (20 hits with snippets).
	b.Run("tail", func(b *testing.B) {
		if ix == nil {
			build(b)
		}
		cpu := cpuTime()
		for i := 0; b.Loop(); i++ {
			q := Query{Text: tailQuery(i), Lang: "de", Page: 1, Limit: 20, Now: now}
			if _, err := ix.answer(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
}

// tailQueries are the common queries of scripts/bench-mix.lua.
var tailQueries = []string{
	"Aufenthaltstitel verlängern", "Arbeit suchen", "Deutschkurs", "Jobcenter", "Beratung",
	"Anerkennung", "work permit", "Ausländerbehörde", "Integrationskurs", "Migrationsberatung",
	"تصريح عمل", "робота", "iş arıyorum", "praca", "اقامت", "Bürgergeld", "Welcome Center",
	"Lohn nicht bezahlt", "Blaue Karte", "Ausbildung", "recognition of my degree", "job search",
	"Wohnung", "Familiennachzug", "Einbürgerung", "не платят зарплату", "дозвіл на роботу",
	"Kinderbetreuung", "Krankenversicherung", "Dolmetscher", "Asyl", "Studium", "Praktikum",
	"Arbeitsvertrag", "Kündigung", "Sprachkurs", "Bewerbung", "Fachkräfte", "Existenzgründung",
	"Beratung für Frauen", "Flüchtlingsberatung", "Chancenkarte", "Visum", "Arbeitsagentur",
	"Minijob", "Diskriminierung", "Jugendmigrationsdienst", "Zeugnis anerkennen", "Pflege", "Wolfsburg",
}

// tailQuery is the i-th query of the tail mix: two or three of
// tailQueries, spread by a multiplicative hash so that neighbours differ.
func tailQuery(i int) string {
	h := uint64(i+1) * 0x9E3779B97F4A7C15
	n := len(tailQueries)
	q := tailQueries[h%uint64(n)] + " " + tailQueries[(h>>16)%uint64(n)]
	if h>>40%2 == 0 {
		q += " " + tailQueries[(h>>24)%uint64(n)]
	}
	return q
}

// cpuTime is the CPU time the process has used so far, on every core:
// on a shared machine it varies less than the elapsed time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU seconds per operation since start (including
// the collector's and the background work of every goroutine).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}
