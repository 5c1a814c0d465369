package server

import (
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// perIndex is a bounded cache of what was made from one index (encoded
// answers, hit views): when another index is served, what was kept
// describes old data, so it is emptied.
type perIndex[K comparable, V any] struct {
	mu  sync.Mutex
	ix  *index.Index
	lru *lru.Cache[K, V]
}

// newPerIndex keeps up to size entries; size is a positive constant, and
// without a cache (lru refuses the size) everything is made each time.
func newPerIndex[K comparable, V any](size int) *perIndex[K, V] {
	c, err := lru.New[K, V](size)
	if err != nil {
		return &perIndex[K, V]{}
	}
	return &perIndex[K, V]{lru: c}
}

// current returns the cache of ix, emptied when ix is not the index it
// was filled from; nil when there is no cache.
func (p *perIndex[K, V]) current(ix *index.Index) *lru.Cache[K, V] {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lru != nil && p.ix != ix {
		p.lru.Purge()
		p.ix = ix
	}
	return p.lru
}
