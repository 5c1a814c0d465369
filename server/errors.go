package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

var errNotReady = errors.New("the index is not ready yet")

// apiError is the one error shape of the API.
type apiError struct {
	Status    int    `json:"-"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	Parameter string `json:"parameter,omitempty"`
	// Value is the one value of Parameter that is wrong, when it repeats
	// (topic=work&topic=nope): a page can then take off just that one.
	Value string `json:"value,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

func badParam(param, message string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "invalid_parameter", Message: param + ": " + message, Parameter: param}
}

func notFound(what, id string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: what + " " + id + " does not exist"}
}

// handleError maps every error a handler returns to a status and the JSON
// error shape. Only server faults are logged, and never with the query.
func (s *server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	var (
		ae *apiError
		qe *index.QueryError
		he *echo.HTTPError
	)
	switch {
	case errors.As(err, &ae):
	case errors.As(err, &qe):
		ae = badParam(qe.Param, qe.Message)
		ae.Value = qe.Value
	case errors.Is(err, errNotReady):
		ae = &apiError{Status: http.StatusServiceUnavailable, Code: "not_ready", Message: err.Error()}
	case errors.Is(err, errBusy):
		c.Response().Header().Set("Retry-After", "1")
		ae = &apiError{Status: http.StatusServiceUnavailable, Code: "busy", Message: err.Error() + "; try again in 1 s"}
	case errors.Is(err, context.DeadlineExceeded):
		// The request's time ran out and its search stopped: the server is
		// busy or the query too costly, not broken. Counted, not logged.
		c.Response().Header().Set("Retry-After", "1")
		ae = &apiError{Status: http.StatusServiceUnavailable, Code: "timeout", Message: "the request took too long; try again"}
	case errors.As(err, &he):
		ae = &apiError{Status: he.Code, Code: codeFor(he.Code), Message: http.StatusText(he.Code)}
	default:
		s.log.Error("request failed", "path", c.Path(), "err", err)
		ae = &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(ae.Status)
		return
	}
	_ = c.JSON(ae.Status, map[string]*apiError{"error": ae})
}

func codeFor(status int) string {
	switch status {
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusTooManyRequests:
		return "rate_limited"
	case http.StatusRequestEntityTooLarge, http.StatusRequestURITooLong:
		return "too_large"
	}
	if status >= 500 {
		return "internal"
	}
	return "bad_request"
}

func (s *server) notFound(c echo.Context) error {
	return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no such API route: " + c.Request().URL.Path}
}
