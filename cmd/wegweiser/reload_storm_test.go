package main

import (
	"context"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/server"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// TestReloadStormFreesIndexes: reloads back to back while gzipped requests
// run leave no replaced index reachable beyond the one served and the one
// the server's per-index caches may still name. Each reload reuses parts of
// the index it replaces (Options.Previous); a reference from a new index to
// the old one would chain every index ever built and keep them all.
func TestReloadStormFreesIndexes(t *testing.T) {
	r := newTestReloader(t, copyFixture(t))
	e, err := server.New(r.live, static.FS(), server.Config{Metrics: r.metrics}, r.log)
	if err != nil {
		t.Fatal(err)
	}
	var alive atomic.Int64
	track := func() {
		ix := r.live.Load()
		alive.Add(1)
		runtime.AddCleanup(ix, func(n *atomic.Int64) { n.Add(-1) }, &alive)
	}
	track()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				req := httptest.NewRequest("GET", "/api/v1/search?q=Jobsuche", nil)
				req.Header.Set("Accept-Encoding", "gzip")
				e.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
	const reloads = 12
	for range reloads {
		if err := r.reload(context.Background()); err != nil {
			t.Fatal(err)
		}
		track()
	}
	close(stop)
	wg.Wait()
	r.settled.Wait()
	eventually(t, "replaced indexes collected", func() bool {
		runtime.GC()
		return alive.Load() <= 2
	})
	if n := r.live.Retired(); n != 0 {
		t.Errorf("%d replaced indexes still held by requests after the load, want 0", n)
	}
}
