package index

import (
	"errors"
	"sync"
)

// Live holds the index currently served and counts the requests using each
// index. A reload builds a new Index and swaps it in, so a request sees
// either the old or the new one, never half; the old one is closed when the
// last request holding it releases it, however long that request takes (see
// docs/decisions/ops-retire-index.md). The zero value is ready to use.
type Live struct {
	mu      sync.Mutex
	current *Index
	users   map[*Index]int // requests holding each index, only while > 0
}

// Load returns the current index, or nil before the first one is ready. It
// is for a look at the index's data (its size, its records) outside a
// request; anything that may search it must Acquire it instead, or the index
// may be closed under it.
func (l *Live) Load() *Index {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.current
}

// Acquire returns the current index, held open until Release; nil (and
// nothing to release) before the first index is ready.
func (l *Live) Acquire() *Index {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.current == nil {
		return nil
	}
	if l.users == nil {
		l.users = map[*Index]int{}
	}
	l.users[l.current]++
	return l.current
}

// Release ends one use of an index that Acquire returned. The release of the
// last user of a replaced index closes it; the error is that of Close.
func (l *Live) Release(ix *Index) error {
	if ix == nil {
		return nil
	}
	l.mu.Lock()
	n := l.users[ix] - 1
	if n < 0 {
		l.mu.Unlock()
		return errors.New("index: Release of an index that is not held")
	}
	if n > 0 {
		l.users[ix] = n
		l.mu.Unlock()
		return nil
	}
	delete(l.users, ix)
	retired := ix != l.current
	l.mu.Unlock()
	if retired {
		return ix.Close()
	}
	return nil
}

// Swap installs ix (nil serves nothing, as on shutdown) and retires the index
// it replaces: that one is closed now when no request holds it, otherwise by
// the Release of its last user. The error is that of an immediate Close.
func (l *Live) Swap(ix *Index) error {
	l.mu.Lock()
	old := l.current
	l.current = ix
	held := l.users[old] > 0
	l.mu.Unlock()
	if old == nil || old == ix || held {
		return nil
	}
	return old.Close()
}

// Retired is the number of replaced indexes still open because a request
// holds them; it should drop back to 0 within a request's lifetime.
func (l *Live) Retired() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.users)
	if l.users[l.current] > 0 {
		n--
	}
	return n
}
