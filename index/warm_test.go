package index

import (
	"context"
	"math/bits"
	"reflect"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestWarmBuildsWhatFirstQueriesWaitFor: after Warm, the typo automata of
// the page's languages exist, so a first misspelt query does not build them.
func TestWarmBuildsWhatFirstQueriesWaitFor(t *testing.T) {
	ix := mustRealIndex(t)
	ix.Warm()
	ix.vocab.fuzzy.mu.Lock()
	defer ix.vocab.fuzzy.mu.Unlock()
	for _, lang := range Languages {
		if _, ok := ix.vocab.fuzzy.fst[lang]; !ok {
			t.Errorf("no typo automaton for %s after Warm", lang)
		}
	}
}

// TestWarmPostingsKeepAnswers: a small index decodes all its postings in
// Warm, and every query of the tuning set gets the same answer from it as
// from an index that decodes postings as searches ask for them. The
// server's answer dump compares every set, with Warm, across versions.
func TestWarmPostingsKeepAnswers(t *testing.T) {
	cold, warm := freshRealIndex(t), freshRealIndex(t)
	if !warm.fewPostings() {
		t.Fatal("the real data's postings are expected to be few enough to warm")
	}
	warm.Warm()
	lists := 0
	for _, set := range warm.terms.terms {
		lists += bits.OnesCount64(uint64(set))
	}
	if warm.terms.lists != lists {
		t.Fatalf("the field terms count %d lists, their sets hold %d", warm.terms.lists, lists)
	}
	if got := warm.postCache.lru.Len(); got != lists {
		t.Fatalf("after Warm %d postings lists are decoded, want all %d", got, lists)
	}
	var texts []string
	for _, q := range loadRelevanceQueries(t, relevanceSets[0].dir) {
		texts = append(texts, q.Q)
	}
	now := time.Now()
	for _, text := range texts {
		q := Query{Text: text, Lang: "de", Page: 1, Limit: 20, Now: now}
		want, err := cold.answer(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := warm.answer(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: warmed postings give another answer", text)
		}
	}
}

// TestWarmAfterClose: Warm on a closed index reads no postings.
func TestWarmAfterClose(t *testing.T) {
	ix := freshRealIndex(t)
	ix.Close()
	ix.Warm()
	if n := ix.postCache.lru.Len(); n != 0 {
		t.Errorf("a closed index decoded %d postings lists", n)
	}
}

// freshRealIndex builds an index of the embedded data of the test's own.
func freshRealIndex(tb testing.TB) *Index {
	tb.Helper()
	d, problems := Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatal(errs)
	}
	ix, err := New(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if !ix.closed.Load() {
			ix.Close()
		}
	})
	return ix
}
