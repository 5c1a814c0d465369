package index

import (
	"context"
	"sync"
	"testing"
)

// liveIndex builds a fixture index whose closing is left to a Live.
func liveIndex(tb testing.TB) *Index {
	tb.Helper()
	ix, err := New(context.Background(), mustLoad(tb, map[string]string{"organizations/jobhilfe.toml": secondOrg}))
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return ix
}

func searchable(ix *Index) error {
	_, err := ix.Search(context.Background(), Query{Text: "Jobsuche", Lang: "de", Page: 1, Limit: 5})
	return err
}

// TestLiveKeepsAHeldIndexOpen: a request that acquired an index before a
// swap finishes on it, and the index is closed by its release.
func TestLiveKeepsAHeldIndexOpen(t *testing.T) {
	var l Live
	old, next := liveIndex(t), liveIndex(t)
	t.Cleanup(func() { l.Swap(nil) })
	l.Swap(old)
	held := l.Acquire()
	if held != old {
		t.Fatalf("Acquire returned %p, want the current index %p", held, old)
	}
	if err := l.Swap(next); err != nil {
		t.Fatal(err)
	}
	if err := searchable(held); err != nil {
		t.Fatalf("the held index failed after the swap: %v", err)
	}
	if got := l.Retired(); got != 1 {
		t.Errorf("Retired() = %d while the old index is held, want 1", got)
	}
	if err := l.Release(held); err != nil {
		t.Fatal(err)
	}
	if err := searchable(held); err == nil {
		t.Error("the replaced index still searches after its last release; want it closed")
	}
	if got := l.Retired(); got != 0 {
		t.Errorf("Retired() = %d after the release, want 0", got)
	}
	if err := l.Release(held); err == nil {
		t.Error("a second Release of the same use succeeded; want an error")
	}
}

func TestLiveClosesAnUnheldIndexAtOnce(t *testing.T) {
	var l Live
	if l.Acquire() != nil {
		t.Fatal("Acquire before the first index: want nil")
	}
	old, next := liveIndex(t), liveIndex(t)
	t.Cleanup(func() { l.Swap(nil) })
	l.Swap(old)
	l.Release(l.Acquire())
	l.Swap(next)
	if err := searchable(old); err == nil {
		t.Error("an unheld replaced index still searches; want it closed")
	}
	if err := searchable(l.Load()); err != nil {
		t.Errorf("the current index: %v", err)
	}
	cur := l.Acquire()
	l.Release(cur)
	if err := searchable(cur); err != nil {
		t.Errorf("releasing the current index closed it: %v", err)
	}
}

// TestLiveUnderSwaps searches from several goroutines while indexes are
// swapped in: no search may meet a closed index, and every replaced index
// ends up closed.
func TestLiveUnderSwaps(t *testing.T) {
	var l Live
	l.Swap(liveIndex(t))
	t.Cleanup(func() { l.Swap(nil) })
	stop := make(chan struct{})
	errs := make(chan error, 4)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					errs <- nil
					return
				default:
				}
				ix := l.Acquire()
				err := searchable(ix)
				l.Release(ix)
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var replaced []*Index
	for range 5 {
		replaced = append(replaced, l.Load())
		l.Swap(liveIndex(t))
	}
	close(stop)
	wg.Wait()
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("a search during the swaps failed: %v", err)
		}
	}
	for i, ix := range replaced {
		if searchable(ix) == nil {
			t.Errorf("replaced index %d is still open", i)
		}
	}
	if n := l.Retired(); n != 0 {
		t.Errorf("Retired() = %d after every search ended, want 0", n)
	}
}
