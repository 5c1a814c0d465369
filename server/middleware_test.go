package server

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// serverWith serves the fixture data with the given configuration.
func serverWith(tb testing.TB, cfg Config, log *slog.Logger) *echo.Echo {
	tb.Helper()
	return serverWithFiles(tb, cfg, log, testFrontend)
}

// serverWithFiles serves the fixture data with a frontend of files.
func serverWithFiles(tb testing.TB, cfg Config, log *slog.Logger, files fs.FS) *echo.Echo {
	tb.Helper()
	d, problems := index.Load(os.DirFS("../testdata/fixture"), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("fixture: %v", errs)
	}
	ix, err := index.New(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	var live index.Live
	live.Swap(ix)
	tb.Cleanup(func() { live.Swap(nil) })
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	e, err := New(&live, files, cfg, log)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

func do(e http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	req.RemoteAddr = "192.0.2.1:1234"
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	e := serverWith(t, Config{TileURL: "https://tiles.example.org/{z}/{x}/{y}.png"}, nil)
	wantCSP := "default-src 'self'; img-src 'self' data: https://tiles.example.org; style-src 'self'; " +
		"script-src 'self'; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
	for _, tc := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/", 200},
		{"GET", "/sw.js", 200},
		{"GET", "/api/v1/search?q=Arbeit", 200},
		{"GET", "/api/v1/nope", 404},
		{"GET", "/nope", 404},
		{"GET", "/api/v1/search?limit=0", 400},
		{"POST", "/api/v1/search", 405},
		{"GET", "/healthz", 200},
	} {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			rec := do(e, tc.method, tc.target, nil)
			if rec.Code != tc.status {
				t.Fatalf("status = %d, want %d", rec.Code, tc.status)
			}
			for name, want := range map[string]string{
				"Content-Security-Policy": wantCSP,
				"X-Content-Type-Options":  "nosniff",
				"Referrer-Policy":         "no-referrer",
			} {
				if got := rec.Header().Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if pp := rec.Header().Get("Permissions-Policy"); !strings.Contains(pp, "geolocation=(self)") || !strings.Contains(pp, "camera=()") {
				t.Errorf("Permissions-Policy = %q, want geolocation=(self) and everything else off", pp)
			}
		})
	}
}

func TestContentSecurityPolicyIgnoresBadTileURL(t *testing.T) {
	for tileURL, want := range map[string]string{
		"":                              "img-src 'self' data:;",
		"http://a.tile.example/{z}.png": "img-src 'self' data: http://a.tile.example;",
		"javascript:alert(1)":           "img-src 'self' data:;",
		"https://x; script-src *":       "img-src 'self' data:;",
	} {
		if got := contentSecurityPolicy(tileURL, "'none'"); !strings.Contains(got, want) {
			t.Errorf("tile URL %q: got %q, want it to contain %q", tileURL, got, want)
		}
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
		for _, target := range []string{"/api/v1/search?q=x", "/", "/healthz", "/api/v1/nope", "/assets/x/app.js"} {
			rec := do(e, method, target, nil)
			if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: status %d, Allow %q; want 405 with Allow: GET, HEAD", method, target, rec.Code, rec.Header().Get("Allow"))
			}
			if method != "HEAD" && !strings.Contains(rec.Body.String(), `"code":"method_not_allowed"`) {
				t.Errorf("%s %s: body %s, want the JSON error", method, target, rec.Body)
			}
		}
	}
	for _, target := range []string{"/api/v1/search?q=Arbeit", "/healthz", "/api/v1/topics", "/"} {
		if rec := do(e, "HEAD", target, nil); rec.Code != 200 {
			t.Errorf("HEAD %s: status %d, want 200", target, rec.Code)
		}
	}
}

func TestURLTooLong(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	rec := do(e, "GET", "/api/v1/search?q="+strings.Repeat("a", maxURLBytes), nil)
	if rec.Code != http.StatusRequestURITooLong || !strings.Contains(rec.Body.String(), `"too_large"`) {
		t.Errorf("status %d, body %s; want 414 with the JSON error", rec.Code, rec.Body)
	}
	// The error names the parameter that made the URL long.
	tests := []struct{ target, parameter string }{
		{"/api/v1/search?lang=de&q=" + strings.Repeat("a", maxURLBytes), `"parameter":"q"`},
		{"/api/v1/search?q=Arbeit&ne%61r=" + strings.Repeat("5", maxURLBytes), `"parameter":"near"`},
		{"/api/v1/search?" + strings.Repeat("x", maxURLBytes), `"parameter":"` + strings.Repeat("x", 4)},
	}
	for i, tt := range tests {
		rec := do(e, "GET", tt.target, nil)
		body := rec.Body.String()
		if i < 2 && (!strings.Contains(body, tt.parameter) || !strings.Contains(body, strconv.Itoa(maxURLBytes)+" bytes in the URL")) {
			t.Errorf("%.60s…: body %s, want %s and its size", tt.target, body, tt.parameter)
		}
		if i == 2 && strings.Contains(body, tt.parameter) {
			t.Errorf("an overlong name: body %.200s, want no parameter named", body)
		}
	}
	if rec := do(e, "GET", "/api/v1/search?q="+strings.Repeat("%D8%B9", 200), nil); rec.Code != 200 {
		t.Errorf("200 Arabic letters: status %d, want 200", rec.Code)
	}
}

func TestRateLimit(t *testing.T) {
	_, proxy, _ := net.ParseCIDR("10.0.0.0/8")
	e := serverWith(t, Config{RateLimit: 1, TrustedProxies: []*net.IPNet{proxy}}, nil)
	const target = "/api/v1/topics"
	for i := range 2 { // the burst is twice the rate
		if rec := do(e, "GET", target, nil); rec.Code != 200 {
			t.Fatalf("request %d: status %d, want 200", i+1, rec.Code)
		}
	}
	rec := do(e, "GET", target, nil)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), `"rate_limited"`) {
		t.Fatalf("third request: status %d, Retry-After %q, body %s; want 429, 1 and the JSON error", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	for _, target := range []string{"/healthz", "/readyz", "/", "/sw.js"} {
		if rec := do(e, "GET", target, nil); rec.Code != 200 {
			t.Errorf("%s while limited: status %d, want 200 (only the API is limited)", target, rec.Code)
		}
	}
	// An untrusted client cannot escape its limit by claiming another address.
	if rec := do(e, "GET", target, map[string]string{"X-Forwarded-For": "198.51.100.7"}); rec.Code != http.StatusTooManyRequests {
		t.Errorf("spoofed X-Forwarded-For: status %d, want 429", rec.Code)
	}
	// Behind a trusted proxy each forwarded client has its own limit.
	viaProxy := func(client string) int {
		req := httptest.NewRequest("GET", target, nil)
		req.RemoteAddr = "10.1.2.3:5555"
		req.Header.Set("X-Forwarded-For", client)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec.Code
	}
	for _, client := range []string{"198.51.100.1", "198.51.100.2", "198.51.100.1"} {
		if code := viaProxy(client); code != 200 {
			t.Errorf("client %s via trusted proxy: status %d, want 200", client, code)
		}
	}
}

func TestRateLimitOff(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	for i := range 100 {
		if rec := do(e, "GET", "/api/v1/topics", nil); rec.Code != 200 {
			t.Fatalf("request %d: status %d, want 200 without a limit", i+1, rec.Code)
		}
	}
}

// TestHostileInputs sends what scanners and curious users send. Nothing of
// it may reach bleve as query syntax or give a server error.
func TestHostileInputs(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	values := []string{
		`"`, `""`, `"unclosed`, `*`, `**`, `?`, `~`, `~2`, `Arbeit~5`, `a:b`, `:`, `name.de:x`, `\`, `\\`, `\"`,
		`+`, `-`, `+-!&|^`, `AND`, `OR NOT`, `&&`, `||`, `(`, `)`, `{}`, `[]`, `[a TO z]`, `/regex.*/`, `^5`,
		"\x00", "\x01\x02\x7f", "a\r\nb", "\t", "\u200b", "\u202e", "\ufeff", "%00", "%ff", "%c0%af", "%e2%80", "\xff\xfe",
		"99999999999999999999999999", "-1", "1e308", "NaN", "Inf", "-0", "0x10", "1,2,3",
		"<script>alert(1)</script>", "'; DROP TABLE x; --", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd",
		strings.Repeat("(", 100), strings.Repeat(`"a" `, 50), strings.Repeat("a", 200), strings.Repeat("ü", 200),
	}
	params := []string{"q", "lang", "topic", "language", "area", "group", "free", "wheelchair", "open", "near", "page", "limit"}
	for _, path := range []string{"/api/v1/search", "/api/v1/suggest", "/api/v1/topics"} {
		for _, p := range params {
			for _, v := range values {
				for _, raw := range []string{escape(v), v} {
					req := httptest.NewRequest("GET", "/", nil)
					req.URL.Path, req.URL.RawQuery, req.RequestURI = path, p+"="+raw, path+"?"+p+"="+raw
					rec := httptest.NewRecorder()
					e.ServeHTTP(rec, req)
					if rec.Code >= 500 {
						t.Errorf("%s?%s=%q: status %d, body %s", path, p, raw, rec.Code, rec.Body)
					}
				}
			}
		}
	}
	// Query syntax is just text: a wildcard or field query matches nothing
	// (total 0, the first contacts as a fallback), and "-" excludes nothing.
	for q, want := range map[string]float64{"*": 0, "_all:*": 0, "name.de:*": 0, "/.*/": 0, "+Jobsuche -Jobsuche": 1} {
		rec, body := get(t, e, "/api/v1/search?q="+escape(q))
		if got := jsonPath(body, "total"); rec.Code != 200 || got != want {
			t.Errorf("q=%q: status %d, total %v; want 200 and %v", q, rec.Code, got, want)
		}
	}
	for _, target := range []string{"/api/v1/services/%00/%ff", "/api/v1/services/..%2f..%2fetc/passwd", "/api/v1/organizations/*", "/assets/%2e%2e/x", "/api/v1/organizations/" + strings.Repeat("x", 3000)} {
		if rec := do(e, "GET", target, nil); rec.Code >= 500 {
			t.Errorf("%s: status %d, body %s", target, rec.Code, rec.Body)
		}
	}
}

// escape percent-encodes every byte but letters and digits.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}

func TestAPIAnswersAreCompressed(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	rec := do(e, "GET", "/api/v1/search?q=Arbeit", map[string]string{"Accept-Encoding": "gzip"})
	if rec.Code != 200 || rec.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("status %d, Content-Encoding %q; want 200 and gzip", rec.Code, rec.Header().Get("Content-Encoding"))
	}
	if rec := do(e, "GET", "/api/v1/search?q=Arbeit", nil); rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("compressed for a client that did not ask: %q", rec.Header().Get("Content-Encoding"))
	}
}

func TestPanicBecomesLoggedServerError(t *testing.T) {
	m := NewMetrics()
	var logs strings.Builder
	e := serverWith(t, Config{Metrics: m}, slog.New(slog.NewJSONHandler(&logs, nil)))
	e.GET("/boom", func(echo.Context) error { panic("boom") })
	rec := do(e, "GET", "/boom?q=secret", nil)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"code":"internal"`) {
		t.Errorf("status %d, body %s; want 500 with the JSON error", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), `"msg":"panic"`) || strings.Contains(logs.String(), "secret") {
		t.Errorf("want the panic logged without the query:\n%s", logs.String())
	}
	if body := do(Admin(m), "GET", "/metrics", nil).Body.String(); !strings.Contains(body, `route="/boom",status="500"} 1`) {
		t.Error("the 500 was not counted")
	}
}
