package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFacetsByClassCountEveryValue: counting a search's matches per list of
// values gives every value the count of a walk of each match's values, for
// sets of matches large enough to be counted by class and small ones.
func TestFacetsByClassCountEveryValue(t *testing.T) {
	ix := mustRealIndex(t)
	rnd := rand.New(rand.NewPCG(5, 6))
	byClass := 0
	for range 200 {
		ords := rnd.Perm(len(ix.entries))[:1+rnd.IntN(len(ix.entries))]
		slices.Sort(ords)
		cands := make([]scored, len(ords))
		for i, o := range ords {
			cands[i] = scored{ord: int32(o)}
		}
		var got, want [dims][]int
		for d := range dims {
			got[d], want[d] = make([]int, len(ix.facets.ids[d])), make([]int, len(ix.facets.ids[d]))
		}
		ix.flat.facetsByClass(cands, &got)
		for _, c := range cands {
			for d := range dims {
				for _, v := range ix.entries[c.ord].facets[d] {
					want[d][v]++
				}
			}
		}
		if !slices.EqualFunc(got[:], want[:], slices.Equal) {
			t.Fatalf("%d matches: counted %v, each value %v", len(cands), got, want)
		}
		if len(cands)*dims >= ix.flat.classes {
			byClass++
		}
	}
	if byClass < 50 {
		t.Fatalf("only %d sets counted by class", byClass)
	}
}
