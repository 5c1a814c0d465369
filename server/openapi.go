package server

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPIDocument describes the API under /api/v1 and the probes in
// OpenAPI 3.1. It is written by hand and kept true by
// TestOpenAPIMatchesAnswers, which validates every route's real answers
// against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// openAPIETag changes with the document, so that a client revalidates
// with one 304.
var openAPIETag = func() string {
	sum := sha256.Sum256(openAPIDocument)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}()

// openAPI answers GET /api/v1/openapi.json.
func (s *server) openAPI(c echo.Context) error {
	h := c.Response().Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", openAPIETag)
	if notModified(c.Request(), openAPIETag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, "application/json", openAPIDocument)
}
