package index

import "testing"

// TestForAskersPeople: a service serving the named town from a larger
// area, first of all for the asker's people (its first group), about a
// need the town lacks, weighs as one naming the town; any of these
// missing, it does not. The service is the first of the real data with
// two groups and a topic.
func TestForAskersPeople(t *testing.T) {
	ix := mustRealIndex(t)
	o := int32(-1)
	for i := range ix.entries {
		if len(ix.flat.of(int32(i), dimGroup)) >= 2 && len(ix.flat.of(int32(i), dimTopic)) > 0 {
			o = int32(i)
			break
		}
	}
	if o < 0 {
		t.Fatal("no service with two groups and a topic")
	}
	groups, topic := ix.flat.of(o, dimGroup), ix.flat.of(o, dimTopic)[0]
	audience := func(code uint8, g uint16) []uint8 {
		a := make([]uint8, len(ix.facets.ids[dimGroup]))
		a[g] = code
		return a
	}
	lacking := func(t uint16) []bool {
		l := make([]bool, len(ix.facets.ids[dimTopic]))
		l[t] = true
		return l
	}
	other := (topic + 1) % uint16(len(ix.facets.ids[dimTopic]))
	tests := []struct {
		name     string
		place    float64
		lacking  []bool
		audience []uint8
		want     bool
	}{
		{"for the asker's people, from the region", broadWeight, lacking(topic), audience(audienceOwn, groups[0]), true},
		{"just above elsewhere", elsewhereWeight + 0.01, lacking(topic), audience(audienceOwn, groups[0]), true},
		{"from elsewhere", elsewhereWeight, lacking(topic), audience(audienceOwn, groups[0]), false},
		{"naming the town", 1, lacking(topic), audience(audienceOwn, groups[0]), false},
		{"located in the town", locatedWeight, lacking(topic), audience(audienceOwn, groups[0]), false},
		{"no town named", broadWeight, nil, audience(audienceOwn, groups[0]), false},
		{"no audience", broadWeight, lacking(topic), nil, false},
		{"the town has an office for the need", broadWeight, lacking(other), audience(audienceOwn, groups[0]), false},
		{"the asker's people second", broadWeight, lacking(topic), audience(audienceOwn, groups[1]), false},
		{"people the asker's exclude", broadWeight, lacking(topic), audience(audienceExcluded, groups[0]), false},
	}
	for _, tc := range tests {
		if got := ix.forAskersPeople(o, tc.place, tc.lacking, tc.audience); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPlaceWeightsOrder: a service for the asker's people serving the
// town from elsewhere (askersPeopleWeight) comes after the town's own
// offices and before services for a larger area or elsewhere.
func TestPlaceWeightsOrder(t *testing.T) {
	order := []struct {
		name   string
		weight float64
	}{
		{"located in the town", locatedWeight},
		{"for the asker's people", askersPeopleWeight},
		{"a larger area", broadWeight},
		{"elsewhere", elsewhereWeight},
	}
	for i := 1; i < len(order); i++ {
		if order[i-1].weight <= order[i].weight {
			t.Errorf("%s (%v) not above %s (%v)", order[i-1].name, order[i-1].weight, order[i].name, order[i].weight)
		}
	}
}
