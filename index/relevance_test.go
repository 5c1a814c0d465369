package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// Relevance thresholds from issue 3: the real index must put a right
// organization among the first three for 90 % of the tuning set's queries
// overall and 80 % in every language. The held-out sets are reported, with
// floors well below their figures that only catch a collapse: they are
// measurements of generalisation, not targets to tune against.
const (
	minSuccessAt3        = 0.90
	minSuccessAt3PerLang = 0.80
	minHoldoutSuccessAt3 = 0.60
)

// relevanceSets are the query sets run against the real data.
var relevanceSets = []struct {
	name, dir string
	minAt3    float64 // overall success@3 floor
	minAt3PL  float64 // per-language floor, 0 for none
}{
	{"tuning", "../testdata/relevance", minSuccessAt3, minSuccessAt3PerLang},
	{"holdout", "../testdata/relevance-holdout", minHoldoutSuccessAt3, 0},
	{"holdout-2", "../testdata/relevance-holdout-2", minHoldoutSuccessAt3, 0},
	{"holdout-3", "../testdata/relevance-holdout-3", minHoldoutSuccessAt3, 0},
	{"holdout-4", "../testdata/relevance-holdout-4", minHoldoutSuccessAt3, 0},
	{"holdout-5", "../testdata/relevance-holdout-5", minHoldoutSuccessAt3, 0},
	{"holdout-6", "../testdata/relevance-holdout-6", minHoldoutSuccessAt3, 0},
}

type relevanceQuery struct {
	Lang   string   `toml:"lang"`
	Kind   string   `toml:"kind"`
	Q      string   `toml:"q"`
	Expect []string `toml:"expect"`
}

type relevanceScore struct {
	n, at1, at3 int
	rr          float64
	misses      []string
}

// TestRelevance runs each query set through the real data, the way the API
// does, and prints success@1, success@3 and MRR per language and per kind.
// WEGWEISER_RELEVANCE_VERBOSE=1 also lists every query that misses the top
// 3 (=2: every query not ranked first); WEGWEISER_RELEVANCE_DIR runs another
// folder of queries instead of the sets.
func TestRelevance(t *testing.T) {
	sets := relevanceSets
	if d := os.Getenv("WEGWEISER_RELEVANCE_DIR"); d != "" {
		sets = sets[:1]
		sets[0].name, sets[0].dir = filepath.Base(d), d
	}
	ix := mustRealIndex(t)
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			byLang, byKind, total := runRelevance(t, ix, loadRelevanceQueries(t, set.dir))
			fmt.Printf("relevance %s: %d queries\n", set.name, total.n)
			printScores("lang", byLang, total)
			if len(byKind) > 1 {
				printScores("kind", byKind, total)
			}
			for _, l := range sortedKeys(byLang) {
				s := byLang[l]
				if set.minAt3PL > 0 && s.rate(s.at3) < set.minAt3PL {
					t.Errorf("%s: success@3 %.3f < %.2f", l, s.rate(s.at3), set.minAt3PL)
				}
				if os.Getenv("WEGWEISER_RELEVANCE_VERBOSE") != "" || t.Failed() {
					for _, m := range s.misses {
						fmt.Println(m)
					}
				}
			}
			if total.rate(total.at3) < set.minAt3 {
				t.Errorf("overall success@3 %.3f < %.2f", total.rate(total.at3), set.minAt3)
			}
		})
	}
}

func runRelevance(t *testing.T, ix *Index, queries []relevanceQuery) (byLang, byKind map[string]*relevanceScore, total *relevanceScore) {
	byLang, byKind, total = map[string]*relevanceScore{}, map[string]*relevanceScore{}, &relevanceScore{}
	for _, q := range queries {
		// An expectation naming no organization could never be met: a typo,
		// or a record renamed since the query was written.
		for _, e := range q.Expect {
			if _, ok := ix.Organization(e); !ok {
				t.Errorf("%s %q: expected organization %q does not exist", q.Lang, q.Q, e)
			}
		}
		res, err := ix.Search(context.Background(), Query{Text: q.Q, Lang: q.Lang, Page: 1, Limit: 10})
		if err != nil {
			t.Fatalf("%q: %v", q.Q, err)
		}
		rank := 0
		if !res.Fallback {
			rank = firstRelevantOrg(res.Hits, q.Expect)
		}
		kind := q.Kind
		if kind == "" {
			kind = "-"
		}
		for _, s := range []*relevanceScore{scoreOf(byLang, q.Lang), scoreOf(byKind, kind), total} {
			s.add(rank)
		}
		if rank == 0 || rank > 3 || (os.Getenv("WEGWEISER_RELEVANCE_VERBOSE") == "2" && rank != 1) {
			s := byLang[q.Lang]
			s.misses = append(s.misses, fmt.Sprintf("  %s %s %q rank %d, want %v; got %s", q.Lang, kind, q.Q, rank, q.Expect, topOrgs(res.Hits, 3)))
		}
	}
	return byLang, byKind, total
}

func scoreOf(m map[string]*relevanceScore, key string) *relevanceScore {
	if m[key] == nil {
		m[key] = &relevanceScore{}
	}
	return m[key]
}

func printScores(by string, scores map[string]*relevanceScore, total *relevanceScore) {
	fmt.Printf("%-15s %5s %10s %10s %6s\n", by, "n", "success@1", "success@3", "MRR")
	for _, k := range append(sortedKeys(scores), "all") {
		s := total
		if k != "all" {
			s = scores[k]
		}
		fmt.Printf("%-15s %5d %10.3f %10.3f %6.3f\n", k, s.n, s.rate(s.at1), s.rate(s.at3), s.rr/float64(s.n))
	}
}

func (s *relevanceScore) add(rank int) {
	s.n++
	if rank == 1 {
		s.at1++
	}
	if rank >= 1 && rank <= 3 {
		s.at3++
	}
	if rank > 0 {
		s.rr += 1 / float64(rank)
	}
}

func (s *relevanceScore) rate(k int) float64 { return float64(k) / float64(s.n) }

// firstRelevantOrg is the 1-based rank of the first hit whose organization
// is expected, counting each organization once (several services of one
// organization are one answer to the person), or 0.
func firstRelevantOrg(hits []Hit, expect []string) int {
	seen := map[string]bool{}
	rank := 0
	for _, h := range hits {
		if seen[h.Org.ID] {
			continue
		}
		seen[h.Org.ID] = true
		rank++
		for _, e := range expect {
			if h.Org.ID == e {
				return rank
			}
		}
	}
	return 0
}

func topOrgs(hits []Hit, n int) string {
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.Org.ID] && len(out) < n {
			seen[h.Org.ID] = true
			out = append(out, h.Org.ID)
		}
	}
	return strings.Join(out, ", ")
}

// loadRelevanceQueries reads every <lang>.toml of a set. pending.toml holds
// queries whose right answer has no record yet; they have no expect and are
// not run.
func loadRelevanceQueries(tb testing.TB, dir string) []relevanceQuery {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no relevance queries in %s", dir)
	}
	var all []relevanceQuery
	for _, f := range files {
		if filepath.Base(f) == "pending.toml" {
			continue
		}
		var doc struct {
			Query []relevanceQuery `toml:"query"`
		}
		md, err := toml.DecodeFile(f, &doc)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		if u := md.Undecoded(); len(u) > 0 {
			tb.Fatalf("%s: unknown keys %v", f, u)
		}
		for i, q := range doc.Query {
			if q.Q == "" || q.Lang == "" || len(q.Expect) == 0 {
				tb.Fatalf("%s: query %d needs lang, q and expect", f, i+1)
			}
		}
		all = append(all, doc.Query...)
	}
	return all
}
