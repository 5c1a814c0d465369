package index

import "strings"

// intentClasses number the services by everything intentWeight reads of
// a service: its organization's kind, its groups and topics and the topics
// it is specialised in. Services of one class weigh the same for any
// query's intents, so a query computes the weight once per class, not once
// per match: at 10,000 services a broad query has thousands of matches and
// the weight's reads through the records (a cache miss each) took half of
// its time, while the real data has a few dozen classes.
// TestIntentClassesWeighAsEachService checks that no other field counts.
func intentClasses(entries []entry) (class []int32, n int) {
	class = make([]int32, len(entries))
	ids := map[string]int32{}
	for i := range entries {
		e := &entries[i]
		key := strings.Join([]string{e.ref.Org.Kind, strings.Join(e.ref.Service.Groups, ","),
			strings.Join(e.ref.Service.Topics, ","), strings.Join(e.specialised, ",")}, "\x00")
		id, ok := ids[key]
		if !ok {
			id = int32(len(ids))
			ids[key] = id
		}
		class[i] = id
	}
	return class, len(ids)
}

// intentMemo keeps, for one query, the intent weight of each class met.
type intentMemo struct {
	ix *Index
	in intents
	w  []float64 // by class; 0 until computed (a weight is a product of positive factors)
}

func (ix *Index) newIntentMemo(in intents) *intentMemo {
	return &intentMemo{ix: ix, in: in, w: make([]float64, ix.cols.intentClasses)}
}

// of is intentWeight of entry o.
func (m *intentMemo) of(o int32) float64 {
	c := m.ix.cols.intentClass[o]
	if m.w[c] == 0 {
		m.w[c] = intentWeight(&m.ix.entries[o], m.in)
	}
	return m.w[c]
}
