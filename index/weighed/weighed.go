// Package weighed is a least-recently-used cache bounded by the bytes of
// what it keeps as well as by its number of entries: the size of a
// decoded postings list or of an encoded answer grows with the data and
// with what clients ask for, so a bound by count alone would let either
// set the server's memory.
package weighed

import (
	"sync"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Cache keeps up to count entries and up to budget bytes as weigh counts
// them, dropping the least recently used first. Safe for concurrent use.
type Cache[K comparable, V any] struct {
	lru    *lru.Cache[K, V]
	weigh  func(V) int64
	budget int64
	size   atomic.Int64 // bytes kept
	// adding is held by Add, so that two adds of one key count it once:
	// the list's Add replaces a value without the eviction callback.
	adding sync.Mutex
}

// New returns an empty cache; count must be positive.
func New[K comparable, V any](count int, budget int64, weigh func(V) int64) (*Cache[K, V], error) {
	c := &Cache[K, V]{weigh: weigh, budget: budget}
	var err error
	c.lru, err = lru.NewWithEvict(count, func(_ K, v V) { c.size.Add(-c.weigh(v)) })
	return c, err
}

// Get returns the value kept for key and makes it the most recently used.
func (c *Cache[K, V]) Get(key K) (V, bool) { return c.lru.Get(key) }

// Contains reports whether key is kept, without making it recent.
func (c *Cache[K, V]) Contains(key K) bool { return c.lru.Contains(key) }

// Add keeps v under key, in place of what was kept there. A value of more
// than a quarter of the budget is not kept (it would push out most
// others); the least recently used go until the rest fit.
func (c *Cache[K, V]) Add(key K, v V) {
	c.adding.Lock()
	defer c.adding.Unlock()
	c.lru.Remove(key) // what v replaces leaves through the eviction callback
	w := c.weigh(v)
	if w > c.budget/4 {
		return
	}
	c.size.Add(w)
	c.lru.Add(key, v)
	for c.size.Load() > c.budget {
		if _, _, ok := c.lru.RemoveOldest(); !ok {
			return
		}
	}
}

// Purge empties the cache.
func (c *Cache[K, V]) Purge() { c.lru.Purge() }

// Len is the number of entries kept.
func (c *Cache[K, V]) Len() int { return c.lru.Len() }

// Bytes is what the entries kept weigh.
func (c *Cache[K, V]) Bytes() int64 { return c.size.Load() }
