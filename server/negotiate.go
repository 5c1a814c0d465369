package server

import (
	"compress/flate"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// acceptsGzip reads Accept-Encoding as RFC 9110 (12.5.3) says: gzip (or its
// alias x-gzip) with a weight above 0, or "*" above 0 when gzip is not
// named. A weight of 0 ("gzip;q=0", "q=0.000") means "not acceptable". No
// header means no compression, as everywhere in practice.
func acceptsGzip(r *http.Request) bool {
	star := false
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(part, ";")
		q, ok := weight(params)
		if !ok {
			continue // a malformed weight: the element means nothing
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}

// weight reads the q parameter among an element's parameters; 1 without it.
func weight(params string) (float64, bool) {
	for _, p := range strings.Split(params, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0, false
		}
		return q, true
	}
	return 1, true
}

// notModified tells whether If-None-Match matches etag by RFC 9110's weak
// comparison (13.1.2): "*" matches, and so does any tag of the list whose
// opaque part equals etag's, with or without W/.
func notModified(r *http.Request, etag string) bool {
	header := r.Header.Get("If-None-Match")
	if strings.TrimSpace(header) == "*" {
		return true
	}
	for _, tag := range strings.Split(header, ",") {
		if strings.TrimPrefix(strings.TrimSpace(tag), "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}

// compressAPI gzips the API's answers for clients that accept gzip (echo's
// middleware alone would also gzip for "gzip;q=0"). Every answer says that
// it varies with Accept-Encoding, so that no cache hands a compressed
// answer to a client that refused it. The frontend's assets are compressed
// once at startup and skip it.
//
// echo v4 wraps the handler in the middleware of e.Use anew for every
// request, so what must outlive a request is made here, once: echo's gzip
// middleware keeps its writers (about 1 MB of compressor each) in a pool
// that it makes when it is made. Made inside the wrapper, every request
// had a pool and a writer of its own, and the runtime's list of pools kept
// each alive until the second collection after it: under the soak's load
// hundreds of MiB that counted as live heap (docs/decisions/ops-retire-index.md).
//
// The routes of selfCompressed compress their answers themselves (answers.serve
// keeps them compressed); they only get the Vary header here.
func compressAPI(selfCompressed ...string) echo.MiddlewareFunc {
	// BestSpeed, as for the searches built anew (answers.serve): these are
	// compressed at every request, and a page of HSDS services (42-85 KB
	// of JSON) takes 0.73-1.77 ms at the default level, 0.19-0.57 ms at
	// BestSpeed, for a sixth more bytes (docs/decisions/compressed-answers.md)
	gzip := middleware.GzipWithConfig(middleware.GzipConfig{Level: flate.BestSpeed})
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		zipped := gzip(next)
		return func(c echo.Context) error {
			if !isAPI(c.Path()) {
				return next(c)
			}
			if !acceptsGzip(c.Request()) || slices.Contains(selfCompressed, c.Path()) {
				c.Response().Header().Add("Vary", "Accept-Encoding")
				return next(c)
			}
			// echo's middleware looks for the word gzip only; the decision is
			// made, so "*" is said as gzip.
			c.Request().Header.Set("Accept-Encoding", "gzip")
			return zipped(c)
		}
	}
}
