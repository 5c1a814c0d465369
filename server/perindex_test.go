package server

import (
	"strings"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestWeighedPerIndexKeepsItsBudget: a cache bounded by bytes drops the
// least recently used until its values fit, keeps no value of more than a
// quarter of the budget, counts a replaced value once, and starts from
// nothing for another index.
func TestWeighedPerIndexKeepsItsBudget(t *testing.T) {
	weigh := func(s string) int64 { return int64(len(s)) }
	type put struct{ key, value string }
	tests := []struct {
		name   string
		puts   []put
		kept   []string // keys kept, in any order
		gone   []string
		weight int64
	}{
		{"within the budget", []put{{"a", "xx"}, {"b", "yy"}}, []string{"a", "b"}, nil, 4},
		{"over it: the oldest go", []put{{"a", "xxxxx"}, {"b", "xxxxx"}, {"c", "xxxxx"}, {"d", "xxxxx"}, {"e", "xxxxx"}}, []string{"b", "c", "d", "e"}, []string{"a"}, 20},
		{"too big for it: not kept", []put{{"a", "xx"}, {"big", strings.Repeat("x", 6)}}, []string{"a"}, []string{"big"}, 2},
		{"replaced: counted once", []put{{"a", "xxx"}, {"a", "yy"}}, []string{"a"}, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newWeighedPerIndex[string](100, 20, weigh)
			ix := new(index.Index)
			cache := p.current(ix)
			for _, u := range tt.puts {
				p.add(cache, u.key, u.value)
			}
			for _, k := range tt.kept {
				if !cache.Contains(k) {
					t.Errorf("%q not kept", k)
				}
			}
			for _, k := range tt.gone {
				if cache.Contains(k) {
					t.Errorf("%q kept", k)
				}
			}
			if got := p.size.Load(); got != tt.weight {
				t.Errorf("%d bytes counted, want %d", got, tt.weight)
			}
			if p.current(new(index.Index)); p.size.Load() != 0 || cache.Len() != 0 {
				t.Errorf("another index: %d bytes, %d entries left", p.size.Load(), cache.Len())
			}
		})
	}
}
