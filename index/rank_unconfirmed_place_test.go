package index

import (
	"math"
	"testing"
)

// TestOrderUnconfirmedByPlace: for a query naming a town, an unconfirmed
// office there goes just below the confirmed offices there for its need,
// not below those elsewhere; an unconfirmed one elsewhere goes below every
// confirmed one for its need; a confirmed score under unconfirmedWeight of
// its own, another need's office or another unconfirmed one lowers
// nothing. Topic 0 is the need, topic 1 another.
func TestOrderUnconfirmedByPlace(t *testing.T) {
	type cand struct {
		score float64
		topic uint16
		fact  uint8
	}
	const (
		un    = factUnconfirmed
		here  = factLocated
		unHer = factUnconfirmed | factLocated
	)
	below := func(x float64) float64 { return math.Nextafter(x, 0) }
	tests := []struct {
		name  string
		named bool
		cands []cand
		want  []float64
	}{
		{"there: below the confirmed there, not those elsewhere", true,
			[]cand{{10, 0, unHer}, {8, 0, here}, {9, 0, 0}}, []float64{below(8), 8, 9}},
		{"elsewhere: below every confirmed one", true,
			[]cand{{10, 0, un}, {6, 0, here}, {5, 0, 0}}, []float64{below(5), 6, 5}},
		{"a confirmed score under the weight lowers nothing", true,
			[]cand{{10, 0, unHer}, {3, 0, here}}, []float64{10, 3}},
		{"just at the weight lowers", true,
			[]cand{{10, 0, unHer}, {10 * unconfirmedWeight, 0, here}}, []float64{below(10 * unconfirmedWeight), 10 * unconfirmedWeight}},
		{"another need's office lowers nothing", true,
			[]cand{{10, 0, unHer}, {8, 1, here}}, []float64{10, 8}},
		{"an unconfirmed one is no confirmed one", true,
			[]cand{{10, 0, unHer}, {8, 0, unHer}, {9, 0, un}}, []float64{10, 8, 9}},
		{"copies: equal thresholds, each lowered", true,
			[]cand{{10, 0, unHer}, {10, 0, unHer}, {7, 0, here}, {10, 0, un}, {6, 0, 0}}, []float64{below(7), below(7), 7, below(6), 6}},
		{"each below the confirmed at or above its own threshold", true,
			[]cand{{20, 0, un}, {10, 0, un}, {9, 0, 0}, {5, 0, here}}, []float64{below(9), below(5), 9, 5}},
		{"a service the query needs no topic of: its main topic", true,
			[]cand{{10, 0, un}, {10, 1, un}, {8, 1, 0}, {7, 0, 0}}, []float64{below(7), below(8), 8, 7}},
		{"no town named: below every confirmed one", false,
			[]cand{{10, 0, unHer}, {8, 0, here}, {5, 0, 0}}, []float64{below(5), 8, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := &Index{}
			ix.facets.ids[dimTopic] = []string{"need", "other"}
			entries := make([]entry, len(tt.cands))
			ix.cols.mainTopic = make([]int32, len(tt.cands))
			cands := make([]scored, len(tt.cands))
			var old []int
			var s unconfirmedScratch
			for i, c := range tt.cands {
				entries[i].facets[dimTopic] = []uint16{c.topic}
				ix.cols.mainTopic[i] = int32(c.topic)
				cands[i] = scored{ord: int32(i), score: c.score}
				s.facts = append(s.facts, c.fact)
				if c.fact&factUnconfirmed != 0 {
					old = append(old, i)
				}
			}
			ix.flat = newFlatFacets(entries)
			ix.orderUnconfirmedByPlace(cands, old, []uint16{0}, nil, &s, tt.named)
			for i, c := range cands {
				if c.score != tt.want[i] {
					t.Errorf("candidate %d: score %v, want %v", i, c.score, tt.want[i])
				}
			}
		})
	}
}
