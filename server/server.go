// Package server owns Wegweiser's HTTP interface: the JSON API under
// /api/v1, health probes and the embedded frontend.
package server

import (
	"io/fs"
	"log/slog"
	"net"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// Source gives the index to serve right now; nil until the first is built.
// *index.Live implements it, so a reload swaps the index under running
// requests without them noticing: a request holds the index it acquired
// until it releases it, and only then may a replaced index be closed.
type Source interface {
	Acquire() *index.Index
	Release(*index.Index) error
}

// Config is what an operator sets for the public site.
type Config struct {
	ReportEmail     string // where "report an error" mails go; empty hides the button
	TileURL         string // map tile URL template; empty means no map
	TileAttribution string

	RateLimit      float64       // requests per second per client address; 0 turns limiting off
	TrustedProxies []*net.IPNet  // only these may set the client address with X-Forwarded-For
	Metrics        *Metrics      // where requests are counted; nil counts nothing
	RequestTimeout time.Duration // how long a search may take, its wait for a slot included; 0 means 10 s
	MaxSearches    int           // searches running at once; 0 means twice the CPUs, at least 4

	Imprint, Privacy LegalPage // the Impressum and privacy statement German law asks of a public site
}

// New builds the HTTP handler: routes, error handler and the frontend.
func New(src Source, files fs.FS, cfg Config, log *slog.Logger) (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = ipExtractor(cfg.TrustedProxies)
	labels, err := hsds.ReadLabels(files)
	if err != nil {
		return nil, err
	}
	s := &server{src: src, cfg: cfg, log: log, admission: newAdmission(cfg.MaxSearches, cfg.Metrics),
		answers: newAnswers(), hitViews: newHitViews(), languageNames: &languageNames{}, hsds: &hsdsMappers{labels: labels}}
	e.HTTPErrorHandler = s.handleError
	if err := s.routes(e, files); err != nil {
		return nil, err
	}
	return e, nil
}

type server struct {
	src           Source
	cfg           Config
	log           *slog.Logger
	admission     *admission     // bounds the searches running at once
	answers       *answers       // encoded answers of the index being served
	hitViews      *hitViews      // encoded views of its search hits
	languageNames *languageNames // the data's languages named in the page's
	hsds          *hsdsMappers   // the HSDS mapper of the data served
}

// index takes the current index for one request, or returns an error that
// becomes a 503. Call release when the answer is written: the release of a
// replaced index's last request closes it.
func (s *server) index() (ix *index.Index, release func(), err error) {
	if ix = s.src.Acquire(); ix == nil {
		return nil, func() {}, errNotReady
	}
	return ix, func() {
		if err := s.src.Release(ix); err != nil {
			s.log.Warn("releasing the index", "err", err)
		}
	}, nil
}
