package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server/seen"
)

// answerBodies bounds the encoded answers kept: a page of 20 results is
// a few to 40 KiB of JSON, a page of 100 up to 200 KiB (with 100,000
// services, whose facets list hundreds of areas); answerBytes bounds
// their bytes, so that the pages a partner site asks for, or the size of
// the data, do not set the server's memory.
const (
	answerBodies = 1024
	answerBytes  = 32 << 20
)

// askedWindow is how many more questions than answers are remembered, to
// keep an answer when its question comes back (package seen).
const askedWindow = 8

// maxSpareBody is the largest body whose buffer is reused: a rare huge
// answer is left to the collector rather than held.
const maxSpareBody = 256 << 10

// answers keeps the encoded JSON of recent searches of the index being
// served: a site's common searches repeat (topic tiles, search as you
// type), and building the views and encoding them costs more than the
// search once the index has its answer cached. Only the answers to
// questions asked before are kept: most searches are asked once, and
// their bodies, most of what a search allocates, are encoded into a
// buffer reused by the next search instead. The second ask is encoded
// again, but not searched again: the index keeps every answer (index
// cache.go), as a search costs far more than encoding at 100,000
// services. A new index empties it.
type answers struct {
	bodies *perIndex[string, []byte]
	asked  *seen.Window
	spare  sync.Pool // *[]byte: a body not kept, to encode the next one in
}

func newAnswers() *answers {
	weigh := func(body []byte) int64 { return int64(cap(body)) }
	return &answers{bodies: newPerIndex[string](answerBodies, answerBytes, weigh), asked: seen.New(askedWindow * answerBodies)}
}

// serve answers from the cache, or has build make the answer and keeps
// it when its question was asked before. build may return the answer
// encoded (hitviews.go), appended to the empty buffer it is given; any
// other value is encoded with json.Marshal. A query that must not be kept
// (an explanation) has cacheable false.
func (a *answers) serve(c echo.Context, ix *index.Index, key string, cacheable bool, build func(buf []byte) (any, error)) error {
	cache := a.bodies.current(ix)
	if cacheable && cache != nil {
		if body, ok := cache.Get(key); ok {
			return c.JSONBlob(http.StatusOK, body)
		}
	}
	var buf []byte
	if p, ok := a.spare.Get().(*[]byte); ok {
		buf = (*p)[:0]
	}
	v, err := build(buf)
	if err != nil {
		return err
	}
	enc, inBuf := v.(encoded) // encoded by hand into buf (hitviews.go)
	body := []byte(enc)
	if !inBuf {
		if body, err = json.Marshal(v); err != nil {
			return err
		}
	}
	body = append(body, '\n')
	if cacheable && cache != nil && a.asked.Again(key) {
		if cap(body)-len(body) <= len(body)/4 {
			cache.Add(key, body)
			return c.JSONBlob(http.StatusOK, body)
		}
		// encoded in the buffer of a longer answer: kept at its size, and
		// the buffer reused
		cache.Add(key, bytes.Clone(body))
	}
	err = c.JSONBlob(http.StatusOK, body)
	// The body has been written (or copied by the compressor): its
	// buffer, or the one build did not use, is the next answer's.
	if !inBuf {
		body = buf
	}
	if body != nil && cap(body) <= maxSpareBody {
		body = body[:0]
		a.spare.Put(&body)
	}
	return err
}
