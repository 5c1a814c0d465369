package server

import (
	"sync"
	"sync/atomic"

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
	// weigh gives a value's bytes when the cache is bounded by budget
	// bytes as well as by count (add); nil: by count only.
	weigh  func(V) int64
	budget int64
	size   atomic.Int64 // bytes kept, with weigh
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

// newWeighedPerIndex keeps up to size entries and up to budget bytes as
// weigh counts them, dropping the least recently used first.
func newWeighedPerIndex[K comparable, V any](size int, budget int64, weigh func(V) int64) *perIndex[K, V] {
	p := &perIndex[K, V]{weigh: weigh, budget: budget}
	c, err := lru.NewWithEvict(size, func(_ K, v V) { p.size.Add(-weigh(v)) })
	if err == nil {
		p.lru = c
	}
	return p
}

// add keeps v in cache (current's) under key; with weigh, the least
// recently used entries go until the budget holds, and a value of more
// than a quarter of it is not kept: it would push out most others.
func (p *perIndex[K, V]) add(cache *lru.Cache[K, V], key K, v V) {
	if p.weigh == nil {
		cache.Add(key, v)
		return
	}
	w := p.weigh(v)
	if w > p.budget/4 {
		return
	}
	if cache.Contains(key) {
		cache.Remove(key) // its bytes leave through the eviction callback
	}
	p.size.Add(w)
	cache.Add(key, v)
	for p.size.Load() > p.budget {
		if _, _, ok := cache.RemoveOldest(); !ok {
			return
		}
	}
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
