package index

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestEqualOfficesInPlaceOrder: two immigration offices do the same for
// different towns; for a query that names no town the one in the region's
// centre comes first, though the other's record matches the words better
// (its description names the visa more often). Naming the town still finds its office.
func TestEqualOfficesInPlaceOrder(t *testing.T) {
	other := strings.NewReplacer(`"Ausländerbehörde Beispielstadt"`, `"Ausländerbehörde Wolfsburg"`,
		`city = "Braunschweig"`, `city = "Wolfsburg"`, `area = "braunschweig"`, `area = "wolfsburg"`,
		`place = "Gartenstadt"`, `place = "Wolfsburg"`, `areas = ["braunschweig"]`, `areas = ["wolfsburg"]`,
		`"Verlängert Aufenthaltstitel und Visa."`, `"Verlängert Aufenthaltstitel und Visa. Visum verlängern: auch das Visum zur Arbeit."`,
		`postcode = "38100"`, `postcode = "38440"`).Replace(fixtureOrg)
	// the region's centre is Braunschweig (regionCentre)
	areas := strings.Replace(fixtureAreas, `includes = ["braunschweig", "wolfsburg"]`, `includes = ["braunschweig", "wolfsburg"]
centre = "Braunschweig"`, 1)
	ix, err := New(context.Background(), mustLoad(t, map[string]string{"organizations/abh-wolfsburg.toml": other, "areas.toml": areas}))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{"Visum verlängern": "beispiel-amt", "Visum verlängern Wolfsburg": "abh-wolfsburg"} {
		res, err := ix.Search(context.Background(), Query{Text: q, Lang: "de", Page: 1, Limit: 10, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) < 2 || res.Hits[0].Org.ID != want {
			t.Errorf("%q: got %s, want %s first", q, ids(res.Hits), want)
		}
	}
}

// TestEqualOfficesIgnoreZeroScores: a service whose words matched but whose
// weights made its score 0 is cut off later and compares with nothing.
// When every equal office of a topic scored 0, each one's factor was 0/0
// (NaN), which the unconfirmed ordering then sorted among its thresholds:
// its binary searches answered by where they probed.
func TestEqualOfficesIgnoreZeroScores(t *testing.T) {
	// three immigration offices, one main topic; places: 0 best, 2 worst
	ix := &Index{}
	ix.cols.authorityTopic = []int32{0, 0, 0}
	ix.cols.org = []int32{0, 1, 2}
	ix.cols.orgByID = []int32{0, 1, 2}
	ix.facets.ids[dimTopic] = []string{"residence"}
	place := []float64{1, 0.8, 0.5}
	placeOf := func(o int32) float64 { return place[o] }
	tests := []struct {
		name string
		in   []scored
		want []float64
	}{
		{"every equal scores 0", []scored{{0, 0}, {1, 0}, {2, 0}}, []float64{0, 0, 0}},
		{"zeros beside a match", []scored{{0, 0}, {1, 0}, {2, 3}}, []float64{0, 0, 3}},
		{"the better placed goes first", []scored{{0, 2}, {1, 0}, {2, 3}}, []float64{2, 0, 3 * min(1, 2*0.5/1/3)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := slices.Clone(tc.in)
			ix.orderEqualOffices(out, placeOf, nil, &equalScratch{})
			for i, c := range out {
				if math.IsNaN(c.score) || math.Abs(c.score-tc.want[i]) > 1e-12 {
					t.Errorf("service %d: score %v, want %v", c.ord, c.score, tc.want[i])
				}
			}
		})
	}
}
