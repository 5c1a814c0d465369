package server

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// answerBodies bounds the encoded answers kept: a page of results is a few
// to twenty KiB of JSON.
const answerBodies = 1024

// answers keeps the encoded JSON of recent searches of the index being
// served: a site's common searches repeat (topic tiles, search as you
// type), and building the views and encoding them costs more than the
// search once the index has its answer cached. A new index empties it.
type answers struct {
	bodies *perIndex[string, []byte]
}

func newAnswers() *answers {
	return &answers{bodies: newPerIndex[string, []byte](answerBodies)}
}

// serve answers from the cache, or encodes what build returns and keeps it.
// A query that must not be kept (an explanation) has cacheable false.
func (a *answers) serve(c echo.Context, ix *index.Index, key string, cacheable bool, build func() (any, error)) error {
	cache := a.bodies.current(ix)
	if cacheable && cache != nil {
		if body, ok := cache.Get(key); ok {
			return c.JSONBlob(http.StatusOK, body)
		}
	}
	v, err := build()
	if err != nil {
		return err
	}
	body, ok := v.(encoded) // encoded by hand from kept parts (hitviews.go)
	if !ok {
		if body, err = json.Marshal(v); err != nil {
			return err
		}
	}
	body = append(body, '\n')
	if cacheable && cache != nil {
		cache.Add(key, body)
	}
	return c.JSONBlob(http.StatusOK, body)
}
