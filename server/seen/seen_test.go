package seen

import (
	"fmt"
	"sync"
	"testing"
)

func TestAgain(t *testing.T) {
	tests := []struct {
		name string
		size int
		asks []string
		want []bool
	}{
		{"first ask is new, second is again", 4, []string{"a", "a", "a"}, []bool{false, true, true}},
		{"distinct keys are each new", 4, []string{"a", "b", "c"}, []bool{false, false, false}},
		{"a key pushed out of the window is new again", 2, []string{"a", "b", "c", "a"}, []bool{false, false, false, false}},
		{"a key within the window is again", 2, []string{"a", "b", "a", "c", "a"}, []bool{false, false, true, false, true}},
		{"no window: everything again", 0, []string{"a", "b"}, []bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := New(tt.size)
			for i, k := range tt.asks {
				if got := w.Again(k); got != tt.want[i] {
					t.Errorf("ask %d (%q): Again = %v, want %v", i, k, got, tt.want[i])
				}
			}
		})
	}
}

// TestAgainConcurrent asks from several goroutines at once (run with -race):
// each key is new exactly once.
func TestAgainConcurrent(t *testing.T) {
	w := New(1024)
	var mu sync.Mutex
	news := map[string]int{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				k := fmt.Sprint(i)
				if !w.Again(k) {
					mu.Lock()
					news[k]++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for i := range 100 {
		if n := news[fmt.Sprint(i)]; n != 1 {
			t.Errorf("key %d was new %d times, want once", i, n)
		}
	}
}
