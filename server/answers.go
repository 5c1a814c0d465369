package server

import (
	"bytes"
	"compress/gzip"
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
//
// serve also compresses its answers for clients that take gzip (browsers
// and the widget do), instead of compressAPI: a kept answer is compressed
// once, small, and kept so, where the middleware compressed it again at
// every ask (a page of 20 results, 32 KB of JSON: 0.61 ms at gzip's
// default level, several times what the cached answer cost otherwise).
// An answer not kept is compressed fast (0.13 ms, a fifth larger): that
// compression is paid at every such search.
type answers struct {
	bodies *perIndex[string, *answer]
	asked  *seen.Window
	spare  sync.Pool // *[]byte: a body not kept, to encode the next one in
	fast   zipper    // answers sent once
	small  zipper    // answers kept
}

// answer is a kept answer: its JSON, and the same gzipped once a client
// taking gzip has asked for it.
type answer struct {
	json, gzipped []byte
}

func newAnswers() *answers {
	weigh := func(a *answer) int64 { return int64(cap(a.json) + cap(a.gzipped)) }
	return &answers{bodies: newPerIndex[string](answerBodies, answerBytes, weigh), asked: seen.New(askedWindow * answerBodies),
		fast: zipper{level: gzip.BestSpeed}, small: zipper{level: gzip.DefaultCompression}}
}

// serve answers from the cache, or has build make the answer and keeps
// it when its question was asked before. build may return the answer
// encoded (hitviews.go), appended to the empty buffer it is given; any
// other value is encoded with json.Marshal. A query that must not be kept
// (an explanation) has cacheable false. The answer is gzipped for a
// client that accepts it (compressAPI leaves these routes to serve).
func (a *answers) serve(c echo.Context, ix *index.Index, key string, cacheable bool, build func(buf []byte) (any, error)) error {
	zip := acceptsGzip(c.Request())
	cache := a.bodies.current(ix)
	if cacheable && cache != nil {
		if kept, ok := cache.Get(key); ok {
			if !zip {
				return c.JSONBlob(http.StatusOK, kept.json)
			}
			if kept.gzipped == nil {
				z, err := a.small.compress(kept.json)
				if err != nil {
					return err
				}
				// a new value, not the kept one changed: others may be reading it
				kept = &answer{json: kept.json, gzipped: z}
				cache.Add(key, kept)
			}
			return writeGzipped(c, kept.gzipped)
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
	var z []byte
	if zip {
		if z, err = a.fast.compress(body); err != nil {
			return err
		}
	}
	reuse := true // whether body's buffer is the next answer's once written
	if cacheable && cache != nil && a.asked.Again(key) {
		kept := body
		if cap(body)-len(body) > len(body)/4 {
			// encoded in the buffer of a longer answer: kept at its size,
			// and the buffer reused
			kept = bytes.Clone(body)
		} else {
			reuse = false
		}
		// kept without z: the next ask that takes gzip compresses it small
		cache.Add(key, &answer{json: kept})
	}
	if zip {
		err = writeGzipped(c, z)
	} else {
		err = c.JSONBlob(http.StatusOK, body)
	}
	if !reuse {
		return err
	}
	// The body has been written: its buffer, or the one build did not
	// use, is the next answer's.
	if !inBuf {
		body = buf
	}
	if body != nil && cap(body) <= maxSpareBody {
		body = body[:0]
		a.spare.Put(&body)
	}
	return err
}

// zipper gzips at one level with compressors kept for reuse (about 1 MB
// each).
type zipper struct {
	level int // a compress/gzip level
	pool  sync.Pool
}

// compress gzips body into a new slice.
func (z *zipper) compress(body []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(body)/3 + 64)
	zw, ok := z.pool.Get().(*gzip.Writer)
	if ok {
		zw.Reset(&out)
	} else {
		var err error
		if zw, err = gzip.NewWriterLevel(&out, z.level); err != nil {
			return nil, err
		}
	}
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	z.pool.Put(zw)
	return out.Bytes(), nil
}

// writeGzipped answers with a gzipped JSON body.
func writeGzipped(c echo.Context, z []byte) error {
	c.Response().Header().Set(echo.HeaderContentEncoding, "gzip")
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, z)
}
