package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestAnswersKeptWhenAskedAgain: an answer is kept from its question's
// second ask on and never when it must not be; every client gets its own
// answer whole, though the buffers of answers not kept are reused (a kept
// body reused would show as a later answer's bytes in it); and they are
// reused (the build after an answer not kept is given its buffer).
func TestAnswersKeptWhenAskedAgain(t *testing.T) {
	type ask struct {
		key       string
		cacheable bool
	}
	tests := []struct {
		name   string
		asks   []ask
		builds int // how many asks build their answer
	}{
		{"asked once each: none kept", []ask{{"long", true}, {"b", true}, {"c", true}}, 3},
		{"asked again: kept from the second ask", []ask{{"long", true}, {"long", true}, {"b", true}, {"c", true}, {"long", true}}, 4},
		{"asked again later: kept then", []ask{{"a", true}, {"b", true}, {"a", true}, {"a", true}}, 3},
		{"kept after a longer answer", []ask{{"long", true}, {"b", true}, {"b", true}, {"b", true}}, 3},
		{"not cacheable: never kept", []ask{{"x", false}, {"x", false}, {"x", false}}, 3},
	}
	e := echo.New()
	ix := new(index.Index) // the caches only tell indexes apart
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAnswers()
			builds := 0
			asked := map[string]bool{}
			spare := false // the last answer built was not kept: its buffer is spare
			for i, q := range tt.asks {
				want := strings.Repeat(q.key, 200) // shorter answers fit in a longer one's buffer
				built := false
				build := func(buf []byte) (any, error) {
					builds, built = builds+1, true
					// sync.Pool drops some of what it is given under the race detector
					if spare && cap(buf) == 0 && !raceDetector {
						t.Errorf("ask %d (%s): the buffer of the answer not kept before was not reused", i, q.key)
					}
					return encoded(append(buf, want...)), nil
				}
				rec := httptest.NewRecorder()
				c := e.NewContext(httptest.NewRequest("GET", "/api/v1/search", nil), rec)
				if err := a.serve(c, ix, q.key, q.cacheable, build); err != nil {
					t.Fatal(err)
				}
				if got := rec.Body.String(); got != want+"\n" {
					t.Errorf("ask %d (%s): body %.40q… of %d bytes, want %d bytes of %s", i, q.key, got, len(got), len(want)+1, q.key)
				}
				if built {
					spare = !(q.cacheable && asked[q.key])
				}
				asked[q.key] = true
			}
			if builds != tt.builds {
				t.Errorf("%d answers built, want %d", builds, tt.builds)
			}
			for k := range asked {
				// a short answer built in a long one's buffer is kept at its size
				if kept, ok := a.bodies.current(ix).Get(k); ok && cap(kept.json) > len(kept.json)*5/4 {
					t.Errorf("%s kept in %d bytes for %d", k, cap(kept.json), len(kept.json))
				}
			}
		})
	}
}

// TestAnswersGzippedOnce: a client taking gzip gets the answer gzipped,
// whether built, kept or read back from the cache, and a client that does
// not take it gets plain JSON; a kept answer is compressed once, at the
// first ask from the cache that takes gzip, and that is what later asks
// get.
func TestAnswersGzippedOnce(t *testing.T) {
	e := echo.New()
	ix := new(index.Index)
	a := newAnswers()
	want := strings.Repeat(`{"a":"Beratung"}`, 300)
	build := func(buf []byte) (any, error) { return encoded(append(buf, want...)), nil }
	asks := []struct {
		name        string
		gzip        bool
		keptGzipped bool // after the ask
	}{
		{"first ask, plain", false, false},
		{"second ask, plain: kept plain", false, false},
		{"from the cache, gzip: compressed and kept so", true, true},
		{"from the cache, gzip again", true, true},
		{"from the cache, plain", false, true},
	}
	var zipped []byte
	for _, ask := range asks {
		req := httptest.NewRequest("GET", "/api/v1/search", nil)
		if ask.gzip {
			req.Header.Set("Accept-Encoding", "gzip, br")
		}
		rec := httptest.NewRecorder()
		if err := a.serve(e.NewContext(req, rec), ix, "k", true, build); err != nil {
			t.Fatal(err)
		}
		body := rec.Body.Bytes()
		if got := rec.Header().Get("Content-Encoding") == "gzip"; got != ask.gzip {
			t.Fatalf("%s: gzipped %v", ask.name, got)
		}
		if ask.gzip {
			body = gunzip(t, body)
		}
		if string(body) != want+"\n" {
			t.Errorf("%s: body %.40q… of %d bytes, want %d", ask.name, body, len(body), len(want)+1)
		}
		kept, _ := a.bodies.current(ix).Get("k")
		if got := kept != nil && kept.gzipped != nil; got != ask.keptGzipped {
			t.Errorf("%s: kept gzipped %v, want %v", ask.name, got, ask.keptGzipped)
		}
		if ask.keptGzipped {
			if zipped != nil && &zipped[0] != &kept.gzipped[0] {
				t.Errorf("%s: compressed again", ask.name)
			}
			zipped = kept.gzipped
		}
	}
	// an answer built for a gzip client is compressed fast and not kept
	// so: the first ask from the cache compresses it small
	for i, keptGzipped := range []bool{false, false, true} {
		req := httptest.NewRequest("GET", "/api/v1/search", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		if err := a.serve(e.NewContext(req, rec), ix, "z", true, build); err != nil {
			t.Fatal(err)
		}
		if got := gunzip(t, rec.Body.Bytes()); string(got) != want+"\n" {
			t.Errorf("gzip ask %d: %.40q…", i, got)
		}
		kept, _ := a.bodies.current(ix).Get("z")
		if got := kept != nil && kept.gzipped != nil; got != keptGzipped {
			t.Errorf("gzip ask %d: kept gzipped %v, want %v", i, got, keptGzipped)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("broken gzip: %v", err)
	}
	return out
}
