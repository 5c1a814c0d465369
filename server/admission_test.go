package server

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// gatedSource holds the next toHold requests that acquire the index until
// gate is closed; a held request keeps its search slot, as a slow search
// would.
type gatedSource struct {
	*index.Live
	toHold  atomic.Int32
	gate    chan struct{}
	waiting atomic.Int32
}

func (g *gatedSource) Acquire() *index.Index {
	if g.toHold.Add(-1) >= 0 {
		g.waiting.Add(1)
		<-g.gate
	}
	return g.Live.Acquire()
}

// hold sends a request that the gate holds and waits until it is held.
func (g *gatedSource) hold(e http.Handler, target string, code chan<- int) {
	g.toHold.Add(1)
	want := g.waiting.Load() + 1
	go func() { code <- do(e, "GET", target, nil).Code }()
	for g.waiting.Load() < want {
		time.Sleep(time.Millisecond)
	}
}

func TestSearchesAreBoundedAndLongQueriesYield(t *testing.T) {
	live := &index.Live{}
	live.Swap(fixtureIndex(t))
	t.Cleanup(func() { live.Swap(nil) })
	src := &gatedSource{Live: live, gate: make(chan struct{})}
	m := NewMetrics()
	e, err := New(src, testFrontend, Config{MaxSearches: 4, Metrics: m}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	long := "/api/v1/search?q=" + escape(strings.Repeat("中", 200))
	short := "/api/v1/search?q=Jobsuche"
	held := make(chan int, 4)
	busy := func(target string) {
		t.Helper()
		rec := do(e, "GET", target, nil)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), `"code":"busy"`) {
			t.Errorf("%s: status %d, Retry-After %q, body %s; want 503 busy", target, rec.Code, rec.Header().Get("Retry-After"), rec.Body)
		}
	}

	src.hold(e, long, held) // the one slot for long queries (a quarter of 4)
	busy(long)
	src.hold(e, short, held)
	src.hold(e, short, held)
	src.hold(e, short, held) // now all four slots are taken
	busy(short)
	busy("/api/v1/suggest?q=Job")
	if rec := do(e, "GET", "/api/v1/services/beispiel-amt/aufenthalt", nil); rec.Code != 200 {
		t.Errorf("a record's page waited for a search slot: status %d", rec.Code)
	}
	close(src.gate)
	for range 4 {
		if code := <-held; code != 200 {
			t.Errorf("a held search ended with status %d, want 200", code)
		}
	}
	if rec := do(e, "GET", long, nil); rec.Code != 200 {
		t.Errorf("a long query after the slots freed up: status %d, want 200", rec.Code)
	}
	metrics := do(Admin(m), "GET", "/metrics", nil).Body.String()
	for _, want := range []string{`wegweiser_searches_rejected_total{query="long"} 1`,
		`wegweiser_searches_rejected_total{query="short"} 2`, "wegweiser_searches_running 0"} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestQueueWaitEndsWithTheRequest: a search waiting for a slot gives up
// when its request's time runs out, with the timeout answer.
func TestQueueWaitEndsWithTheRequest(t *testing.T) {
	live := &index.Live{}
	live.Swap(fixtureIndex(t))
	t.Cleanup(func() { live.Swap(nil) })
	src := &gatedSource{Live: live, gate: make(chan struct{})}
	e, err := New(src, testFrontend, Config{MaxSearches: 1, RequestTimeout: 50 * time.Millisecond},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	held := make(chan int, 1)
	src.hold(e, "/api/v1/search?q=Jobsuche", held)
	start := time.Now()
	rec := do(e, "GET", "/api/v1/search?q=Arbeit", nil)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"code":"timeout"`) {
		t.Errorf("status %d, body %s; want 503 timeout", rec.Code, rec.Body)
	}
	if took := time.Since(start); took >= searchWait {
		t.Errorf("the wait took %s, longer than the request's 50 ms", took)
	}
	close(src.gate)
	<-held
}

func TestQueryTerms(t *testing.T) {
	for text, want := range map[string]int{
		"": 0, "Jobsuche": 1, "work permit": 2, "  Anerkennung,  Abschluss! ": 2, "تصريح عمل": 2,
		"中文": 2, strings.Repeat("中", 200): 200, "ひらがな": 4, "Job 中国 2024": 4,
	} {
		if got := queryTerms(text); got != want {
			t.Errorf("queryTerms(%q) = %d, want %d", text, got, want)
		}
	}
}
