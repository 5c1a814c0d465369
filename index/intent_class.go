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
		strings.Join(e.served, ","), strings.Join(e.ref.Service.LimitedTo, ",")}, "\x00")
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

// What intentWeight reads of a service for a query whose intents are plain
// (plainIntents): whether its organization is an authority and whether it
// is for employers alone. Most queries ask with plain intents or none, and
// at generated 100k the full intent classes are tens of thousands: each
// met cost a read of the entry (a cache miss), a fifth of a tail search.
const (
	smallAuthority uint8 = 1 << iota
	smallEmployers
	smallIntentClasses = 4
)

// smallIntentClass numbers an entry by what intentWeight reads of it for
// plain intents.
func smallIntentClass(e *entry) uint8 {
	var c uint8
	if e.ref.Org.Kind == "authority" {
		c |= smallAuthority
	}
	if onlyFor(e, "employers") {
		c |= smallEmployers
	}
	return c
}

// plainIntents reports whether intentWeight reads no more of a service for
// in than smallIntentClass numbers: no employer's or profession's intent
// (their groups, topics and countries), no sensitive intent about certain
// people. TestIntentClassesWeighAsEachService checks it for every entry.
func plainIntents(in intents) bool {
	s := in[intentSensitive]
	return in[intentEmployer] == nil && in[intentProfession] == nil && (s == nil || len(s.groups) == 0)
}

// classMemo keeps, for one query, a weight per class met.
type classMemo struct {
	class []int32 // entry o's class is class[o*step+at]
	step  int
	at    int
	small []uint8   // the classes, instead of class, when they are few
	w     []float64 // by class; 0 until computed (a weight is a product of positive factors)
	weigh func(o int32) float64
}

func newClassMemo(class []int32, n int, weigh func(o int32) float64) *classMemo {
	return &classMemo{class: class, step: 1, w: make([]float64, n), weigh: weigh}
}

// of is the weight of entry o.
func (m *classMemo) of(o int32) float64 {
	var c int32
	if m.small != nil {
		c = int32(m.small[o])
	} else {
		c = m.class[int(o)*m.step+m.at]
	}
	if m.w[c] == 0 {
		m.w[c] = m.weigh(o)
	}
	return m.w[c]
}

// newIntentMemo weighs the entries by a query's intents (intentWeight).
func (ix *Index) newIntentMemo(in intents) *classMemo {
	weigh := func(o int32) float64 { return intentWeight(&ix.entries[o], in) }
	if plainIntents(in) {
		return &classMemo{small: ix.cols.smallIntent, w: make([]float64, smallIntentClasses), weigh: weigh}
	}
	return newClassMemo(ix.cols.intentClass, ix.cols.intentClasses, weigh)
}

// newAudienceMemo weighs the entries by a query's audience (audienceFit),
// once per distinct list of groups (flatFacets' classes): at 100,000
// services, reading every match's groups cost 7 % of a broad search.
func (ix *Index) newAudienceMemo(audience []uint8) *classMemo {
	return &classMemo{class: ix.flat.class, step: dims, at: dimGroup, w: make([]float64, len(ix.flat.classEntry[dimGroup])),
		weigh: func(o int32) float64 { return audienceFit(ix.flat.of(o, dimGroup), audience) }}
}

// newPlaceMemo weighs the entries by the areas and places a query names
// (placeWeight); areas must not be empty.
func (ix *Index) newPlaceMemo(areas, places []string) *classMemo {
	return newClassMemo(ix.cols.placeClass, ix.cols.placeClasses, func(o int32) float64 { return ix.placeWeight(&ix.entries[o], areas, places) })
}
