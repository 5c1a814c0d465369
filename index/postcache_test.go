package index

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// TestPostingsCacheBudget: the decoded postings kept never exceed the
// budget, the least recently used go first, and a list longer than a
// quarter of the budget is not kept.
func TestPostingsCacheBudget(t *testing.T) {
	c, err := newPostingsCache(100)
	if err != nil {
		t.Fatal(err)
	}
	list := func(n int) *postingList { return &postingList{ords: make([]int32, n), w: make([]float64, n)} }
	for i := range 10 {
		c.add(postKey{"f", fmt.Sprint(i)}, list(20))
		if got := c.size.Load(); got > 100 {
			t.Fatalf("after %d lists: %d postings kept, budget 100", i+1, got)
		}
	}
	if _, ok := c.get(postKey{"f", "9"}); !ok {
		t.Error("the newest list was dropped")
	}
	if _, ok := c.get(postKey{"f", "0"}); ok {
		t.Error("the oldest list is still kept beyond the budget")
	}
	c.add(postKey{"f", "long"}, list(26))
	if _, ok := c.get(postKey{"f", "long"}); ok {
		t.Error("a list longer than a quarter of the budget was kept")
	}
}

// TestPostingsCacheSameAnswers: a search answered from kept postings gives
// what the first one, read from bleve, gave.
func TestPostingsCacheSameAnswers(t *testing.T) {
	ix := mustRealIndex(t)
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	for _, text := range []string{"Aufenthaltstitel verlängern", "Beratung Arbeit", "تصريح عمل"} {
		q := Query{Text: text, Lang: "de", Page: 1, Limit: 20, Now: now}
		ix.postCache.lru.Purge()
		first, err := ix.answer(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if ix.postCache.lru.Len() == 0 {
			t.Fatalf("%s: no postings kept", text)
		}
		again, err := ix.answer(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Errorf("%s: the answer from kept postings differs from the first", text)
		}
	}
}
