package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/labstack/echo/v4"
)

var testSite = fstest.MapFS{
	"index.html":   {Data: []byte(`<link rel="stylesheet" href="/assets/_/app.css"><script type="module" src="/assets/_/app/main.js"></script>`)},
	"sw.js":        {Data: []byte(`const SHELL = /*PRECACHE*/[]; const BASE = "/assets/_/";`)},
	"app.css":      {Data: []byte(strings.Repeat("body { color: black; }\n", 50))},
	"app/main.js":  {Data: []byte(`import "./other.js";`)},
	"i18n/de.json": {Data: []byte(`{"title":"Wegweiser"}`)},
	"i18n/ar.json": {Data: []byte(`{"title":"Wegweiser"}`)},
	"vendor/x.js":  {Data: []byte(`x`)},

	"widget/widget.js":    {Data: []byte(`const ASSETS = new URL('/assets/_/', import.meta.url);` + strings.Repeat("\n// widget", 50))},
	"widget/embed.html":   {Data: []byte(`<script type="module" src="/assets/_/widget/embed.js"></script>`)},
	"widget/embed.js":     {Data: []byte(`import '/widget.js';`)},
	"widget/builder.html": {Data: []byte(`<script type="module" src="/assets/_/widget/builder.js"></script>`)},
	"widget/builder.js":   {Data: []byte(`import '/widget.js';`)},
}

func mustStatic(tb testing.TB, files fstest.MapFS) (*echo.Echo, string) {
	tb.Helper()
	e := echo.New()
	if _, err := registerStatic(e, files); err != nil {
		tb.Fatalf("registerStatic: %v", err)
	}
	site, err := loadStatic(files)
	if err != nil {
		tb.Fatalf("loadStatic: %v", err)
	}
	return e, site.hash
}

func TestRegisterStatic(t *testing.T) {
	e, hash := mustStatic(t, testSite)
	prefix := "/assets/" + hash + "/"
	tests := []struct {
		name, method, target, encoding, ifNoneMatch string
		status                                      int
		cache, ctype, gzip                          string
		body                                        *regexp.Regexp
	}{
		{name: "index rewritten", target: "/", status: 200, cache: "no-cache", ctype: "text/html; charset=utf-8",
			body: regexp.MustCompile(`href="` + prefix + `app.css".*src="` + prefix + `app/main.js"`)},
		{name: "index revalidated", target: "/", ifNoneMatch: `"` + hash + `"`, status: 304, cache: "no-cache"},
		{name: "index with query", target: "/?q=Arbeit&lang=ar", status: 200, cache: "no-cache"},
		{name: "service worker lists shell", target: "/sw.js", status: 200, cache: "no-cache",
			ctype: "text/javascript; charset=utf-8",
			body:  regexp.MustCompile(`SHELL = \["/","` + prefix + `app.css","` + prefix + `app/main.js","` + prefix + `i18n/ar.json","` + prefix + `i18n/de.json"\]; const BASE = "` + prefix + `"`)},
		{name: "asset immutable", target: prefix + "app/main.js", status: 200,
			cache: "public, max-age=31536000, immutable", ctype: "text/javascript; charset=utf-8",
			body: regexp.MustCompile(`^import "./other.js";$`)},
		{name: "asset gzipped", target: prefix + "app.css", encoding: "gzip, deflate, br", status: 200,
			cache: "public, max-age=31536000, immutable", ctype: "text/css; charset=utf-8", gzip: "gzip",
			body: regexp.MustCompile(`^body \{ color: black; \}`)},
		{name: "gzip refused", target: prefix + "app.css", encoding: "gzip;q=0", status: 200, gzip: "",
			body: regexp.MustCompile(`^body`)},
		{name: "json", target: prefix + "i18n/de.json", status: 200, ctype: "application/json"},
		{name: "head", method: http.MethodHead, target: prefix + "app.css", status: 200, ctype: "text/css; charset=utf-8"},
		{name: "widget revalidated by ETag", target: "/widget.js", encoding: "gzip", status: 200, cache: "no-cache",
			ctype: "text/javascript; charset=utf-8", gzip: "gzip",
			body: regexp.MustCompile(`^const ASSETS = new URL\('` + prefix + `', import.meta.url\);`)},
		{name: "widget unchanged", target: "/widget.js", ifNoneMatch: `"` + hash + `"`, status: 304, cache: "no-cache"},
		{name: "embed page", target: "/embed?q=Arbeit&lang=ar", status: 200, cache: "no-cache", ctype: "text/html; charset=utf-8",
			body: regexp.MustCompile(`src="` + prefix + `widget/embed.js"`)},
		{name: "embed builder", target: "/embed-builder", status: 200, cache: "no-cache",
			body: regexp.MustCompile(`src="` + prefix + `widget/builder.js"`)},
		{name: "embed script is an asset", target: prefix + "widget/embed.js", status: 200, cache: "public, max-age=31536000, immutable"},
		{name: "widget only at its address", target: prefix + "widget/widget.js", status: 404},
		{name: "embed page only at its address", target: prefix + "widget/embed.html", status: 404},
		{name: "old hash", target: "/assets/0123456789abcdef/app.css", status: 404},
		{name: "placeholder hash", target: "/assets/_/app.css", status: 404},
		{name: "unknown file", target: prefix + "nope.js", status: 404},
		{name: "index not an asset", target: prefix + "index.html", status: 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, tc.target, nil)
			if tc.encoding != "" {
				req.Header.Set("Accept-Encoding", tc.encoding)
			}
			if tc.ifNoneMatch != "" {
				req.Header.Set("If-None-Match", tc.ifNoneMatch)
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status: got %d, want %d", rec.Code, tc.status)
			}
			h := rec.Header()
			if tc.cache != "" && h.Get("Cache-Control") != tc.cache {
				t.Errorf("Cache-Control: got %q, want %q", h.Get("Cache-Control"), tc.cache)
			}
			if tc.ctype != "" && h.Get("Content-Type") != tc.ctype {
				t.Errorf("Content-Type: got %q, want %q", h.Get("Content-Type"), tc.ctype)
			}
			if got := h.Get("Content-Encoding"); got != tc.gzip {
				t.Errorf("Content-Encoding: got %q, want %q", got, tc.gzip)
			}
			if tc.body != nil {
				if body := readBody(t, rec); !tc.body.MatchString(body) {
					t.Errorf("body: got %q, want match for %s", body, tc.body)
				}
			}
		})
	}
}

func readBody(tb testing.TB, rec *httptest.ResponseRecorder) string {
	tb.Helper()
	if rec.Header().Get("Content-Encoding") != "gzip" {
		return rec.Body.String()
	}
	zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		tb.Fatalf("gzip: %v", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("gzip: %v", err)
	}
	return string(b)
}

func TestStaticHashChangesWithContent(t *testing.T) {
	_, before := mustStatic(t, testSite)
	changed := fstest.MapFS{}
	for k, v := range testSite {
		changed[k] = v
	}
	changed["vendor/x.js"] = &fstest.MapFile{Data: []byte("y")}
	_, after := mustStatic(t, changed)
	if before == after {
		t.Errorf("hash: got %s for both, want a new hash after a change", before)
	}
}

func TestRegisterStaticNeedsShell(t *testing.T) {
	_, err := registerStatic(echo.New(), fstest.MapFS{"index.html": {Data: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "sw.js missing") {
		t.Errorf("error: got %v, want sw.js missing", err)
	}
}
