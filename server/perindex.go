package server

import (
	"sync"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/weighed"
)

// perIndex is a bounded cache of what was made from one index (encoded
// answers, hit views): when another index is served, what was kept
// describes old data, so it is emptied.
type perIndex[K comparable, V any] struct {
	mu    sync.Mutex
	ix    *index.Index
	cache *weighed.Cache[K, V]
}

// newPerIndex keeps up to size entries and up to budget bytes as weigh
// counts them. size is a positive constant; without a cache (one
// refused) everything is made each time.
func newPerIndex[K comparable, V any](size int, budget int64, weigh func(V) int64) *perIndex[K, V] {
	c, err := weighed.New[K](size, budget, weigh)
	if err != nil {
		return &perIndex[K, V]{}
	}
	return &perIndex[K, V]{cache: c}
}

// current returns the cache of ix, emptied when ix is not the index it
// was filled from; nil when there is no cache.
func (p *perIndex[K, V]) current(ix *index.Index) *weighed.Cache[K, V] {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cache != nil && p.ix != ix {
		p.cache.Purge()
		p.ix = ix
	}
	return p.cache
}
