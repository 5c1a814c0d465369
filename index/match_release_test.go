package index

import (
	"slices"
	"testing"
)

// TestReleaseClearsAnAbandonedSearch: a search stopped within a pass (its
// context ended) leaves a word's and a pass's slots set; release clears
// them with the query's, and the matches are the next search's.
func TestReleaseClearsAnAbandonedSearch(t *testing.T) {
	ix := mustRealIndex(t)
	m := ix.newMatches(false)
	m.wordAdd(3, 1.5)  // within a word
	m.passAdd(5, 2, 1) // within a pass
	m.wordAdd(7, 1)    // a pass ended, the query's slot set
	m.endWord(0)
	m.endPass("name", 1)
	m.wordMax(9, 0.5, countsPart) // and a word of the next pass begun
	ix.release(m)
	next := ix.newMatches(false)
	defer ix.release(next)
	if next != m {
		t.Fatal("the released matches were not kept for the next search")
	}
	for name, zero := range map[string]bool{
		"score":      !slices.ContainsFunc(next.score, func(v float64) bool { return v != 0 }),
		"words":      !slices.ContainsFunc(next.words, func(v uint32) bool { return v != 0 }),
		"pass":       !slices.ContainsFunc(next.pass, func(v float64) bool { return v != 0 }),
		"passWords":  !slices.ContainsFunc(next.passWords, func(v uint32) bool { return v != 0 }),
		"word":       !slices.ContainsFunc(next.word, func(v float64) bool { return v != 0 }),
		"wordCounts": !slices.ContainsFunc(next.wordCounts, func(v uint8) bool { return v != 0 }),
		"sets":       !slices.ContainsFunc(slices.Concat(next.seen, next.passSeen, next.wordSeen), func(v uint64) bool { return v != 0 }),
	} {
		if !zero {
			t.Errorf("%s left set after release", name)
		}
	}
}
