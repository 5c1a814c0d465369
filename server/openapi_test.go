package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// realServer serves the real records in data/, as the binary does; with
// ready false it serves no index yet (readyz and the API answer 503).
func realServer(tb testing.TB, ready bool) (*echo.Echo, *index.Directory) {
	tb.Helper()
	d, problems := index.Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("data: %v", errs)
	}
	var live index.Live
	if ready {
		ix, err := index.New(context.Background(), d)
		if err != nil {
			tb.Fatal(err)
		}
		live.Swap(ix)
		tb.Cleanup(func() { live.Swap(nil) })
	}
	e, err := New(&live, testFrontend, Config{ReportEmail: "daten@example.org"}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	return e, d
}

// openAPIRouter loads server/openapi.json, checks that it is a valid
// OpenAPI 3.1 document and returns a router over its operations.
func openAPIRouter(tb testing.TB) (*openapi3.T, routers.Router) {
	tb.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openAPIDocument)
	if err != nil {
		tb.Fatalf("openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		tb.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		tb.Fatalf("openapi = %s, want 3.1.x", doc.OpenAPI)
	}
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return doc, r
}

// conforms checks one real answer against the document: its status must be
// documented for the operation and its body must match that response's
// schema. Answers of no documented operation (an unknown route, a POST)
// must still be the documented error shape.
func conforms(tb testing.TB, doc *openapi3.T, r routers.Router, e http.Handler, method, target string) int {
	tb.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	body := rec.Body.Bytes()
	route, params, err := r.FindRoute(req)
	if err != nil {
		errorShape(tb, doc, method+" "+target, rec.Code, body)
		return rec.Code
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	if rec.Code < 300 {
		// An answer that works must come from a request the document allows.
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			tb.Errorf("%s %s: the request is not what the document describes: %v", method, target, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
		Body: io.NopCloser(bytes.NewReader(body)), Options: in.Options}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		tb.Errorf("%s %s: answer %d does not match the document: %v\n%.400s", method, target, rec.Code, err, body)
	}
	return rec.Code
}

func errorShape(tb testing.TB, doc *openapi3.T, what string, status int, body []byte) {
	tb.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		tb.Errorf("%s: answer %d is not JSON: %.200s", what, status, body)
		return
	}
	if err := doc.Components.Schemas["Error"].Value.VisitJSON(v); err != nil {
		tb.Errorf("%s: answer %d is not the documented error: %v", what, status, err)
	}
}

// TestOpenAPIMatchesAnswers validates the real answers of every route,
// successes and errors, against server/openapi.json: every service and
// organization of the real data in two languages, every vocabulary, search
// with each filter, and each kind of error.
func TestOpenAPIMatchesAnswers(t *testing.T) {
	doc, r := openAPIRouter(t)
	e, d := realServer(t, true)
	cases := []struct {
		target string
		status int
	}{
		{"/healthz", 200}, {"/readyz", 200},
		{"/api/v1/search?q=Anerkennung+Zeugnis", 200},
		{"/api/v1/search?q=%D8%B9%D9%85%D9%84&lang=ar-SY", 200},
		{"/api/v1/search?q=Jobcenter&topic=work,benefits&language=ar&area=wolfsburg&group=refugees&free=true&page=1&limit=5", 200},
		{"/api/v1/search?topic=residence&near=52.26,10.52&lang=en", 200},
		{"/api/v1/search?q=&wheelchair=true&open=now", 200},
		{"/api/v1/search?q=qqqqqq+zzzzzz", 200},
		{"/api/v1/search?q=Ausl%C3%A4nderbeh%C3%B6rde&page=1000", 200},
		{"/api/v1/search?q=Anerkenung", 200},
		{"/api/v1/search?q=Jobcenter+Bad+Harzburg+%D0%B2%D0%BE%D0%BB%D1%8C%D1%84%D1%81%D0%B1%D1%83%D1%80%D0%B3&lang=fa", 200}, // places read
		{"/api/v1/search?limit=0", 400}, {"/api/v1/search?limit=101", 400}, {"/api/v1/search?page=abc", 400},
		{"/api/v1/search?near=91,10", 400}, {"/api/v1/search?open=later", 400}, {"/api/v1/search?free=maybe", 400},
		{"/api/v1/search?q=" + strings.Repeat("a", 201), 400}, {"/api/v1/search?q=%zz", 400},
		{"/api/v1/search?lang=%21%21", 400}, {"/api/v1/search?topic=work&topic=nope", 400},
		{"/api/v1/suggest?q=Ausl", 200}, {"/api/v1/suggest?q=", 200}, {"/api/v1/suggest?q=Arbeit&lang=uk&area=lk-peine", 200},
		{"/api/v1/suggest?lang=%21", 400},
		{"/api/v1/services/no-such-org/x", 404}, {"/api/v1/organizations/no-such-org", 404},
		{"/api/v1/services/no-such-org/x?lang=%21", 400},
		{"/api/v1/openapi.json", 200},
	}
	for _, vocab := range []string{"topics", "groups", "areas", "languages", "config"} {
		for _, lang := range []string{"de", "fa"} {
			cases = append(cases, struct {
				target string
				status int
			}{"/api/v1/" + vocab + "?lang=" + lang, 200})
		}
	}
	for _, o := range d.Organizations {
		for _, lang := range []string{"en", "ar"} {
			cases = append(cases, struct {
				target string
				status int
			}{"/api/v1/organizations/" + o.ID + "?lang=" + lang, 200})
			for _, s := range o.Services {
				cases = append(cases, struct {
					target string
					status int
				}{"/api/v1/services/" + o.ID + "/" + s.ID + "?lang=" + lang, 200})
			}
		}
	}
	for _, tc := range cases {
		if got := conforms(t, doc, r, e, http.MethodGet, tc.target); got != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.target, got, tc.status)
		}
	}
	t.Logf("%d answers validated against openapi.json", len(cases))
	for _, target := range []string{"/api/v1/nothing-here", "/api/v1/"} {
		conforms(t, doc, r, e, http.MethodGet, target)
	}
	if got := conforms(t, doc, r, e, http.MethodPost, "/api/v1/search"); got != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", got)
	}
}

// TestOpenAPINotReady validates the answers given before the first index
// is built.
func TestOpenAPINotReady(t *testing.T) {
	doc, r := openAPIRouter(t)
	e, _ := realServer(t, false)
	for _, target := range []string{"/readyz", "/api/v1/search?q=Arbeit", "/api/v1/config", "/api/v1/topics", "/api/v1/services/a/b"} {
		if got := conforms(t, doc, r, e, http.MethodGet, target); got != http.StatusServiceUnavailable {
			t.Errorf("GET %s: status %d, want 503", target, got)
		}
	}
	conforms(t, doc, r, e, http.MethodGet, "/healthz")
}

// TestOpenAPICoversEveryRoute keeps the document and the route table
// (routes.go) the same list: a route added without its description, or a
// description of a route that is gone, fails.
func TestOpenAPICoversEveryRoute(t *testing.T) {
	doc, _ := openAPIRouter(t)
	e, _ := realServer(t, true)
	var served, documented []string
	for _, rt := range e.Routes() {
		p := rt.Path
		if rt.Method != http.MethodGet || strings.HasSuffix(p, "*") || !(strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/readyz") {
			continue
		}
		for _, part := range strings.Split(p, "/") {
			if strings.HasPrefix(part, ":") {
				p = strings.Replace(p, part, "{"+part[1:]+"}", 1)
			}
		}
		served = append(served, p)
	}
	for p := range doc.Paths.Map() {
		documented = append(documented, p)
	}
	sort.Strings(served)
	sort.Strings(documented)
	if strings.Join(served, " ") != strings.Join(documented, " ") {
		t.Errorf("routes and openapi.json differ:\nserved     %v\ndocumented %v", served, documented)
	}
}
