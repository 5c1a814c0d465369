package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime/debug"
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
		// the admin listener.
		if !p.Warning {
			r.log.Error("data problem", "problem", problems[i].String())
		} else if first {
			r.log.Warn("data problem", "problem", problems[i].String())
		}
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
