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

// TestAudienceMemoFitsEveryEntry: the audience fit kept per list of groups
// is each entry's own fit (audienceFit of its groups), for an audience of
// each group of the vocabulary, entries asked in a random order so that a
// class is first met through any of its entries.
func TestAudienceMemoFitsEveryEntry(t *testing.T) {
	ix := mustRealIndex(t)
	rnd := rand.New(rand.NewPCG(7, 8))
	for _, g := range ix.facets.ids[dimGroup] {
		audience := ix.audienceGroups([]string{g})
		if audience == nil {
			continue
		}
		fits := ix.newAudienceMemo(audience)
		for _, o := range rnd.Perm(len(ix.entries)) {
			if got, want := fits.of(int32(o)), audienceFit(ix.flat.of(int32(o), dimGroup), audience); got != want {
				t.Fatalf("audience %s, %s: fit %v kept for its groups, its own %v", g, ix.entries[o].ref.Service.ID, got, want)
			}
		}
	}
}
