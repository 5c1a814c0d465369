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

// orderUnconfirmed lowers each unconfirmed service's score (old: their
// indices in cands, ascending) to just below the confirmed services for
// the same need whose score is at least unconfirmedWeight of its own. Its
// need is the topics it shares with the query's (its main topic when the
// query named none of them). note, when not nil, explains each change
// (matches.note).
func (ix *Index) orderUnconfirmed(cands []scored, old []int, needs []uint16, note func(int32, string, ...any)) {
	if len(old) == 0 {
		return
	}
	// The scores of confirmed services, per main topic, ascending: only of
	// the topics some unconfirmed service needs (a broad query at scale
	// has tens of thousands of matches, few of them unconfirmed).
	confirmed := make([][]float64, len(ix.facets.ids[dimTopic]))
	needed := make([]bool, len(confirmed))
	var mine []uint16
	for _, i := range old {
		mine = ix.needOf(cands[i].ord, needs, mine[:0])
		for _, t := range mine {
			needed[t] = true
		}
	}
	next := 0 // in old
	for i, c := range cands {
		if next < len(old) && old[next] == i {
			next++
			continue
		}
		if t := ix.flat.of(c.ord, dimTopic); len(t) > 0 && needed[t[0]] {
			confirmed[t[0]] = append(confirmed[t[0]], c.score)
		}
	}
	for _, s := range confirmed {
		sort.Float64s(s)
	}
	for _, i := range old {
		c := &cands[i]
		below := c.score
		mine = ix.needOf(c.ord, needs, mine[:0])
		for _, t := range mine {
			s := confirmed[t]
			if k := sort.SearchFloat64s(s, c.score*unconfirmedWeight); k < len(s) {
				below = min(below, s[k])
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

// needOf appends to mine the topics of a service that the query needs, or
// its main topic when the query needs none of them.
func (ix *Index) needOf(o int32, needs, mine []uint16) []uint16 {
	topics := ix.flat.of(o, dimTopic)
	for _, t := range topics {
		if slices.Contains(needs, t) {
			mine = append(mine, t)
		}
	}
	if len(mine) == 0 && len(topics) > 0 {
		mine = append(mine, topics[0]) // a copy: mine is reused
	}
	return mine
}
