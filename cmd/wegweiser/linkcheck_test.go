package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// linkServer answers like real sites do: one refuses HEAD, one has moved,
// one is gone; it remembers whether every request said who is asking.
func linkServer(tb testing.TB, anonymous *atomic.Int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "Wegweiser-linkcheck/") {
			anonymous.Add(1)
		}
		switch r.URL.Path {
		case "/quelle":
			if r.Method == http.MethodHead {
				http.Error(w, "no HEAD here", http.StatusMethodNotAllowed)
				return
			}
		case "/aufenthalt":
			http.Redirect(w, r, "/neu/aufenthalt", http.StatusMovedPermanently)
			return
		case "/jobhilfe":
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func TestLinkcheckReportsDeadAndMovedLinksWithTheirLines(t *testing.T) {
	var anonymous atomic.Int32
	srv := linkServer(t, &anonymous)
	dir := fixtureCopy(t)
	for _, name := range []string{"beispiel-amt.toml", "jobhilfe.toml"} {
		path := filepath.Join(dir, "organizations", name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, bytes.ReplaceAll(b, []byte("https://example.org"), []byte(srv.URL)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"linkcheck", "--data", dir, "--concurrency", "2"}, &stdout, &stderr)
	if !errors.Is(err, errSilent) {
		t.Errorf("got %v, want a failure (a link is dead)", err)
	}
	got := stdout.String()
	for _, want := range []string{
		"organizations/jobhilfe.toml:4: dead (HTTP 404): " + srv.URL + "/jobhilfe",
		"organizations/beispiel-amt.toml:38: moved (301 → " + srv.URL + "/neu/aufenthalt): " + srv.URL + "/aufenthalt",
		"4 links checked: 1 dead",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, srv.URL+"/quelle") {
		t.Errorf("a page that refuses HEAD but answers GET was reported:\n%s", got)
	}
	if n := anonymous.Load(); n > 0 {
		t.Errorf("%d requests without the Wegweiser user agent", n)
	}
}

func TestLinkcheckGivesUpOnUnreachableHosts(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	gone := srv.URL
	srv.Close() // nothing listens there any more
	res := checkLinks(context.Background(), http.DefaultClient, []link{{URL: gone + "/x"}}, 1)
	if !res[0].dead() || res[0].Err == nil {
		t.Errorf("got %+v, want dead with an error", res[0])
	}
}
