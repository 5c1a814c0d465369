package index

import "strings"

// Weights of a service that depend on a few of its fields and on the
// query are computed once per class of services with the same fields, not
// once per match: at 10,000 services a broad query has thousands of
// matches, and reading those fields through the records (a cache miss
// each) took half of its time, while the real data has a few dozen
// classes. The tests check that every service weighs what its class weighs
// (TestIntentClassesWeighAsEachService, TestPlaceClassesWeighAsEachService).

// intentKey is everything intentWeight reads of a service: its
// organization's kind, its groups and topics and the topics it is
// specialised in.
func intentKey(e *entry) string {
	return strings.Join([]string{e.ref.Org.Kind, strings.Join(e.ref.Service.Groups, ","),
		strings.Join(e.ref.Service.Topics, ","), strings.Join(e.specialised, ",")}, "\x00")
}

// placeKey is everything placeWeight reads of a service for a query that
// names places: the areas of its locations, the areas it names and those
// it serves.
func placeKey(e *entry) string {
	return strings.Join([]string{strings.Join(e.located, ","), strings.Join(e.ref.Service.Areas, ","),
		strings.Join(e.served, ",")}, "\x00")
}

// classes numbers the entries by key.
func classes(entries []entry, key func(*entry) string) (class []int32, n int) {
	class = make([]int32, len(entries))
	ids := map[string]int32{}
	for i := range entries {
		k := key(&entries[i])
		id, ok := ids[k]
		if !ok {
			id = int32(len(ids))
			ids[k] = id
		}
		class[i] = id
	}
	return class, len(ids)
}

// classMemo keeps, for one query, a weight per class met.
type classMemo struct {
	class []int32
	w     []float64 // by class; 0 until computed (a weight is a product of positive factors)
	weigh func(o int32) float64
}

func newClassMemo(class []int32, n int, weigh func(o int32) float64) *classMemo {
	return &classMemo{class: class, w: make([]float64, n), weigh: weigh}
}

// of is the weight of entry o.
func (m *classMemo) of(o int32) float64 {
	c := m.class[o]
	if m.w[c] == 0 {
		m.w[c] = m.weigh(o)
	}
	return m.w[c]
}

// newIntentMemo weighs the entries by a query's intents (intentWeight).
func (ix *Index) newIntentMemo(in intents) *classMemo {
	return newClassMemo(ix.cols.intentClass, ix.cols.intentClasses, func(o int32) float64 { return intentWeight(&ix.entries[o], in) })
}

// newPlaceMemo weighs the entries by the places a query names
// (placeWeight); areas must not be empty.
func (ix *Index) newPlaceMemo(areas []string) *classMemo {
	return newClassMemo(ix.cols.placeClass, ix.cols.placeClasses, func(o int32) float64 { return ix.placeWeight(&ix.entries[o], areas) })
}
