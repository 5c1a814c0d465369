package main

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server"
)

// reloader builds the index from the data and swaps it into live. A load
// with errors never replaces the index being served: the site keeps the
// last good data and the problems go to the log and the admin listener.
type reloader struct {
	fsys    fs.FS
	dir     string // the --data folder; "" for the embedded records, which never change
	opt     index.Options
	live    *index.Live
	metrics *server.Metrics
	log     *slog.Logger
	mem     *memory // the collector's pace and limit; nil leaves them
	verbose bool    // log each data warning of the first load, not a count per kind

	mu      sync.Mutex     // one reload at a time
	settled sync.WaitGroup // the memory of the last reload given back
}

func newReloader(fsys fs.FS, dir string, opt index.Options, live *index.Live, m *server.Metrics, log *slog.Logger) *reloader {
	return &reloader{fsys: fsys, dir: dir, opt: opt, live: live, metrics: m, log: log}
}

// reload loads, validates and indexes the data and serves it if it is
// valid. The error says why the old index stays.
func (r *reloader) reload(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.settled.Wait()
	serving := r.mem.building()
	start := time.Now()
	ix, problems, err := r.build(ctx, start)
	if err != nil {
		serving()
		r.metrics.ObserveReload(start, false, r.live.Load(), problems, err)
		if r.live.Load() != nil {
			r.log.Error("reload failed; still serving the previous data", "err", err)
		}
		return err
	}
	// The replaced index is closed when its last request has finished.
	if err := r.live.Swap(ix); err != nil {
		r.log.Warn("closing the replaced index", "err", err)
	}
	r.metrics.ObserveReload(start, true, ix, problems, nil)
	r.log.Info("index built", "services", ix.Len(), "warnings", len(problems), "took_ms", time.Since(start).Milliseconds())
	// Building leaves hundreds of MiB of garbage behind for a large
	// directory (decoded files, analysed texts): serving gives it back now
	// rather than whenever the collector would, so resident memory is that
	// of the index served, and sets the limit for serving it. That is a
	// full collection (about a second of CPU at 100,000 services), done
	// while the new index already serves.
	r.settled.Add(1)
	go func() {
		defer r.settled.Done()
		ix.Warm() // before the collection, which then takes its garbage too
		limit := serving()
		r.log.Info("memory settled", "memory_limit_mib", limit>>20)
	}()
	return nil
}

// build loads and indexes the data and logs its problems. A panic in
// there (a bug that odd data brings out) becomes an error: whatever an
// editor saves must not take the site down.
func (r *reloader) build(ctx context.Context, now time.Time) (ix *index.Index, problems index.Problems, err error) {
	defer func() {
		if p := recover(); p != nil {
			ix, err = nil, fmt.Errorf("building the index panicked: %v", p)
			r.log.Error("reload panicked", "err", p, "stack", string(debug.Stack()))
		}
	}()
	opt := r.opt
	opt.Previous = r.live.Load() // its vocabulary is reused when the vocabulary files are unchanged
	ix, problems, err = index.Open(ctx, r.fsys, now, opt)
	first := opt.Previous == nil
	for i, p := range problems {
		problems[i] = withRoot(r.dir, p)
		// Warnings (such as a record not verified for a year) repeat on every
		// reload; after the first load they are only counted, and listed on
		// the admin listener. At the first they are summed up by kind (the
		// real data has about 80: a wall of text before "listening on"),
		// each with -v.
		if !p.Warning {
			r.log.Error("data problem", "problem", problems[i].String())
		} else if first && r.verbose {
			r.log.Warn("data problem", "problem", problems[i].String())
		}
	}
	if first && !r.verbose {
		r.sumUpWarnings(problems)
	}
	if n, _ := problems.Count(); n > 0 {
		return nil, problems, fmt.Errorf("the data has %d errors; run wegweiser check", n)
	}
	if err != nil {
		return nil, problems, fmt.Errorf("build the index: %w", err)
	}
	return ix, problems, nil
}

// close stops serving: the index is closed once the requests still using
// it have finished.
func (r *reloader) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.settled.Wait()
	if err := r.live.Swap(nil); err != nil {
		r.log.Warn("closing the index", "err", err)
	}
}

// sumUpWarnings logs how many data warnings of each kind there are, most
// first, and where the list is.
func (r *reloader) sumUpWarnings(problems index.Problems) {
	counts := map[string]int{}
	total := 0
	for _, p := range problems {
		if p.Warning {
			counts[warningKind(p.Message)]++
			total++
		}
	}
	if total == 0 {
		return
	}
	kinds := slices.SortedFunc(maps.Keys(counts), func(a, b string) int { return cmp.Or(counts[b]-counts[a], strings.Compare(a, b)) })
	for _, k := range kinds {
		r.log.Warn("data warnings", "count", counts[k], "kind", k)
	}
	check := "wegweiser check"
	if r.dir != "" {
		check += " --data " + r.dir
	}
	r.log.Warn(fmt.Sprintf("%d data warnings in %d kinds: `%s` lists each with its file and line (or serve -v logs them)", total, len(kinds), check))
}

var (
	quoted = regexp.MustCompile(`"[^"]*"`)
	dated  = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
)

// warningKind is what a warning says without its particulars: the part
// before the advice (the first ": "), its quoted values and dates left out
// (`address "Peine" is undated` -> `address … is undated`).
func warningKind(msg string) string {
	what, _, _ := strings.Cut(msg, ": ")
	return dated.ReplaceAllString(quoted.ReplaceAllString(what, "…"), "…")
}
