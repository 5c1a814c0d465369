package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestThreadIsFine reads the thread's clock while the thread works: a
// clock that moves only at the scheduler's ticks (every 1-10 ms) shows a
// few dozen values in 50 ms, a fine one thousands. Fewer than 200 means a
// search of a fraction of a millisecond would read as 0 or as a tick.
func TestThreadIsFine(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	seen := map[time.Duration]bool{}
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		d, ok := Thread()
		if !ok {
			t.Fatal("Thread: the system does not tell")
		}
		seen[d] = true
	}
	if len(seen) < 200 {
		t.Errorf("Thread took %d values in 50 ms of work, want at least 200: its resolution is the scheduler's tick", len(seen))
	}
}
