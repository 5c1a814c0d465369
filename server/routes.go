package server

import (
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// The searches' routes: their answers are kept, and compressed, by
// answers.serve rather than compressAPI, and they are timed as searches
// (observe).
const (
	apiPrefix   = "/api/v1"
	searchPath  = apiPrefix + "/search"
	suggestPath = apiPrefix + "/suggest"
)

// routes is the one table of every route. Public routes answer GET and
// HEAD only (readOnly turns anything else into a 405).
func (s *server) routes(e *echo.Echo, files fs.FS) error {
	e.Use(observe(s.cfg.Metrics, s.log)) // outside the rest, so it sees their 405, 414, 429 and 500
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisableStackAll: true, DisableErrorHandler: true, LogErrorFunc: s.logPanic}))
	e.Use(securityHeaders(s.cfg), allowAnyOrigin)
	e.Use(limitURL, readOnly)
	if s.cfg.RateLimit > 0 {
		e.Use(rateLimit(s.cfg.RateLimit))
	}
	// A search has a deadline from when it asks for a slot
	// (searchDeadline): it stops then, and handleError answers with a 503.
	e.Use(compressAPI(searchPath, suggestPath)) // answers.serve compresses these

	route(e, "/healthz", s.healthz)
	route(e, "/readyz", s.readyz)

	api := e.Group(apiPrefix, wellFormedQuery, wellFormedLang)
	route(api, strings.TrimPrefix(searchPath, apiPrefix), s.search)
	route(api, strings.TrimPrefix(suggestPath, apiPrefix), s.suggest)
	route(api, "/services/:org/:service", s.service)
	route(api, "/organizations/:id", s.organization)
	route(api, "/topics", s.topics)
	route(api, "/groups", s.groups)
	route(api, "/areas", s.areas)
	route(api, "/languages", s.languages)
	route(api, "/config", s.config)
	route(api, "/openapi.json", s.openAPI)
	api.Any("/*", s.notFound)

	// Open Referral HSDS 3.0, as its OpenAPI file describes (docs/hsds.md).
	open := e.Group("/hsds", wellFormedQuery, wellFormedLang)
	route(open, "", s.hsdsRoot)
	route(open, "/", s.hsdsRoot)
	route(open, "/services", s.hsdsServices)
	route(open, "/services/:id", s.hsdsService)
	route(open, "/organizations", s.hsdsOrganizations)
	route(open, "/organizations/:id", s.hsdsOrganization)
	route(open, "/service_at_locations", s.hsdsServiceAtLocations)
	route(open, "/service_at_locations/:id", s.hsdsServiceAtLocation)
	route(open, "/taxonomies", s.hsdsTaxonomies)
	route(open, "/taxonomies/:id", s.hsdsTaxonomy)
	route(open, "/taxonomy_terms", s.hsdsTerms)
	route(open, "/taxonomy_terms/:id", s.hsdsTerm)
	open.Any("/*", s.notFound)

	files = withLegalLinks(files, s.cfg)
	site, err := registerStatic(e, files)
	if err != nil {
		return err
	}
	return s.registerPages(e, site, files)
}

// route registers a read-only route for GET and HEAD; net/http drops the
// body of a HEAD answer.
func route(r interface {
	Match([]string, string, echo.HandlerFunc, ...echo.MiddlewareFunc) []*echo.Route
}, path string, h echo.HandlerFunc) {
	r.Match([]string{http.MethodGet, http.MethodHead}, path, h)
}

// wellFormedLang rejects a malformed `lang` on every API route, also where
// the answer does not depend on the language (docs/api.md promises a 400).
func wellFormedLang(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if _, err := langParam(c); err != nil {
			return err
		}
		return next(c)
	}
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
