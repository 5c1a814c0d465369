package index

import (
	"fmt"
	"strings"
	"testing"
)

// TestAnswerCacheBoundedByBytes: answers with long pages are kept up to the
// cache's bytes, the least recently asked dropped first, whatever their
// number.
func TestAnswerCacheBoundedByBytes(t *testing.T) {
	page := make([]Hit, 100)
	for i := range page {
		page[i].Snippet = strings.Repeat("x", 1000)
	}
	one := resultBytes(Result{Hits: page})
	if one < 100*1000 {
		t.Fatalf("a page of 100 snippets of 1,000 bytes weighs %d bytes", one)
	}
	c := newAnswerCache(1000, 10*one)
	for i := range 20 {
		c.put(fmt.Sprint(i), Result{Hits: page})
	}
	kept := 0
	for i := range 20 {
		if _, ok := c.get(fmt.Sprint(i)); ok {
			kept++
		}
	}
	if kept != 10 {
		t.Errorf("%d answers kept, want the 10 that fit", kept)
	}
	if _, ok := c.get("19"); !ok {
		t.Error("the last answer is not kept")
	}
	if c.lru.Bytes() > 10*one {
		t.Errorf("%d bytes kept, more than the %d allowed", c.lru.Bytes(), 10*one)
	}
}
