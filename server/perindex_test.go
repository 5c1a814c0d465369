package server

import (
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestPerIndexEmptiedForAnotherIndex: what was made from one index is not
// served for another, and the bytes it weighed are free again.
func TestPerIndexEmptiedForAnotherIndex(t *testing.T) {
	p := newPerIndex[string](8, 100, func(s string) int64 { return int64(len(s)) })
	first, second := new(index.Index), new(index.Index)
	p.current(first).Add("q", "answer")
	if _, ok := p.current(first).Get("q"); !ok {
		t.Fatal("not kept for its own index")
	}
	c := p.current(second)
	if _, ok := c.Get("q"); ok || c.Bytes() != 0 {
		t.Errorf("another index: kept %v, %d bytes", ok, c.Bytes())
	}
}
