// Package server owns Wegweiser's HTTP interface: the JSON API under
// /api/v1, health probes and the embedded frontend.
package server

import (
	"io/fs"
	"log/slog"
	"net"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Source gives the index to serve right now; nil until the first is built.
// *index.Live implements it, so a reload swaps the index under running
// requests without them noticing.
type Source interface {
	Load() *index.Index
}

// Config is what an operator sets for the public site.
type Config struct {
	ReportEmail     string // where "report an error" mails go; empty hides the button
	TileURL         string // map tile URL template; empty means no map
	TileAttribution string

	RateLimit      float64      // requests per second per client address; 0 turns limiting off
	TrustedProxies []*net.IPNet // only these may set the client address with X-Forwarded-For
	Metrics        *Metrics     // where requests are counted; nil counts nothing
}

// New builds the HTTP handler: routes, error handler and the frontend.
func New(src Source, files fs.FS, cfg Config, log *slog.Logger) (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = ipExtractor(cfg.TrustedProxies)
	s := &server{src: src, cfg: cfg, log: log}
	e.HTTPErrorHandler = s.handleError
	if err := s.routes(e, files); err != nil {
		return nil, err
	}
	return e, nil
}

type server struct {
	src Source
	cfg Config
	log *slog.Logger
}

// index returns the current index or an error that becomes a 503.
func (s *server) index() (*index.Index, error) {
	if ix := s.src.Load(); ix != nil {
		return ix, nil
	}
	return nil, errNotReady
}
