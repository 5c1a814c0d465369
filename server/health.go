package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// healthz answers while the process is alive.
func (s *server) healthz(c echo.Context) error {
	return c.JSONBlob(http.StatusOK, healthy)
}

// healthy is /healthz's answer, encoded once: probes and load balancers
// ask it many times a second.
var healthy = []byte(`{"status":"ok"}` + "\n")

// readyz answers 200 once an index is being served.
func (s *server) readyz(c echo.Context) error {
	ix, release, err := s.index()
	if err != nil {
		return err
	}
	defer release()
	return c.JSON(http.StatusOK, map[string]any{"status": "ok", "services": ix.Len()})
}
