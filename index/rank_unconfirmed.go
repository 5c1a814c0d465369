package index

import (
	"math"
	"slices"
	"sort"
)

// unconfirmedWeight: an office whose existence is only evidenced more than
// five years ago (Organization.Unconfirmed) may have closed. For the same
// need it ranks below every office confirmed since whose match is at least
// this share of its own, whatever its texts say (issue 13, point 1). Not
// against offices for other needs: a flat weight put the only record of a
// specialised office (the university's for a student) below the general
// services that merely list the need among many.
const unconfirmedWeight = 0.4

// needsOf are the topics a query asks about, from the concepts it hit:
// topics, and the topics of situations and responsible bodies, as facet
// value numbers.
func (ix *Index) needsOf(cms []conceptMatch) []uint16 {
	var needs []uint16
	add := func(topic string) {
		if t, ok := ix.facets.index[dimTopic][topic]; ok && !slices.Contains(needs, t) {
			needs = append(needs, t)
		}
	}
	for _, cm := range cms {
		c := ix.vocab.concepts[cm.concept]
		switch {
		case c.situation != nil:
			for _, t := range c.situation.Topics {
				add(t)
			}
		case c.body != nil:
			for _, t := range c.body.Topics {
				add(t)
			}
		case !c.group:
			add(c.id)
		}
	}
	return needs
}

// What the ranking loop notes of each candidate for the unconfirmed
// ordering (unconfirmedScratch.facts, by index in the candidates): asking
// again per candidate (the town's weight, whether the office is
// responsible there, its age) cost a broad query at scale dearly.
const (
	factUnconfirmed uint8 = 1 << iota // Organization.Unconfirmed (ageWeights.unconfirmedAt)
	factLocated                       // in a town the query names, or responsible there
)

// orderUnconfirmed lowers each unconfirmed service's score (old: their
// indices in cands, ascending) to just below the confirmed services for
// the same need whose score is at least unconfirmedWeight of its own. Its
// need is the topics it shares with the query's (its main topic when the
// query named none of them). note, when not nil, explains each change
// (matches.note). un holds what is kept per query, reused, and the
// candidates' facts; a confirmed service counts when its facts masked by
// mask are want.
func (ix *Index) orderUnconfirmed(cands []scored, old []int, needs []uint16, note func(int32, string, ...any), un *unconfirmedScratch, mask, want uint8) {
	if len(old) == 0 {
		return
	}
	// Per topic some unconfirmed service needs, the least scores they ask
	// for, ascending and each once (an unconfirmed record's copies ask for
	// the same); then each confirmed service of the topic (a broad query at
	// scale has tens of thousands, few unconfirmed) is put in the span
	// between two of them, keeping the lowest per span: the lowest score at
	// or above a threshold is the lowest of the spans from its own up.
	// Sorting every confirmed score cost more.
	th := un.reset(len(ix.facets.ids[dimTopic]))
	mine, off := un.needs[:0], un.needsOff[:0]
	for _, i := range old {
		off = append(off, len(mine))
		mine = ix.needOf(cands[i].ord, needs, mine)
		for _, t := range mine[off[len(off)-1]:] {
			th[t] = append(th[t], cands[i].score*unconfirmedWeight)
		}
	}
	off = append(off, len(mine))
	un.needs, un.needsOff = mine, off
	for t, s := range th {
		if len(s) > 0 {
			slices.Sort(s)
			s = slices.Compact(s) // no score is NaN (rank_equal.go), so equal ones are equal
			th[t] = s
			low := un.lowest[t][:0]
			for range s {
				low = append(low, math.Inf(1))
			}
			un.lowest[t] = low
		}
	}
	mask |= factUnconfirmed // an unconfirmed service never counts
	for i, c := range cands {
		if un.facts[i]&mask != want {
			continue
		}
		t := ix.cols.mainTopic[c.ord]
		if t < 0 || len(th[t]) == 0 || c.score < th[t][0] {
			continue
		}
		// the last threshold at or below the score
		k := lastAtOrBelow(th[t], c.score)
		un.lowest[t][k] = min(un.lowest[t][k], c.score)
	}
	for t, s := range th {
		low := un.lowest[t]
		for k := len(s) - 2; k >= 0; k-- {
			low[k] = min(low[k], low[k+1])
		}
	}
	for j, i := range old {
		c := &cands[i]
		below := c.score
		for _, t := range mine[off[j]:off[j+1]] {
			if k := sort.SearchFloat64s(th[t], c.score*unconfirmedWeight); k < len(th[t]) && !math.IsInf(un.lowest[t][k], 1) {
				below = min(below, un.lowest[t][k])
			}
		}
		if below < c.score {
			if note != nil { // boxing the arguments alone costs a broad query dearly
				note(c.ord, "unconfirmed: %.3f → just below %.3f, a confirmed service for the same need", c.score, below)
			}
			c.score = math.Nextafter(below, 0)
		}
	}
}

// orderUnconfirmedByPlace is orderUnconfirmed for a query naming a town
// (named): an unconfirmed office there (located) goes below the confirmed
// ones there for the same need, not below those elsewhere, which the
// person asking may not reach ("Deutschkurs in Gifhorn": Gifhorn's
// counselling, last evidenced long ago, stays before the region's services
// in other towns). An unconfirmed service elsewhere goes below every
// confirmed one for its need, as for a query naming no town. un.facts
// holds each candidate's facts.
func (ix *Index) orderUnconfirmedByPlace(cands []scored, old []int, needs []uint16, note func(int32, string, ...any), un *unconfirmedScratch, named bool) {
	if !named || len(old) == 0 {
		ix.orderUnconfirmed(cands, old, needs, note, un, 0, 0)
		return
	}
	here, elsewhere := un.here[:0], un.elsewhere[:0]
	for _, i := range old {
		if un.facts[i]&factLocated != 0 {
			here = append(here, i)
		} else {
			elsewhere = append(elsewhere, i)
		}
	}
	un.here, un.elsewhere = here, elsewhere
	ix.orderUnconfirmed(cands, elsewhere, needs, note, un, 0, 0)
	ix.orderUnconfirmed(cands, here, needs, note, un, factLocated, factLocated)
}

// lastAtOrBelow is the index of the last of the ascending s at or below
// x, or -1.
func lastAtOrBelow(s []float64, x float64) int {
	lo, hi := 0, len(s) // s[:lo] <= x < s[hi:]
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if s[h] <= x {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo - 1
}

// unconfirmedScratch is what orderUnconfirmed keeps per query, reused
// through the matches kept for reuse (spareMatches).
type unconfirmedScratch struct {
	thresholds [][]float64 // per topic: the least scores asked for, ascending
	lowest     [][]float64 // per topic and threshold: the lowest confirmed score at or above it
	here       []int       // orderUnconfirmedByPlace: the unconfirmed in the town named
	elsewhere  []int       // …and the others
	facts      []uint8     // per candidate: factUnconfirmed, factLocated
	needs      []uint16    // the topics each unconfirmed service needs, one after another
	needsOff   []int       // …where each one's begin, and the end
}

// reset empties the scratch for topics topics and returns the thresholds.
func (un *unconfirmedScratch) reset(topics int) [][]float64 {
	if len(un.thresholds) != topics {
		un.thresholds, un.lowest = make([][]float64, topics), make([][]float64, topics)
	}
	for t := range un.thresholds {
		un.thresholds[t] = un.thresholds[t][:0]
	}
	return un.thresholds
}

// needOf appends to mine the topics of a service that the query needs, or
// its main topic when the query needs none of them.
func (ix *Index) needOf(o int32, needs, mine []uint16) []uint16 {
	topics, had := ix.flat.of(o, dimTopic), len(mine)
	for _, t := range topics {
		if slices.Contains(needs, t) {
			mine = append(mine, t)
		}
	}
	if len(mine) == had && len(topics) > 0 {
		mine = append(mine, topics[0]) // a copy: mine is reused
	}
	return mine
}
