package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// copyFixture copies testdata/fixture into a new temporary folder.
func copyFixture(tb testing.TB) string {
	tb.Helper()
	dst := tb.TempDir()
	src := "../../testdata/fixture"
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path) // path is always under src
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return dst
}

// editFile replaces old by new in a file of dir.
func editFile(tb testing.TB, dir, name, old, new string) {
	tb.Helper()
	path := filepath.Join(dir, name)
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), old) {
		tb.Fatalf("%s: %v, or it lacks %q", name, err, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func newTestReloader(tb testing.TB, dir string) *reloader {
	tb.Helper()
	var live index.Live
	r := newReloader(os.DirFS(dir), dir, index.Options{}, &live, server.NewMetrics(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := r.reload(context.Background()); err != nil {
		tb.Fatalf("first load: %v", err)
	}
	tb.Cleanup(r.close)
	return r
}

// eventually polls cond until it holds or five seconds pass.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	tb.Fatalf("timed out waiting for %s", what)
}

func serviceName(ix *index.Index) string {
	ref, _ := ix.Service("jobhilfe", "jobsuche")
	return ref.Service.Name["de"]
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestReplacedIndexServesItsLastRequest: a request that holds the index
// while a reload replaces it finishes on it, however long it takes; the
// release of that request closes it.
func TestReplacedIndexServesItsLastRequest(t *testing.T) {
	r := newTestReloader(t, copyFixture(t))
	old := r.live.Acquire() // a request in flight
	if err := r.reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	q := index.Query{Text: "Jobsuche", Lang: "de", Page: 1, Limit: 5}
	time.Sleep(50 * time.Millisecond) // longer than any grace would be
	if _, err := old.Search(context.Background(), q); err != nil {
		t.Fatalf("the replaced index failed its last request: %v", err)
	}
	if err := r.live.Release(old); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Search(context.Background(), q); err == nil {
		t.Error("the replaced index still searches after its last request; want it closed")
	}
	if _, err := r.live.Load().Search(context.Background(), q); err != nil {
		t.Errorf("the new index: %v", err)
	}
}

// TestReloadUnderLoad swaps the index while requests run and counts every
// answer that is not a 200. None may fail.
func TestReloadUnderLoad(t *testing.T) {
	r := newTestReloader(t, copyFixture(t))
	e, err := server.New(r.live, static.FS(), server.Config{Metrics: r.metrics}, r.log)
	if err != nil {
		t.Fatal(err)
	}
	var requests, failures atomic.Int64
	var firstFailure atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/search?q=Jobsuche", nil))
				requests.Add(1)
				if rec.Code != http.StatusOK {
					failures.Add(1)
					firstFailure.CompareAndSwap(nil, rec.Body.String())
				}
			}
		}()
	}
	for range 10 {
		if err := r.reload(context.Background()); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
	if failures.Load() > 0 || requests.Load() == 0 {
		t.Errorf("%d of %d requests failed during 10 reloads; first: %v", failures.Load(), requests.Load(), firstFailure.Load())
	}
	t.Logf("%d requests during 10 reloads, %d failed", requests.Load(), failures.Load())
}

// panicFS stands for a bug that odd data brings out in the loader.
type panicFS struct{}

func (panicFS) Open(string) (fs.File, error) { panic("boom") }

func TestReloadSurvivesPanic(t *testing.T) {
	r := newTestReloader(t, copyFixture(t))
	good := r.live.Load()
	r.fsys = panicFS{}
	if err := r.reload(context.Background()); err == nil || !strings.Contains(err.Error(), "panicked: boom") {
		t.Fatalf("got %v, want the panic as an error", err)
	}
	if r.live.Load() != good || r.metrics.LastReload().OK {
		t.Error("a panicking reload replaced the index or was reported as fine")
	}
}

// TestReloadRejectsOversizedData: an oversized file is a data problem with
// its line, the last good data stays, and a file with hundreds of problems
// lists its first ones and a count, in /reload-problems and in the log.
func TestReloadRejectsOversizedData(t *testing.T) {
	dir := copyFixture(t)
	var logs syncBuffer
	var live index.Live
	r := newReloader(os.DirFS(dir), dir, index.Options{}, &live, server.NewMetrics(), slog.New(slog.NewTextHandler(&logs, nil)))
	if err := r.reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.close)
	good := r.live.Load()
	const org = "organizations/jobhilfe.toml"
	src := string(mustRead(t, filepath.Join(dir, org)))
	huge := src + "\n# " + strings.Repeat("x", 300<<10) + "\n"
	if err := os.WriteFile(filepath.Join(dir, org), []byte(huge), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.reload(context.Background()); err == nil {
		t.Fatal("an oversized file was served")
	}
	if r.live.Load() != good {
		t.Fatal("an oversized file replaced the index being served")
	}
	line := strings.Count(src, "\n") + 2
	want := fmt.Sprintf("%s:%d:1", filepath.Join(dir, org), line)
	if p := r.metrics.LastReload().Problems; len(p) != 1 || p[0].Position != want || !strings.Contains(p[0].Message, "more than the 256.0 KiB allowed") {
		t.Errorf("got problems %+v, want one at %s", p, want)
	}

	var unknown strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&unknown, "unknown_%d = 1\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, org), []byte(unknown.String()+src), 0o644); err != nil {
		t.Fatal(err)
	}
	logs.Reset()
	if err := r.reload(context.Background()); err == nil {
		t.Fatal("a file of unknown keys was served")
	}
	p := r.metrics.LastReload().Problems
	if len(p) != 21 || !strings.Contains(p[20].Message, "980 more problems in this file are not listed") {
		t.Errorf("got %d problems, the last %+v; want 20 and a count of 980 more", len(p), p[len(p)-1])
	}
	if n := strings.Count(logs.String(), "data problem"); n != 21 {
		t.Errorf("the log has %d data problem lines, want 21", n)
	}
	if r.live.Load() != good {
		t.Error("a broken file replaced the index being served")
	}
}
