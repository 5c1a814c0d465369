package index

import (
	"maps"
	"slices"
	"sync"
	"time"
)

// columns hold, one dense slice each, what ranking reads of every matched
// service whatever the query: a broad query at scale ranks tens of
// thousands of services, and reading these figures from the entries (large
// structs, one cache miss each) cost more than the arithmetic.
type columns struct {
	fresh     []instant // entry.freshness
	confirmed []instant // entry.confirmed
	unplaced  []float64 // entry.unplaced: the place weight of a query naming no place
	nameKey   []string  // entry.nameKey: the order of equal scores
	bodies    [][]int   // entry.bodies: the responsible bodies' concepts (passes.go)
	org       []int32   // the organization's number (Index.orgFirst)
	// orgByID: by organization number, its place in the order of ids,
	// for ties that are broken by id without comparing strings
	orgByID []int32
	// mainTopic: the first topic's facet number, -1 for none
	mainTopic []int32
	// authorityTopic: the main topic (facet number) of an authority's
	// service, -1 for others (rank_equal.go)
	authorityTopic []int32
	// intentClass and placeClass number the entries by what intentWeight
	// and placeWeight read of them (intent_class.go), with the number of
	// classes.
	intentClass, placeClass     []int32
	intentClasses, placeClasses int
	smallIntent                 []uint8 // smallIntentClass
}

func newColumns(entries []entry, orgOrd map[string]int32) columns {
	c := columns{fresh: make([]instant, len(entries)), confirmed: make([]instant, len(entries)),
		unplaced: make([]float64, len(entries)), nameKey: make([]string, len(entries)),
		bodies: make([][]int, len(entries)), org: make([]int32, len(entries)), authorityTopic: make([]int32, len(entries)),
		mainTopic: make([]int32, len(entries)), orgByID: make([]int32, len(orgOrd)), smallIntent: make([]uint8, len(entries))}
	for i, id := range slices.Sorted(maps.Keys(orgOrd)) {
		c.orgByID[orgOrd[id]] = int32(i)
	}
	// The two numberings join strings for every entry: each is made on a
	// core of its own while the entries are copied into columns.
	var wg sync.WaitGroup
	wg.Go(func() { c.intentClass, c.intentClasses = classes(entries, intentKey) })
	wg.Go(func() { c.placeClass, c.placeClasses = classes(entries, placeKey) })
	for i := range entries {
		e := &entries[i]
		c.fresh[i], c.confirmed[i] = instantOf(e.freshness), instantOf(e.confirmed)
		c.unplaced[i], c.nameKey[i], c.bodies[i] = e.unplaced, e.nameKey, e.bodies
		c.org[i], c.authorityTopic[i], c.mainTopic[i] = orgOrd[e.ref.Org.ID], -1, -1
		c.smallIntent[i] = smallIntentClass(e)
		if t := e.facets[dimTopic]; len(t) > 0 {
			c.mainTopic[i] = int32(t[0])
			if e.ref.Org.Kind == "authority" {
				c.authorityTopic[i] = int32(t[0])
			}
		}
	}
	wg.Wait()
	return c
}

// instant is a time.Time reduced to what Before compares (the moment, not
// the location or the monotonic clock), in 12 bytes instead of 24 with a
// pointer.
type instant struct {
	sec  int64
	nsec int32
}

func instantOf(t time.Time) instant { return instant{t.Unix(), int32(t.Nanosecond())} }

// before is time.Time.Before.
func (a instant) before(b instant) bool {
	return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec
}
