// Package seen remembers the keys of recent questions, so that a cache can
// keep only the answers asked for again (TinyLFU's doorkeeper). Most
// searches a server sees are asked once: kept, they would push the
// answers that do come back (a site's topic tiles, search as you type) out
// of a cache bounded by count, and every one would stay allocated until
// evicted.
package seen

import (
	"github.com/cespare/xxhash/v2"
	lru "github.com/hashicorp/golang-lru/v2"
)

// Window holds the hashes of the last distinct keys asked. Safe for
// concurrent use; a nil Window has seen everything.
type Window struct {
	keys *lru.Cache[uint64, struct{}]
}

// New returns a window of the last size distinct keys.
func New(size int) *Window {
	keys, err := lru.New[uint64, struct{}](size)
	if err != nil {
		return nil // size ≤ 0: no window, every answer is kept
	}
	return &Window{keys: keys}
}

// Again notes key and reports whether it was among the window's keys
// already; either way it is the most recent key then. Keys are held as 64-bit hashes: two keys of equal hash only
// let an answer be kept at its first ask.
func (w *Window) Again(key string) bool {
	if w == nil {
		return true
	}
	h := xxhash.Sum64String(key)
	if found, _ := w.keys.ContainsOrAdd(h, struct{}{}); !found {
		return false
	}
	w.keys.Get(h) // a key asked again is recent again
	return true
}
