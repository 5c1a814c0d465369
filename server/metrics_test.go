package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

func TestMetricsOnlyOnAdmin(t *testing.T) {
	m := NewMetrics()
	var logs bytes.Buffer
	e := serverWith(t, Config{Metrics: m}, slog.New(slog.NewJSONHandler(&logs, nil)))
	for _, target := range []string{"/api/v1/search?q=Aufenthaltstitel", "/api/v1/suggest?q=Job", "/api/v1/nope", "/healthz"} {
		do(e, "GET", target, nil)
	}
	do(e, "FROBNICATE123", "/api/v1/search", nil)
	for _, target := range []string{"/metrics", "/reload-problems", "/api/v1/metrics", "/debug/pprof/"} {
		if rec := do(e, "GET", target, nil); rec.Code != http.StatusNotFound {
			t.Errorf("public %s: status %d, want 404", target, rec.Code)
		}
	}

	admin := Admin(m)
	if rec := do(admin, "GET", "/debug/pprof/heap", nil); rec.Code != http.StatusOK {
		t.Errorf("admin /debug/pprof/heap: status %d, want 200", rec.Code)
	}
	rec := do(admin, "GET", "/metrics", nil)
	for _, want := range []string{
		`wegweiser_http_requests_total{method="GET",route="/api/v1/search",status="200"} 1`,
		`wegweiser_http_requests_total{method="GET",route="unmatched",status="404"} 5`,
		`wegweiser_http_request_duration_seconds_count{route="/healthz"} 1`,
		`wegweiser_search_duration_seconds_count 2`,
		`wegweiser_http_requests_total{method="other",route="unmatched",status="405"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(logs.String(), "Aufenthaltstitel") || strings.Contains(logs.String(), "192.0.2.1") {
		t.Errorf("the access log holds a query or a client address:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), `"route":"/api/v1/search"`) {
		t.Errorf("the access log lacks the route template:\n%s", logs.String())
	}
}

func TestReloadReport(t *testing.T) {
	m := NewMetrics()
	at := time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	problems := index.Problems{
		{File: "data/organizations/x.toml", Line: 3, Col: 7, Message: "TOML syntax: boom"},
		{File: "data/topics.toml", Message: "stale", Warning: true},
	}
	m.ObserveReload(at, false, nil, problems, errors.New("the data has 1 errors"))
	rec := do(Admin(m), "GET", "/reload-problems", nil)
	var got ReloadReport
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, rec.Body)
	}
	if got.OK || !got.Time.Equal(at) || len(got.Problems) != 2 || got.Problems[0].Position != "data/organizations/x.toml:3:7" ||
		got.Problems[0].Severity != "error" || got.Problems[1].Severity != "warning" {
		t.Errorf("got %+v, want the failed reload with both problems", got)
	}
	metrics := do(Admin(m), "GET", "/metrics", nil).Body.String()
	for _, want := range []string{
		`wegweiser_reload_last_success 0`, `wegweiser_reloads_total{result="failed"} 1`,
		`wegweiser_reload_problems{severity="error"} 1`, `wegweiser_reload_last_timestamp_seconds 1.795626e+09`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if rec := do(Admin(m), "POST", "/metrics", nil); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /metrics: status %d, want 405", rec.Code)
	}
}

// TestClientGoneIsNotAServerFault: a search whose client has left ends with
// context.Canceled; that is counted as 499 and not logged as a failure.
func TestClientGoneIsNotAServerFault(t *testing.T) {
	m := NewMetrics()
	var logs bytes.Buffer
	e := serverWith(t, Config{Metrics: m}, slog.New(slog.NewJSONHandler(&logs, nil)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/api/v1/search?q=Aufenthaltstitel", nil).WithContext(ctx)
	e.ServeHTTP(httptest.NewRecorder(), req)
	if strings.Contains(logs.String(), "request failed") {
		t.Errorf("a client that left was logged as a failure:\n%s", logs.String())
	}
	metrics := do(Admin(m), "GET", "/metrics", nil).Body.String()
	if !strings.Contains(metrics, `wegweiser_http_requests_total{method="GET",route="/api/v1/search",status="499"} 1`) {
		t.Errorf("want the request counted as 499:\n%s", logs.String())
	}
}
