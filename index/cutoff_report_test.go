package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// TestCutoffReport measures, for 300 queries of the tail mix, what a
// cut-off known without scores would count instead of today's (1 % of the
// best score): the services matching at least half, or all, of a query's
// words, and how many of the first 20 hits the half would leave out
// (docs/decisions/query-cost.md, "Session 10"). A report, not a check:
//
//	WEGWEISER_CUTOFF_REPORT=1 go test ./index -run TestCutoffReport -v
//	WEGWEISER_CUTOFF_REPORT=1 WEGWEISER_SCALE_INDEX_DIR=DIR go test ./index -run TestCutoffReport -v -timeout 30m
//
// The second at generated 100k, from the index kept in DIR by the scale
// benchmarks (built there the first time).
func TestCutoffReport(t *testing.T) {
	if os.Getenv("WEGWEISER_CUTOFF_REPORT") == "" {
		t.Skip("a report: set WEGWEISER_CUTOFF_REPORT=1")
	}
	now := time.Now()
	var ix *Index
	if kept := os.Getenv("WEGWEISER_SCALE_INDEX_DIR"); kept != "" {
		fsys := synthFS(t, synth.Generated, 100000)
		var err error
		ix, _, err = Open(context.Background(), fsys, now, Options{Dir: filepath.Join(kept, "generated-100k")})
		if err != nil {
			t.Fatal(err)
		}
	} else {
		ix = mustRealIndex(t)
	}
	common := tailQueries(t)
	type agg struct{ touched, kept, half, keptInHalf, halfNotKept, topNotInHalf, queries, all, keptInAll float64 }
	var a agg
	for i := 0; i < 300; i++ {
		q := Query{Text: tailQuery(common, i), Lang: "de", Page: 1, Limit: 20, Now: now}
		pq := ix.parse(q.Text)
		if pq == nil {
			continue
		}
		m, _ := ix.match(context.Background(), pq, q)
		n := float64(len(pq.words))
		half := map[int32]bool{}
		all := map[int32]bool{}
		for _, o := range m.touched {
			c := wordsMatched(m.words[o]) / n
			if c >= 0.5 {
				half[o] = true
			}
			if c >= 1 {
				all[o] = true
			}
		}
		touched := len(m.touched)
		cands := ix.rank(m, pq, q.Now)
		kept := map[int32]bool{}
		for _, c := range cands {
			kept[c.ord] = true
		}
		topK(cands, 20, func(x, y scored) bool { return ix.before(x, y) })
		for j, c := range cands {
			if j >= 20 {
				break
			}
			if !half[c.ord] {
				a.topNotInHalf++
			}
		}
		for o := range kept {
			if half[o] {
				a.keptInHalf++
			}
			if all[o] {
				a.keptInAll++
			}
		}
		for o := range half {
			if !kept[o] {
				a.halfNotKept++
			}
		}
		a.touched += float64(touched)
		a.kept += float64(len(kept))
		a.half += float64(len(half))
		a.all += float64(len(all))
		a.queries++
		ix.release(m)
	}
	k := a.queries
	t.Logf("queries %.0f; per query: touched %.0f, kept (1%% of best) %.0f, half of the words %.0f (of the kept %.0f; not kept %.0f), all words %.0f (of the kept %.0f); top-20 hits not matching half: %.2f a query",
		k, a.touched/k, a.kept/k, a.half/k, a.keptInHalf/k, a.halfNotKept/k, a.all/k, a.keptInAll/k, a.topNotInHalf/k)
}
