package server

import (
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// maxURLBytes bounds the request target. The longest honest search is 200
// characters of Arabic or Cyrillic text percent-encoded (six bytes each) plus
// a few filters, well under 4 KiB.
const maxURLBytes = 4096

// defaultRequestTimeout bounds the work of one request: its context ends
// then, the search stops with it and the client gets a 503.
const defaultRequestTimeout = 10 * time.Second

// permissionsPolicy switches off every browser feature but geolocation,
// which the page may ask for to sort results by distance.
const permissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), " +
	"fullscreen=(), geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
	"picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), " +
	"xr-spatial-tracking=()"

// contentSecurityPolicy allows nothing but the site itself, plus map tiles
// from the origin of tileURL when a map is configured. No inline script or
// style: the frontend is plain files under /assets/. frameAncestors says who
// may show the page in a frame: "'none'", or "*" for the embed page.
func contentSecurityPolicy(tileURL, frameAncestors string) string {
	img := "'self' data:"
	if origin := originOf(tileURL); origin != "" {
		img += " " + origin
	}
	return "default-src 'self'; img-src " + img + "; style-src 'self'; script-src 'self'; connect-src 'self'; " +
		"worker-src 'self'; frame-ancestors " + frameAncestors + "; base-uri 'none'; form-action 'self'"
}

// originOf returns scheme://host of a tile URL template, "" when it has none.
// The template's braces live in the path, so url.Parse accepts it.
func originOf(tileURL string) string {
	u, err := url.Parse(tileURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(u.Host, "{}; '") {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// securityHeaders sets the headers every response carries, errors included.
// Only the embed page may be framed, by any site; everything else by none.
func securityHeaders(cfg Config) echo.MiddlewareFunc {
	// Each value is made once and shared by every response, not made per
	// request by Header.Set (a slice each): on a cached answer or a health
	// check the five headers were 9 % of the CPU. net/http only reads them.
	csp := []string{contentSecurityPolicy(cfg.TileURL, "'none'")}
	framable := []string{contentSecurityPolicy(cfg.TileURL, "*")}
	fixed := []struct {
		key   string
		value []string
	}{
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"no-referrer"}},
		{"Permissions-Policy", []string{permissionsPolicy}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			if c.Path() == embedPath { // the route matched, so /embed/x or /embedx are not it
				h["Content-Security-Policy"] = framable
			} else {
				h["Content-Security-Policy"] = csp
			}
			for _, f := range fixed {
				h[f.key] = f.value
			}
			return next(c)
		}
	}
}

// allowAnyOrigin lets pages on any site read the API, the widget script and
// its assets (the translations): Access-Control-Allow-Origin: *. All of it
// is public and read-only, and the widget sends no credentials, so there is
// no origin to check. Simple requests only: a preflight (OPTIONS) stays a 405
// and no other Access-Control header is ever sent. Nothing varies by Origin,
// so a shared cache keeps one copy; echo's CORS middleware would answer
// preflights and add Vary: Origin, which is why it is not used. It runs
// before the limits, so that a 414 or 429 is readable by the widget too.
func allowAnyOrigin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if isAPI(p) || strings.HasPrefix(p, "/assets/") || p == widgetPath {
			c.Response().Header().Set("Access-Control-Allow-Origin", "*")
		}
		return next(c)
	}
}

// isAPI tells the JSON APIs (Wegweiser's under /api/, HSDS under /hsds)
// from the pages: they answer errors in JSON, are compressed, rate
// limited and readable from any origin.
func isAPI(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/hsds" || strings.HasPrefix(path, "/hsds/")
}

// limitURL answers 414 for an overlong request target before anything
// parses it.
func limitURL(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if len(c.Request().RequestURI) > maxURLBytes || len(c.Request().URL.RawQuery) > maxURLBytes {
			e := &apiError{Status: http.StatusRequestURITooLong, Code: "too_large",
				Message: "the URL is longer than " + strconv.Itoa(maxURLBytes) + " bytes"}
			if name, size := longestParam(c.Request().URL.RawQuery); name != "" {
				e.Parameter = name
				e.Message = name + ": " + strconv.Itoa(size) + " bytes in the URL; " + e.Message
			}
			return e
		}
		return next(c)
	}
}

// longestParam names the parameter that takes the most of a raw query, and
// its size there, from its name=value pairs alone: an overlong query is
// refused before anything decodes its values. No name when it is not
// readable or implausibly long (then the URL is the fault, not a parameter).
func longestParam(rawQuery string) (name string, size int) {
	longest := ""
	for pair := range strings.SplitSeq(rawQuery, "&") {
		if len(pair) > len(longest) {
			longest = pair
		}
	}
	raw, value, _ := strings.Cut(longest, "=")
	if n, err := url.QueryUnescape(raw); err == nil && n != "" && len(n) <= maxParamName {
		return n, len(value)
	}
	return "", 0
}

// maxParamName bounds the parameter names an error repeats.
const maxParamName = 32

// readOnly allows only GET and HEAD: the public site changes nothing, so
// any other method is a mistake or a probe.
func readOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead:
			return next(c)
		}
		c.Response().Header().Set("Allow", "GET, HEAD")
		return &apiError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
			Message: "only GET and HEAD are allowed"}
	}
}

// logPanic logs a recovered panic with its stack into the one log; the
// panic then becomes a 500 like any error. No URL, so no query.
func (s *server) logPanic(c echo.Context, err error, stack []byte) error {
	s.log.Error("panic", "route", c.Path(), "err", err, "stack", string(stack))
	return err
}

// ipExtractor reads the client address from X-Forwarded-For only when the
// connection comes from a trusted proxy; otherwise anyone could pick the
// address their requests are counted under.
func ipExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}
