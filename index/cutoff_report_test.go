package index

import (
	"context"
	"math"
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
// (docs/decisions/query-cost.md, "Session 10"); the services matched
// other than in descriptions alone; and how far over the bar the kept
// services score, which says how tight bounds of the scores would have to
// be to decide most of them unscored ("Session 11"). A report, not a check:
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
	type agg struct {
		touched, kept, half, keptInHalf, halfNotKept, topNotInHalf, queries, all, keptInAll float64
		named, keptInNamed, topNotInNamed                                                   float64
		// kept services by their score over the bar (1 % of the best):
		// [1, 2), [2, 4) … how near a bound of the scores would have to be
		// to the score to decide a service without scoring it
		overBar [8]float64
	}
	var a agg
	for i := 0; i < 300; i++ {
		q := Query{Text: tailQuery(common, i), Lang: "de", Page: 1, Limit: 20, Now: now}
		pq := ix.parse(q.Text)
		if pq == nil {
			continue
		}
		m, _ := ix.match(context.Background(), pq, q)
		named := ix.namedMatches(q.Text, m.hitWords)
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
		best := 0.0
		for _, c := range cands {
			kept[c.ord] = true
			best = max(best, c.score)
		}
		for _, c := range cands {
			a.overBar[min(len(a.overBar)-1, int(math.Log2(c.score/(best*relevanceCutoff))))]++
		}
		topK(cands, 20, func(x, y scored) bool { return ix.before(x, y) })
		for j, c := range cands {
			if j >= 20 {
				break
			}
			if !half[c.ord] {
				a.topNotInHalf++
			}
			if !named[c.ord] {
				a.topNotInNamed++
			}
		}
		for o := range kept {
			if half[o] {
				a.keptInHalf++
			}
			if all[o] {
				a.keptInAll++
			}
			if named[o] {
				a.keptInNamed++
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
		a.named += float64(len(named))
		a.queries++
		ix.release(m)
	}
	k := a.queries
	t.Logf("queries %.0f; per query: touched %.0f, kept (1%% of best) %.0f, half of the words %.0f (of the kept %.0f; not kept %.0f), all words %.0f (of the kept %.0f); top-20 hits not matching half: %.2f a query",
		k, a.touched/k, a.kept/k, a.half/k, a.keptInHalf/k, a.halfNotKept/k, a.all/k, a.keptInAll/k, a.topNotInHalf/k)
	t.Logf("matched other than in descriptions alone %.0f (of the kept %.0f); top-20 hits not among them: %.2f a query",
		a.named/k, a.keptInNamed/k, a.topNotInNamed/k)
	for b, n := range a.overBar {
		t.Logf("kept scoring [%d, %d) times the bar: %.0f a query", 1<<b, 2<<b, n/k)
	}
}

// namedMatches are the services a query matches other than only in the
// descriptions: in a name, keyword, organization id, the unfinished last
// word, a typo of a word that matched nothing (hit: the words that matched
// in the full search) or a topic or group. A set known from the postings
// and the concepts alone, without scores.
func (ix *Index) namedMatches(text string, hit uint32) map[int32]bool {
	ctx := context.Background()
	pq := ix.parse(text)
	m := ix.newMatches(false)
	defer ix.release(m)
	for fi, f := range textFields {
		if fi != descField && fi != orgDescField {
			ix.termPass(ctx, m, pq, fi, f.weight)
		}
	}
	ix.plainPass(ctx, m, pq, fieldAlt, altWeight)
	ix.prefixPass(ctx, m, pq)
	if unmatched := pq.allWords() &^ (hit | ix.vocab.known(pq)); unmatched != 0 {
		ix.addCorrections(pq, unmatched)
		ix.typoPass(ctx, m, pq, unmatched)
	}
	ix.conceptPass(m, pq)
	m.endMatch()
	out := make(map[int32]bool, len(m.touched))
	for _, o := range m.touched {
		out[o] = true
	}
	return out
}
