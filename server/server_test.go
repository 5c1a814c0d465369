package server

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// testFrontend is the least registerStatic needs.
var testFrontend = fstest.MapFS{
	"index.html": {Data: []byte(`<!doctype html><html lang="de"><head><title>Wegweiser</title></head><body><main>Wegweiser</main></body></html>`)},
	"sw.js":      {Data: []byte(`const PRECACHE = /*PRECACHE*/[];`)},

	"widget/widget.js":    {Data: []byte(`const ASSETS = new URL('/assets/_/', import.meta.url);`)},
	"widget/embed.html":   {Data: []byte(`<!doctype html><html lang="de"><title>Wegweiser</title><script type="module" src="/assets/_/widget/embed.js"></script></html>`)},
	"widget/embed.js":     {Data: []byte(`import '/widget.js';`)},
	"widget/builder.html": {Data: []byte(`<!doctype html><html lang="de"><title>Wegweiser einbinden</title></html>`)},
}

// newTestServer serves the fixture data in testdata/fixture.
func newTestServer(tb testing.TB) *echo.Echo {
	tb.Helper()
	return serverWith(tb, Config{ReportEmail: "daten@example.org"}, nil)
}

func get(tb testing.TB, e http.Handler, target string) (*httptest.ResponseRecorder, map[string]any) {
	tb.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	var body map[string]any
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			tb.Fatalf("%s: body is not JSON: %v\n%s", target, err, rec.Body.String())
		}
	}
	return rec, body
}

// jsonPath walks a decoded JSON value: jsonPath(body, "results", 0, "id").
func jsonPath(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func TestRoutes(t *testing.T) {
	e := newTestServer(t)
	tests := []struct {
		name, target string
		status       int
		check        func(body map[string]any) string // "" when fine
	}{
		{"healthz", "/healthz", 200, func(b map[string]any) string { return want(jsonPath(b, "status"), "ok") }},
		{"readyz", "/readyz", 200, func(b map[string]any) string { return want(jsonPath(b, "services"), 2.0) }},
		{"search", "/api/v1/search?q=Aufenthaltstitel+verl%C3%A4ngern", 200, func(b map[string]any) string {
			return want(jsonPath(b, "results", 0, "id"), "beispiel-amt/aufenthalt")
		}},
		{"search fields", "/api/v1/search?q=Jobsuche&lang=en", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "results", 0, "name"), "Job search counselling"); s != "" {
				return s
			}
			if s := want(jsonPath(b, "results", 0, "organization_name"), "Job help Wolfsburg"); s != "" {
				return s
			}
			if s := want(jsonPath(b, "results", 0, "languages", 1, "name"), "Arabic"); s != "" {
				return s
			}
			return want(jsonPath(b, "results", 0, "locations", 0, "approximate"), true)
		}},
		{"search localizes to arabic labels", "/api/v1/search?topic=work&lang=ar", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "results", 0, "name"), "استشارة البحث عن عمل"); s != "" {
				return s
			}
			if s := want(jsonPath(b, "results", 0, "untranslated", 0), "organization_name"); s != "" {
				return s // the organization has no Arabic name: shown in German
			}
			return want(jsonPath(b, "results", 0, "topics", 0, "label"), "العمل")
		}},
		{"facets", "/api/v1/search?q=", 200, func(b map[string]any) string {
			return want(len(jsonPath(b, "facets", "topic").([]any)), 2)
		}},
		{"filters combine", "/api/v1/search?topic=work&topic=residence&area=braunschweig&free=true", 200, func(b map[string]any) string {
			return want(jsonPath(b, "total"), 1.0)
		}},
		{"near sorts by distance", "/api/v1/search?near=52.42,10.78", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "results", 0, "distance_approximate"), true); s != "" {
				return s // the fixture's locations are place centres
			}
			if s := want(jsonPath(b, "results", 0, "verified"), "2026-02-01"); s != "" {
				return s
			}
			return want(jsonPath(b, "results", 0, "id"), "jobhilfe/jobsuche")
		}},
		{"pagination", "/api/v1/search?limit=1&page=2", 200, func(b map[string]any) string {
			return want(jsonPath(b, "results", 0, "id"), "jobhilfe/jobsuche")
		}},
		{"nothing found: first contacts, marked", "/api/v1/search?q=qqqqqq+zzzzzz&topic=residence", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "fallback"), true); s != "" {
				return s
			}
			return want(jsonPath(b, "results", 0, "id"), "jobhilfe/jobsuche")
		}},
		{"results link to their page in the answer's language", "/api/v1/search?topic=work&lang=ar", 200, func(b map[string]any) string {
			return want(jsonPath(b, "results", 0, "url"), "/?service=jobhilfe/jobsuche&lang=ar")
		}},
		{"hostile text is just text", "/api/v1/search?q=%22*~:%5C+AND+OR+NOT+(+)+%7B%7D", 200, nil},
		{"suggest", "/api/v1/suggest?q=Aufenth", 200, func(b map[string]any) string {
			return want(jsonPath(b, "suggestions", 0, "id"), "beispiel-amt/aufenthalt")
		}},
		{"service", "/api/v1/services/beispiel-amt/aufenthalt?lang=en", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "organization", "name"), "Immigration office"); s != "" {
				return s
			}
			if s := want(jsonPath(b, "contact", "phone"), "0531 470-1"); s != "" {
				return s
			}
			if s := want(jsonPath(b, "contact", "email"), nil); s != "" {
				return s // empty fields are omitted, never guessed
			}
			return want(jsonPath(b, "locations", 0, "hours", 0, "ranges", 0), "09:00-12:00")
		}},
		{"service shows the date of each contact fact", "/api/v1/services/beispiel-amt/aufenthalt", 200, func(b map[string]any) string {
			for _, path := range [][]any{{"organization", "phones", 0, "as_of"}, {"organization", "website_as_of"},
				{"contact", "phone_as_of"}, {"locations", 0, "as_of"}, {"locations", 0, "hours_as_of"}, {"verified"}} {
				if s := want(jsonPath(b, path...), "2026-01-15"); s != "" {
					return fmt.Sprint(path, ": ", s)
				}
			}
			if s := want(jsonPath(b, "organization", "status"), "active"); s != "" {
				return s
			}
			if s := want(fmt.Sprint(jsonPath(b, "channels")), "[in-person phone email]"); s != "" {
				return s // derived from the facts shown: a place, a phone, an e-mail address
			}
			return want(jsonPath(b, "unconfirmed"), false)
		}},
		{"service falls back to german", "/api/v1/services/beispiel-amt/aufenthalt?lang=uk", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "url"), "/?service=beispiel-amt/aufenthalt&lang=uk"); s != "" {
				return s
			}
			return want(jsonPath(b, "untranslated", 0), "name")
		}},
		{"organization", "/api/v1/organizations/jobhilfe", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "services", 0, "url"), "/?service=jobhilfe/jobsuche&lang=de"); s != "" {
				return s
			}
			return want(jsonPath(b, "services", 0, "id"), "jobsuche")
		}},
		{"topics", "/api/v1/topics?lang=en", 200, func(b map[string]any) string {
			return want(jsonPath(b, "topics", 0, "label"), "Work and job search")
		}},
		{"groups", "/api/v1/groups", 200, func(b map[string]any) string { return want(jsonPath(b, "groups", 0, "id"), "refugees") }},
		{"areas", "/api/v1/areas", 200, func(b map[string]any) string { return want(jsonPath(b, "areas", 0, "id"), "braunschweig") }},
		{"languages", "/api/v1/languages?lang=de", 200, func(b map[string]any) string {
			return want(jsonPath(b, "languages", 2, "dir"), "rtl")
		}},
		{"config", "/api/v1/config", 200, func(b map[string]any) string { return want(jsonPath(b, "report_email"), "daten@example.org") }},
		{"config says how many services have wheelchair data", "/api/v1/config", 200, func(b map[string]any) string {
			if s := want(jsonPath(b, "coverage", "services"), 2.0); s != "" {
				return s
			}
			return want(jsonPath(b, "coverage", "wheelchair"), 1.0) // only the Wolfsburg office says
		}},
		{"config says how many services name their languages", "/api/v1/config", 200, func(b map[string]any) string {
			return want(jsonPath(b, "coverage", "languages"), 2.0)
		}},
		{"lang region tag", "/api/v1/topics?lang=ar-SY", 200, func(b map[string]any) string {
			return want(jsonPath(b, "topics", 0, "label"), "العمل")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, body := get(t, e, tc.target)
			if rec.Code != tc.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tc.status, rec.Body)
			}
			if tc.check != nil {
				if msg := tc.check(body); msg != "" {
					t.Errorf("%s\nbody: %s", msg, rec.Body)
				}
			}
		})
	}
}

func want(got, expected any) string {
	if got != expected {
		return "got " + jsonString(got) + ", want " + jsonString(expected)
	}
	return ""
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestBadInput(t *testing.T) {
	e := newTestServer(t)
	long := strings.Repeat("a", 201)
	tests := []struct {
		name, target string
		status       int
		param        string
	}{
		{"query too long", "/api/v1/search?q=" + long, 400, "q"},
		{"query of too many words", "/api/v1/search?q=" + strings.Repeat("ab+", 41), 400, "q"},
		{"suggest of too many words", "/api/v1/suggest?q=" + strings.Repeat("a+", 41), 400, "q"},
		{"a pasted sentence", "/api/v1/search?q=" + escape("Ich bin seit drei Monaten in Deutschland, arbeite in einer Fabrik in Wolfsburg und möchte wissen, wer mir bei der Anerkennung meines Abschlusses und beim Deutschkurs helfen kann, am besten kostenlos"), 200, ""},
		{"query not utf-8", "/api/v1/search?q=%ff%fe", 400, "q"},
		{"limit zero", "/api/v1/search?limit=0", 400, "limit"},
		{"limit too big", "/api/v1/search?limit=101", 400, "limit"},
		{"limit not a number", "/api/v1/search?limit=ten", 400, "limit"},
		{"page huge", "/api/v1/search?page=99999999999999999999", 400, "page"},
		{"limit given twice", "/api/v1/search?limit=5&limit=50", 400, "limit"},
		{"limit given twice, same value", "/api/v1/search?limit=5&limit=5", 400, "limit"},
		{"query given twice", "/api/v1/search?q=arbeit&q=visum", 400, "q"},
		{"lang given twice", "/api/v1/search?lang=de&lang=ar", 400, "lang"},
		{"open given twice", "/api/v1/search?open=now&open=now", 400, "open"},
		{"near given twice", "/api/v1/search?near=52.2,10.5&near=52.3,10.5", 400, "near"},
		{"free given twice", "/api/v1/suggest?q=a&free=true&free=false", 400, "free"},
		{"a list parameter repeats", "/api/v1/search?topic=work&topic=residence", 200, ""},
		{"hsds per_page given twice", "/hsds/services?per_page=5&per_page=6", 400, "per_page"},
		{"hsds postcode given twice", "/hsds/services?postcode=38100&postcode=38102", 400, "postcode"},
		{"unknown topic", "/api/v1/search?topic=nope", 400, "topic"},
		{"unknown area", "/api/v1/search?area=hannover", 400, "area"},
		{"unknown group", "/api/v1/search?group=x", 400, "group"},
		{"unknown language", "/api/v1/search?language=klingon", 400, "language"},
		{"free not bool", "/api/v1/search?free=maybe", 400, "free"},
		{"open not now", "/api/v1/search?open=later", 400, "open"},
		{"near malformed", "/api/v1/search?near=52.2", 400, "near"},
		{"near out of range", "/api/v1/search?near=152,10", 400, "near"},
		{"near not a number", "/api/v1/search?near=NaN,NaN", 400, "near"},
		{"lang malformed", "/api/v1/search?lang=%%%", 400, ""},
		{"lang garbage", "/api/v1/topics?lang=not_a_tag!", 400, "lang"},
		{"unknown service", "/api/v1/services/beispiel-amt/nope", 404, ""},
		{"unknown organization", "/api/v1/organizations/nope", 404, ""},
		{"unknown api route", "/api/v1/nope", 404, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, body := get(t, e, tc.target)
			if rec.Code != tc.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tc.status, rec.Body)
			}
			if rec.Code == 400 && tc.param != "" {
				if got := jsonPath(body, "error", "parameter"); got != tc.param {
					t.Errorf("error parameter = %v, want %q; body %s", got, tc.param, rec.Body)
				}
			}
			if jsonPath(body, "error", "message") == nil && tc.param != "" {
				t.Errorf("no error message in %s", rec.Body)
			}
		})
	}
}

// TestBadInputNamesValue: an unknown value of a repeatable filter is named
// beside its parameter, so that a page can take off just that one value and
// keep the others; a parameter with one value needs no such name.
func TestBadInputNamesValue(t *testing.T) {
	e := newTestServer(t)
	tests := []struct {
		name, target, param string
		value               any
	}{
		{"unknown topic among known", "/api/v1/search?topic=work&topic=nope", "topic", "nope"},
		{"unknown topic after a comma", "/api/v1/suggest?q=a&topic=work,nope", "topic", "nope"},
		{"unknown area", "/api/v1/search?area=hannover", "area", "hannover"},
		{"unknown group", "/api/v1/search?group=x", "group", "x"},
		{"unknown language", "/api/v1/search?language=zz", "language", "zz"},
		{"page out of range", "/api/v1/search?q=arbeit&page=99999", "page", nil},
		{"free not bool", "/api/v1/search?free=maybe", "free", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, body := get(t, e, tc.target)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status = %d, want 400; body %s", rec.Code, rec.Body)
			}
			if got := jsonPath(body, "error", "parameter"); got != tc.param {
				t.Errorf("parameter = %v, want %q", got, tc.param)
			}
			if got := jsonPath(body, "error", "value"); got != tc.value {
				t.Errorf("value = %v, want %v; body %s", got, tc.value, rec.Body)
			}
		})
	}
}

func TestNotReady(t *testing.T) {
	e, err := New(&index.Live{}, testFrontend, Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/readyz", "/api/v1/search?q=x", "/api/v1/topics"} {
		if rec, _ := get(t, e, target); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", target, rec.Code)
		}
	}
	if rec, _ := get(t, e, "/healthz"); rec.Code != 200 {
		t.Errorf("healthz: %d, want 200 while not ready", rec.Code)
	}
}
