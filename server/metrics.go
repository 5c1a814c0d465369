package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Metrics collects what the admin listener shows: request counts and
// latencies, the index size and the outcome of the last data reload. It owns
// its registry, so two servers in one test never share counters.
type Metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	search    prometheus.Histogram
	running   prometheus.Gauge
	rejected  *prometheus.CounterVec
	services  prometheus.Gauge
	orgs      prometheus.Gauge
	reloads   *prometheus.CounterVec
	reloadAt  prometheus.Gauge
	reloadOK  prometheus.Gauge
	problemsN *prometheus.GaugeVec

	mu   sync.Mutex
	last ReloadReport
}

// ReloadReport is the outcome of one load of the data.
type ReloadReport struct {
	Time     time.Time     `json:"time"`
	OK       bool          `json:"ok"`              // false: the data had errors and the old index stays
	Services int           `json:"services"`        // of the index served after this reload
	Error    string        `json:"error,omitempty"` // why it failed, when not because of the data
	Problems []ProblemView `json:"problems"`
}

// ProblemView is one data problem as the admin listener shows it.
type ProblemView struct {
	Position string `json:"position"` // file:line:col, as editors and `wegweiser check` print it
	Severity string `json:"severity"` // error or warning
	Message  string `json:"message"`
}

// buckets span a cached static file (tens of microseconds) to a slow search.
var buckets = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}

// NewMetrics registers every collector in a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	f := promauto.With(m.reg)
	m.requests = f.NewCounterVec(prometheus.CounterOpts{Name: "wegweiser_http_requests_total",
		Help: "HTTP requests by route template, method and status."}, []string{"route", "method", "status"})
	m.latency = f.NewHistogramVec(prometheus.HistogramOpts{Name: "wegweiser_http_request_duration_seconds",
		Help: "HTTP request latency by route template.", Buckets: buckets}, []string{"route"})
	m.search = f.NewHistogram(prometheus.HistogramOpts{Name: "wegweiser_search_duration_seconds",
		Help: "Latency of /api/v1/search and /api/v1/suggest, rendering included.", Buckets: buckets})
	m.running = f.NewGauge(prometheus.GaugeOpts{Name: "wegweiser_searches_running",
		Help: "Searches running now (at most --max-searches)."})
	m.rejected = f.NewCounterVec(prometheus.CounterOpts{Name: "wegweiser_searches_rejected_total",
		Help: "Searches answered 503 busy because no slot freed up in time, by query length (long: many terms)."}, []string{"query"})
	m.services = f.NewGauge(prometheus.GaugeOpts{Name: "wegweiser_index_services", Help: "Services in the index being served."})
	m.orgs = f.NewGauge(prometheus.GaugeOpts{Name: "wegweiser_index_organizations", Help: "Organizations in the index being served."})
	m.reloads = f.NewCounterVec(prometheus.CounterOpts{Name: "wegweiser_reloads_total",
		Help: "Data loads by result: ok, or failed (the old index stays)."}, []string{"result"})
	m.reloadAt = f.NewGauge(prometheus.GaugeOpts{Name: "wegweiser_reload_last_timestamp_seconds", Help: "Unix time of the last data load."})
	m.reloadOK = f.NewGauge(prometheus.GaugeOpts{Name: "wegweiser_reload_last_success",
		Help: "1 when the last data load is being served, 0 when it failed and the old index stays."})
	m.problemsN = f.NewGaugeVec(prometheus.GaugeOpts{Name: "wegweiser_reload_problems",
		Help: "Problems found by the last data load, by severity."}, []string{"severity"})
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// searchStarted counts a search in (+1) or out (-1) of its slot.
func (m *Metrics) searchStarted(delta float64) {
	if m != nil {
		m.running.Add(delta)
	}
}

// searchRejected counts a search refused for want of a slot.
func (m *Metrics) searchRejected(long bool) {
	if m == nil {
		return
	}
	length := "short"
	if long {
		length = "long"
	}
	m.rejected.WithLabelValues(length).Inc()
}

// ObserveReload records a reload: ix is the index served afterwards (the new
// one, or the old one when the reload failed), problems what the load found.
func (m *Metrics) ObserveReload(at time.Time, ok bool, ix *index.Index, problems index.Problems, err error) {
	r := ReloadReport{Time: at.UTC(), OK: ok, Problems: []ProblemView{}}
	if err != nil {
		r.Error = err.Error()
	}
	for _, p := range problems {
		sev := "error"
		if p.Warning {
			sev = "warning"
		}
		r.Problems = append(r.Problems, ProblemView{Position: position(p), Severity: sev, Message: p.Message})
	}
	result := "failed"
	if ok {
		result = "ok"
		m.reloadOK.Set(1)
	} else {
		m.reloadOK.Set(0)
	}
	if ix != nil {
		r.Services = ix.Len()
		m.services.Set(float64(ix.Len()))
		m.orgs.Set(float64(len(ix.Directory().Organizations)))
	}
	m.reloads.WithLabelValues(result).Inc()
	m.reloadAt.Set(float64(at.Unix()))
	errs, warns := problems.Count()
	m.problemsN.WithLabelValues("error").Set(float64(errs))
	m.problemsN.WithLabelValues("warning").Set(float64(warns))
	m.mu.Lock()
	m.last = r
	m.mu.Unlock()
}

func position(p index.Problem) string {
	if p.Line == 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(max(p.Col, 1))
}

// LastReload returns the report of the last reload.
func (m *Metrics) LastReload() ReloadReport {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last
}

// Admin is the handler of the internal admin listener: /metrics for
// Prometheus, /reload-problems with the last reload's report, and Go's
// profiles under /debug/pprof/ (heap, goroutines, allocations; a CPU
// profile at /debug/pprof/profile?seconds=N): what held memory in a
// running server is read there, not guessed. It must never be reachable
// from the public listener.
func Admin(m *Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /reload-problems", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(m.LastReload()) // a failed write means the client left
	})
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	return mux
}

// observe counts and times every request and writes the access log. The
// log names the route template, never the URL: a search query must not sit
// in a log next to who asked it, so neither the query nor the client
// address is logged.
func observe(m *Metrics, log *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			err := next(c)
			gone := err != nil && errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil
			if err != nil && !gone {
				c.Error(err) // run the error handler now, so the status is known
			}
			took := time.Since(start)
			route, status := routeOf(c), c.Response().Status
			if gone {
				// The client left before the answer: not a server fault, and
				// nobody reads a 500. Counted as 499, as nginx does.
				status = 499
			}
			if m != nil {
				m.requests.WithLabelValues(route, methodOf(c), strconv.Itoa(status)).Inc()
				m.latency.WithLabelValues(route).Observe(took.Seconds())
				if route == searchPath || route == suggestPath {
					m.search.Observe(took.Seconds())
				}
			}
			// typed attributes: the request log runs on every request, and
			// key-value pairs box each value
			log.LogAttrs(c.Request().Context(), slog.LevelInfo, "request", slog.String("method", methodOf(c)), slog.String("route", route),
				slog.Int("status", status), slog.Float64("duration_ms", float64(took.Microseconds())/1000))
			return nil
		}
	}
}

// methodOf is GET, HEAD or "other": any token is a method to net/http, and
// each would be a new label value.
func methodOf(c echo.Context) string {
	switch m := c.Request().Method; m {
	case http.MethodGet, http.MethodHead:
		return m
	default:
		return "other"
	}
}

// routeOf is the route template, with a fixed name for unmatched URLs so
// that scanners cannot blow up the metric's label set.
func routeOf(c echo.Context) string {
	switch p := c.Path(); p {
	case "", "/*", "/api/v1/*":
		return "unmatched"
	default:
		return p
	}
}
