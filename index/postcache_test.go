package index

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestPostingsCacheBudget: the decoded postings kept never exceed the
// budget, the least recently used go first, and a list longer than a
// quarter of the budget is not kept.
func TestPostingsCacheBudget(t *testing.T) {
	c, err := newPostingsCache(1200)
	if err != nil {
		t.Fatal(err)
	}
	list := func(n int) *postingList { return &postingList{ords: make([]int32, n), w: make([]float64, n)} } // 12 bytes a posting
	for i := range 10 {
		c.add(postKey{"f", fmt.Sprint(i)}, list(20))
		if got := c.lru.Bytes(); got > 1200 {
			t.Fatalf("after %d lists: %d bytes kept, budget 1200", i+1, got)
		}
	}
	if _, ok := c.get(postKey{"f", "9"}); !ok {
		t.Error("the newest list was dropped")
	}
	if _, ok := c.get(postKey{"f", "0"}); ok {
		t.Error("the oldest list is still kept beyond the budget")
	}
	c.add(postKey{"f", "long"}, list(26)) // 312 bytes, over 300
	if _, ok := c.get(postKey{"f", "long"}); ok {
		t.Error("a list longer than a quarter of the budget was kept")
	}
}

// TestPostingsCompact: a compact list gives every posting the weight it
// had, and a list with more distinct weights than a uint16 numbers stays
// as it is.
func TestPostingsCompact(t *testing.T) {
	for _, tc := range []struct {
		name     string
		w        []float64
		compacts bool
	}{
		{"empty", nil, true},
		{"repeated and interleaved", []float64{0.5, 0.5, 1.25, 0.5, 3, 1.25, 1.25, math.Nextafter(0.5, 1)}, true},
		{"as many distinct as a uint16 numbers", distinctWeights(1 << 16), true},
		{"one more", distinctWeights(1<<16 + 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := &postingList{ords: make([]int32, len(tc.w)), w: tc.w}
			c := l.compact()
			if got := c.w == nil; got != tc.compacts {
				t.Fatalf("compact: %v, want %v", got, tc.compacts)
			}
			if tc.compacts && c.bytes() > l.bytes() && len(tc.w) > 0 && len(tc.w) < 1<<16 {
				t.Errorf("compact list takes %d bytes, the list %d", c.bytes(), l.bytes())
			}
			for i, w := range tc.w {
				if got := c.weight(i); math.Float64bits(got) != math.Float64bits(w) {
					t.Fatalf("posting %d weighs %v, want %v", i, got, w)
				}
			}
		})
	}
}

func distinctWeights(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 + float64(i)/7
	}
	return w
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

// TestPostingsSortByOrd: a list's services come in the order of their
// entries and its organizations in the order of their numbers, each
// posting with its own weight.
func TestPostingsSortByOrd(t *testing.T) {
	for _, tc := range []struct {
		name       string
		ords       []int32
		w          []float64
		wantOrds   []int32
		wantWeight []float64
	}{
		{"services", []int32{5, 1, 3}, []float64{0.5, 0.1, 0.3}, []int32{1, 3, 5}, []float64{0.1, 0.3, 0.5}},
		{"organizations", []int32{-1, -3, -2}, []float64{1, 3, 2}, []int32{-1, -2, -3}, []float64{1, 2, 3}},
		{"in order already", []int32{0, 2}, []float64{2, 1}, []int32{0, 2}, []float64{2, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := &postingList{ords: slices.Clone(tc.ords), w: slices.Clone(tc.w)}
			l.sortByOrd()
			if !slices.Equal(l.ords, tc.wantOrds) || !slices.Equal(l.w, tc.wantWeight) {
				t.Errorf("got %v %v, want %v %v", l.ords, l.w, tc.wantOrds, tc.wantWeight)
			}
		})
	}
}
