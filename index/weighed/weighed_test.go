package weighed

import (
	"strings"
	"sync"
	"testing"
)

// TestCacheKeepsItsBudget: the least recently used go until the values
// fit, no value of more than a quarter of the budget is kept (nor what it
// would replace), a replaced value is counted once, and the count bounds
// too.
func TestCacheKeepsItsBudget(t *testing.T) {
	weigh := func(s string) int64 { return int64(len(s)) }
	type put struct{ key, value string }
	tests := []struct {
		name   string
		weigh  func(string) int64
		count  int
		puts   []put
		gets   []string // asked after the puts, in order
		then   []put    // put after the gets
		kept   []string
		gone   []string
		weight int64
	}{
		{"within the budget", weigh, 100, []put{{"a", "xx"}, {"b", "yy"}}, nil, nil, []string{"a", "b"}, nil, 4},
		{"over it: the oldest go", weigh, 100, []put{{"a", "xxxxx"}, {"b", "xxxxx"}, {"c", "xxxxx"}, {"d", "xxxxx"}, {"e", "xxxxx"}}, nil, nil, []string{"b", "c", "d", "e"}, []string{"a"}, 20},
		{"a value used is recent", weigh, 100, []put{{"a", "xxxxx"}, {"b", "xxxxx"}, {"c", "xxxxx"}, {"d", "xxxxx"}}, []string{"a"}, []put{{"e", "xxxxx"}}, []string{"a", "c", "d", "e"}, []string{"b"}, 20},
		{"too big for it: not kept", weigh, 100, []put{{"a", "xx"}, {"big", strings.Repeat("x", 6)}}, nil, nil, []string{"a"}, []string{"big"}, 2},
		{"replaced: counted once", weigh, 100, []put{{"a", "xxx"}, {"a", "yy"}}, nil, nil, []string{"a"}, nil, 2},
		{"by count", weigh, 2, []put{{"a", "x"}, {"b", "x"}, {"c", "x"}}, nil, nil, []string{"b", "c"}, []string{"a"}, 2},
		{"replaced by one too big: neither kept", weigh, 100, []put{{"a", "xx"}, {"a", strings.Repeat("x", 6)}}, nil, nil, nil, []string{"a"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New[string](tt.count, 20, tt.weigh)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range tt.puts {
				c.Add(u.key, u.value)
			}
			for _, k := range tt.gets {
				c.Get(k)
			}
			for _, u := range tt.then {
				c.Add(u.key, u.value)
			}
			for _, k := range tt.kept {
				if !c.Contains(k) {
					t.Errorf("%q not kept", k)
				}
			}
			for _, k := range tt.gone {
				if c.Contains(k) {
					t.Errorf("%q kept", k)
				}
			}
			if got := c.Bytes(); got != tt.weight {
				t.Errorf("%d bytes counted, want %d", got, tt.weight)
			}
			c.Purge()
			if c.Bytes() != 0 || c.Len() != 0 {
				t.Errorf("purged: %d bytes, %d entries left", c.Bytes(), c.Len())
			}
		})
	}
}

// TestCacheCountsConcurrentAddsOnce: adds of the same keys from several
// goroutines at once leave the bytes counted equal to what is kept (run
// with -race too).
func TestCacheCountsConcurrentAddsOnce(t *testing.T) {
	weigh := func(s string) int64 { return int64(len(s)) }
	c, err := New[int](1000, 1<<20, weigh)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				c.Add(i%50, strings.Repeat("x", 1+(i+g)%7))
			}
		}()
	}
	wg.Wait()
	var kept int64
	for k := range 50 {
		if v, ok := c.Get(k); ok {
			kept += weigh(v)
		}
	}
	if got := c.Bytes(); got != kept {
		t.Errorf("%d bytes counted, %d kept", got, kept)
	}
}
