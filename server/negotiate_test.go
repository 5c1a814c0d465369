package server

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"": false, "gzip": true, "gzip, deflate, br": true, "GZIP;Q=0.5": true, "x-gzip": true,
		"gzip;q=0": false, "gzip; q=0.000": false, "deflate, gzip;q=0": false, "gzip;q=abc": false,
		"*": true, "*;q=0": false, "*, gzip;q=0": false, "gzip;q=0, *": false, "br;q=1, *;q=0.1": true,
		"deflate, br": false, "identity": false, "gzip;level=9": true,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if header != "" {
			r.Header.Set("Accept-Encoding", header)
		}
		if got := acceptsGzip(r); got != want {
			t.Errorf("Accept-Encoding %q: acceptsGzip = %v, want %v", header, got, want)
		}
	}
}

func TestNotModified(t *testing.T) {
	const etag = `"abc123"`
	for header, want := range map[string]bool{
		`"abc123"`: true, `W/"abc123"`: true, `"x", "abc123"`: true, `"x",W/"abc123" , "y"`: true, `*`: true, ` * `: true,
		`"abc"`: false, `"x", "y"`: false, `abc123`: false, ``: false, `W/"other"`: false,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("If-None-Match", header)
		if got := notModified(r, etag); got != want {
			t.Errorf("If-None-Match %q: notModified = %v, want %v", header, got, want)
		}
	}
}

// TestNegotiationThroughTheRouter: the API and the page answer what the
// client asked for.
func TestNegotiationThroughTheRouter(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	for _, tc := range []struct {
		name, target string
		header       map[string]string
		status       int
		encoding     string
	}{
		{"API gzip refused", "/api/v1/search?q=Arbeit", map[string]string{"Accept-Encoding": "gzip;q=0"}, 200, ""},
		{"API gzip refused by weight 0.0", "/api/v1/topics", map[string]string{"Accept-Encoding": "gzip;q=0.0, deflate"}, 200, ""},
		{"API any coding", "/api/v1/topics", map[string]string{"Accept-Encoding": "*"}, 200, "gzip"},
		{"API gzip", "/api/v1/topics", map[string]string{"Accept-Encoding": "br, gzip"}, 200, "gzip"},
		{"page weak ETag", "/", nil, 304, ""},
		{"page ETag list", "/", nil, 304, ""},
		{"page any ETag", "/", map[string]string{"If-None-Match": "*"}, 304, ""},
		{"page other ETag", "/", map[string]string{"If-None-Match": `"other"`}, 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			header := tc.header
			etag := do(e, "GET", "/", nil).Header().Get("ETag")
			switch tc.name {
			case "page weak ETag":
				header = map[string]string{"If-None-Match": "W/" + etag}
			case "page ETag list":
				header = map[string]string{"If-None-Match": `"old", ` + etag}
			}
			rec := do(e, "GET", tc.target, header)
			if rec.Code != tc.status || rec.Header().Get("Content-Encoding") != tc.encoding {
				t.Errorf("status %d, Content-Encoding %q; want %d, %q", rec.Code, rec.Header().Get("Content-Encoding"), tc.status, tc.encoding)
			}
			if tc.status == 200 && rec.Header().Get("Vary") == "" {
				t.Error("no Vary header")
			}
		})
	}
}

// TestMalformedLangOnEveryRoute: every API route answers a malformed lang
// with a 400 naming it (config answered 200).
func TestMalformedLangOnEveryRoute(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	for _, path := range []string{"/api/v1/search", "/api/v1/suggest?q=Job", "/api/v1/services/beispiel-amt/aufenthalt",
		"/api/v1/organizations/beispiel-amt", "/api/v1/topics", "/api/v1/groups", "/api/v1/areas", "/api/v1/languages", "/api/v1/config"} {
		for _, lang := range []string{"xx-INVALID", "not_a_tag!", "de-"} {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			rec, body := get(t, e, path+sep+"lang="+lang)
			if rec.Code != http.StatusBadRequest || jsonPath(body, "error", "parameter") != "lang" {
				t.Errorf("%s with lang=%s: status %d, body %s; want 400 naming lang", path, lang, rec.Code, rec.Body)
			}
		}
	}
}

// TestGzipReusesWriters catches a gzip writer made per request: echo wraps
// the handler in its middleware anew for every request, and a compressor
// made there (about 1 MB) was kept alive by the runtime's list of pools
// until the second collection after it. Made once, the writers are reused
// and a small compressed answer allocates a few KB.
func TestGzipReusesWriters(t *testing.T) {
	tests := []struct {
		name   string
		target func(i int) string
		// at most this much allocated a request, and under the race
		// detector, where sync.Pool drops a quarter of the writers put
		// back (~200 KiB a request on average, measured 166 KiB in CI); a
		// writer made per request is ~800 KiB either way
		most, mostRace uint64
	}{
		{"echo's middleware", func(int) string { return "/api/v1/languages" }, 128 << 10, 512 << 10},
		// answers.serve compresses searches itself: each one new, so each
		// is compressed (fast) and none comes from the cache
		{"searches compressed by answers", func(i int) string { return fmt.Sprintf("/api/v1/search?q=Arbeit+%d", i) }, 256 << 10, 768 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := serverWith(t, Config{}, nil)
			gzip := map[string]string{"Accept-Encoding": "gzip"}
			const requests = 64
			if rec := do(e, "GET", tt.target(-1), gzip); rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" {
				t.Fatalf("%s: status %d, Content-Encoding %q, want 200 gzip", tt.target(-1), rec.Code, rec.Header().Get("Content-Encoding"))
			}
			// A collection empties sync.Pool: with collection off the pool keeps
			// the writers, while a writer made per request still allocates its
			// ~800 KiB every time. The fewest bytes of three rounds leaves out what
			// other goroutines allocate meanwhile.
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
			fewest := uint64(math.MaxUint64)
			for round := range 3 {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for i := range requests {
					do(e, "GET", tt.target(round*requests+i), gzip)
				}
				runtime.ReadMemStats(&after)
				fewest = min(fewest, (after.TotalAlloc-before.TotalAlloc)/requests)
			}
			most := tt.most
			if raceDetector {
				most = tt.mostRace
			}
			if fewest > most {
				t.Errorf("a gzipped %s allocates %d KiB, want at most %d KiB", tt.target(0), fewest>>10, most>>10)
			}
		})
	}
}
