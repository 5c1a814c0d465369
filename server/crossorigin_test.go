package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestCrossOrigin: pages on other sites may read the API, the widget and
// its assets (simple GET requests, no credentials), and nothing else.
func TestCrossOrigin(t *testing.T) {
	e := serverWith(t, Config{}, nil)
	limited := serverWith(t, Config{RateLimit: 1}, nil)
	origin := map[string]string{"Origin": "https://www.stadt.example"}
	tests := []struct {
		name, method, target string
		header               map[string]string
		status               int
		allow                string // Access-Control-Allow-Origin
	}{
		{"search", "GET", "/api/v1/search?q=Arbeit", origin, 200, "*"},
		{"suggest", "GET", "/api/v1/suggest?q=Arb", origin, 200, "*"},
		{"without Origin too (one cached answer for all)", "GET", "/api/v1/topics", nil, 200, "*"},
		{"bad parameter readable", "GET", "/api/v1/search?limit=0", origin, 400, "*"},
		{"unknown API route", "GET", "/api/v1/nope", origin, 404, "*"},
		{"rate limited readable", "GET", "/api/v1/areas", origin, 429, "*"},
		{"widget script", "GET", "/widget.js", origin, 200, "*"},
		{"old asset", "GET", "/assets/0123456789abcdef/i18n/de.json", origin, 404, "*"},
		{"head", "HEAD", "/api/v1/groups?lang=ar", origin, 200, "*"},
		{"page", "GET", "/", origin, 200, ""},
		{"embed page", "GET", "/embed", origin, 200, ""},
		{"builder", "GET", "/embed-builder", origin, 200, ""},
		{"health", "GET", "/healthz", origin, 200, ""},
		{"preflight refused", "OPTIONS", "/api/v1/search?q=Arbeit", map[string]string{
			"Origin": "https://www.stadt.example", "Access-Control-Request-Method": "GET",
			"Access-Control-Request-Headers": "x-requested-with"}, 405, "*"},
		{"writes refused", "POST", "/api/v1/search", origin, 405, "*"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := e
			if tc.status == http.StatusTooManyRequests {
				e = limited
				for range 2 { // use up the burst of this client
					do(e, "GET", "/api/v1/areas", nil)
				}
			}
			rec := do(e, tc.method, tc.target, tc.header)
			if rec.Code != tc.status {
				t.Fatalf("status: got %d, want %d", rec.Code, tc.status)
			}
			h := rec.Header()
			if got := h.Get("Access-Control-Allow-Origin"); got != tc.allow {
				t.Errorf("Access-Control-Allow-Origin: got %q, want %q", got, tc.allow)
			}
			for name := range h {
				if strings.HasPrefix(name, "Access-Control-") && name != "Access-Control-Allow-Origin" {
					t.Errorf("%s: %q, want no such header (no credentials, no preflight)", name, h.Get(name))
				}
			}
			if strings.Contains(h.Get("Vary"), "Origin") {
				t.Errorf("Vary: got %q, want nothing varying by Origin", h.Get("Vary"))
			}
			if h.Get("Set-Cookie") != "" {
				t.Errorf("Set-Cookie: got %q, want none", h.Get("Set-Cookie"))
			}
		})
	}
}

// TestFrameAncestors: only the embed page may be framed, by any site; the
// rest of its policy is the same as everywhere.
func TestFrameAncestors(t *testing.T) {
	e := serverWith(t, Config{TileURL: "https://tiles.example.org/{z}/{x}/{y}.png"}, nil)
	closed := contentSecurityPolicy("https://tiles.example.org/{z}/{x}/{y}.png", "'none'")
	open := strings.Replace(closed, "frame-ancestors 'none'", "frame-ancestors *", 1)
	if open == closed {
		t.Fatalf("policy has no frame-ancestors 'none': %s", closed)
	}
	for _, tc := range []struct {
		target string
		status int
		want   string
	}{
		{"/embed", 200, open},
		{"/embed?q=Arbeit&topic=work&area=wolfsburg&lang=ar", 200, open},
		{"/", 200, closed},
		{"/?q=Arbeit", 200, closed},
		{"/embed-builder", 200, closed},
		{"/widget.js", 200, closed},
		{"/sw.js", 200, closed},
		{"/api/v1/search?q=Arbeit", 200, closed},
		{"/embed/", 404, closed},
		{"/embedx", 404, closed},
		{"/nope", 404, closed},
	} {
		rec := do(e, "GET", tc.target, nil)
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, rec.Code, tc.status)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != tc.want {
			t.Errorf("%s: Content-Security-Policy\n got %s\nwant %s", tc.target, got, tc.want)
		}
	}
}
