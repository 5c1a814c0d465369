package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// swapOnAcquire replaces the live index right after a request has acquired
// it: the reload happens while the request is in flight.
type swapOnAcquire struct {
	*index.Live
	next func() *index.Index
}

func (s swapOnAcquire) Acquire() *index.Index {
	ix := s.Live.Acquire()
	s.Live.Swap(s.next())
	return ix
}

func fixtureIndex(tb testing.TB) *index.Index {
	tb.Helper()
	d, problems := index.Load(os.DirFS("../testdata/fixture"), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("fixture: %v", errs)
	}
	ix, err := index.New(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// TestRequestOutlivesSwap: every route that reads the index answers from
// the index it started with although a reload replaced it meanwhile (the
// old index used to be closed on a timer, and a request that outlived it
// failed with 500 "highlight: index is closed").
func TestRequestOutlivesSwap(t *testing.T) {
	live := &index.Live{}
	live.Swap(fixtureIndex(t))
	t.Cleanup(func() { live.Swap(nil) })
	src := swapOnAcquire{Live: live, next: func() *index.Index { return fixtureIndex(t) }}
	e, err := New(src, testFrontend, Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{
		"/api/v1/search?q=Aufenthaltstitel+verl%C3%A4ngern", "/api/v1/suggest?q=Aufent",
		"/api/v1/services/beispiel-amt/aufenthalt", "/api/v1/organizations/beispiel-amt",
		"/api/v1/topics", "/readyz",
	} {
		if rec, _ := get(t, e, target); rec.Code != http.StatusOK {
			t.Errorf("%s: status %d, want 200: %s", target, rec.Code, rec.Body.String())
		}
	}
	if n := live.Retired(); n != 0 {
		t.Errorf("%d replaced indexes still open after every request ended, want 0", n)
	}
}

// TestTimedOutSearchIs503: the request's deadline reaches the search, which
// stops, and the client gets the error shape with a 503 and Retry-After.
func TestTimedOutSearchIs503(t *testing.T) {
	e := serverWith(t, Config{RequestTimeout: time.Nanosecond}, nil)
	for _, target := range []string{"/api/v1/search?q=Aufenthaltstitel", "/api/v1/suggest?q=Aufent"} {
		rec, body := get(t, e, target)
		if rec.Code != http.StatusServiceUnavailable || jsonPath(body, "error", "code") != "timeout" || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s: status %d, Retry-After %q, body %s; want 503 timeout with Retry-After", target,
				rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
		}
	}
}
