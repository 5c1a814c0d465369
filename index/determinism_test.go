package index

import (
	"context"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestBuildsScoreAlike: two builds of the same records give every hit the
// same score to the last bit, and the same explanation. bleve numbers a batch's documents in the
// order its analysis finishes, which differs between builds; replicas of
// the server must still rank ties and page alike (docs/scaling.md). Typed
// prefixes are asked too: each completion adds to a service's sum.
func TestBuildsScoreAlike(t *testing.T) {
	queries := loadRelevanceQueries(t, "../testdata/relevance")
	for _, q := range loadRelevanceQueries(t, "../testdata/relevance") {
		if r := []rune(q.Q); len(r) > 6 {
			queries = append(queries, relevanceQuery{Lang: q.Lang, Q: string(r[:len(r)-2])})
		}
	}
	now := time.Now()
	scores := func() (map[string][]float64, map[string]string) {
		d, _ := Load(data.FS(), now)
		ix, err := New(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		out, why := map[string][]float64{}, map[string]string{}
		for _, q := range queries {
			res, err := ix.answer(context.Background(), Query{Text: q.Q, Lang: q.Lang, Page: 1, Limit: 50, Now: now, Explain: true})
			if err != nil {
				t.Fatalf("%q: %v", q.Q, err)
			}
			for _, h := range res.Hits {
				out[q.Lang+" "+q.Q] = append(out[q.Lang+" "+q.Q], h.Score)
				why[q.Lang+" "+q.Q] += h.DocID() + "\n" + h.Explanation
			}
		}
		return out, why
	}
	first, firstWhy := scores()
	for build := 2; build <= 3; build++ {
		all, why := scores()
		for q, w := range why {
			if w != firstWhy[q] {
				t.Errorf("build %d, %s: explained\n%s\nfirst build\n%s", build, q, w, firstWhy[q])
			}
		}
		for q, got := range all {
			want := first[q]
			if len(got) != len(want) {
				t.Errorf("build %d, %s: %d hits, first build %d", build, q, len(got), len(want))
				continue
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("build %d, %s: hit %d scores %v, first build %v", build, q, i+1, got[i], want[i])
					break
				}
			}
		}
	}
}
