package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
)

// assetPlaceholder is how the pages (index.html, sw.js, the widget) refer to
// the asset folder. registerStatic replaces it once at startup with
// /assets/<hash>/, so that a URL changes whenever any file changes and can be
// cached for a year.
const assetPlaceholder = "/assets/_/"

// widgetPath and embedPath are the widget's two public addresses: partner
// sites load the script from any origin (CORS) and frame the embed page
// (frame-ancestors *); see docs/decisions/embed-widget.md.
const (
	widgetPath = "/widget.js"
	embedPath  = "/embed"
)

// pages are the files served at an address of their own, which must stay
// the same across versions, so they are revalidated on every load. Every
// other file is an asset under /assets/<hash>/.
var pages = []struct{ route, file string }{
	{"/", "index.html"},
	{"/sw.js", "sw.js"},
	{widgetPath, "widget/widget.js"},
	{embedPath, "widget/embed.html"},
	{"/embed-builder", "widget/builder.html"},
}

// precachePlaceholder in sw.js becomes the JSON list of the URLs the service
// worker stores on install: the shell and every interface language, so that
// switching the language works offline (all ten are 20 KiB compressed).
// Vendored libraries are cached when used; the widget's files are not part
// of the page.
const precachePlaceholder = "/*PRECACHE*/[]"

// staticAsset is one file, kept in memory as is and gzip-compressed.
type staticAsset struct {
	body, gzipped []byte
	contentType   string
}

// staticSite is the frontend, prepared once at startup.
type staticSite struct {
	hash   string
	assets map[string]staticAsset // by path inside files, e.g. "app/main.js"
}

// registerStatic serves the embedded frontend: the pages revalidated on
// every load, and every other file under /assets/<hash>/<path> with
// immutable caching. files is static.FS().
func registerStatic(e *echo.Echo, files fs.FS) (*staticSite, error) {
	site, err := loadStatic(files)
	if err != nil {
		return nil, fmt.Errorf("static: %w", err)
	}
	methods := []string{http.MethodGet, http.MethodHead}
	for _, p := range pages {
		if _, ok := site.assets[p.file]; !ok {
			return nil, fmt.Errorf("static: %s missing", p.file)
		}
		e.Match(methods, p.route, site.page(p.file))
	}
	e.Match(methods, "/assets/:hash/*", site.asset)
	return site, nil
}

func isPage(name string) bool {
	for _, p := range pages {
		if p.file == name {
			return true
		}
	}
	return false
}

// loadStatic reads every file, hashes them all together and rewrites the
// asset URLs in the pages.
func loadStatic(files fs.FS) (*staticSite, error) {
	raw := map[string][]byte{}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, name)
		raw[name] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	site := &staticSite{hash: hashFiles(raw), assets: map[string]staticAsset{}}
	prefix := "/assets/" + site.hash + "/"
	for name, b := range raw {
		if isPage(name) {
			b = bytes.ReplaceAll(b, []byte(assetPlaceholder), []byte(prefix))
		}
		if name == "sw.js" {
			b = bytes.Replace(b, []byte(precachePlaceholder), precacheList(raw, prefix), 1)
		}
		a, err := newStaticAsset(name, b)
		if err != nil {
			return nil, err
		}
		site.assets[name] = a
	}
	return site, nil
}

// hashFiles returns a short hex digest over all names and contents.
func hashFiles(raw map[string][]byte) string {
	names := make([]string, 0, len(raw))
	for name := range raw {
		names = append(names, name)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(raw[name]))
		h.Write(raw[name])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// precacheList is the JSON array of shell URLs for the service worker.
func precacheList(raw map[string][]byte, prefix string) []byte {
	urls := []string{"/"}
	for name := range raw {
		if isPage(name) || strings.HasPrefix(name, "vendor/") || strings.HasPrefix(name, "widget/") {
			continue
		}
		urls = append(urls, prefix+name)
	}
	sort.Strings(urls)
	b, _ := json.Marshal(urls) // a []string always marshals
	return b
}

func newStaticAsset(name string, body []byte) (staticAsset, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // level is valid
	if _, err := zw.Write(body); err != nil {
		return staticAsset{}, err
	}
	if err := zw.Close(); err != nil {
		return staticAsset{}, err
	}
	a := staticAsset{body: body, contentType: contentType(name)}
	if buf.Len() < len(body) {
		a.gzipped = buf.Bytes()
	}
	return a, nil
}

// contentTypes is explicit so that answers do not depend on the host's
// mime.types file.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
	".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
	".webmanifest": "application/manifest+json", ".txt": "text/plain; charset=utf-8",
}

func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// page serves a file that must be revalidated on every load; its ETag is
// the site hash, so a revalidation costs one 304. /widget.js too: it names
// the asset folder of this version, which the next version deletes.
func (s *staticSite) page(name string) echo.HandlerFunc {
	return func(c echo.Context) error {
		etag := `"` + s.hash + `"`
		h := c.Response().Header()
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", etag)
		if notModified(c.Request(), etag) {
			return c.NoContent(http.StatusNotModified)
		}
		return s.send(c, s.assets[name])
	}
}

// asset serves /assets/<hash>/<path>; only the current hash exists, and
// pages only at their own address.
func (s *staticSite) asset(c echo.Context) error {
	a, ok := s.assets[c.Param("*")]
	if !ok || c.Param("hash") != s.hash || isPage(c.Param("*")) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	return s.send(c, a)
}

func (s *staticSite) send(c echo.Context, a staticAsset) error {
	h := c.Response().Header()
	h.Set("X-Content-Type-Options", "nosniff")
	body := a.body
	if a.gzipped != nil {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(c.Request()) {
			h.Set("Content-Encoding", "gzip")
			body = a.gzipped
		}
	}
	if c.Request().Method == http.MethodHead {
		h.Set("Content-Type", a.contentType)
		return c.NoContent(http.StatusOK)
	}
	return c.Blob(http.StatusOK, a.contentType, body)
}
