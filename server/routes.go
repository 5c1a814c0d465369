package server

import (
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// routes is the one table of every route.
func (s *server) routes(e *echo.Echo, files fs.FS) error {
	e.Use(middleware.Recover())
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{
		// The frontend's assets are compressed once at startup.
		Skipper: func(c echo.Context) bool { return !strings.HasPrefix(c.Path(), "/api/") },
	}))

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)

	api := e.Group("/api/v1", wellFormedQuery)
	api.GET("/search", s.search)
	api.GET("/suggest", s.suggest)
	api.GET("/services/:org/:service", s.service)
	api.GET("/organizations/:id", s.organization)
	api.GET("/topics", s.topics)
	api.GET("/groups", s.groups)
	api.GET("/areas", s.areas)
	api.GET("/languages", s.languages)
	api.GET("/config", s.config)
	api.Any("/*", s.notFound)

	return registerStatic(e, files)
}

// wellFormedQuery rejects a query string that does not decode; echo would
// silently drop the broken parameters instead.
func wellFormedQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := url.ParseQuery(c.Request().URL.RawQuery); err != nil {
			return &apiError{Status: http.StatusBadRequest, Code: "invalid_parameter", Message: "the query string is not well-formed: " + err.Error()}
		}
		return next(c)
	}
}
