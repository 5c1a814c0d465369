package index

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// entry is a service with what filters, facets and ranking need of it.
type entry struct {
	ref        ServiceRef
	served     []string // areas served, with the areas they include
	located    []string // areas of its locations
	free       bool
	wheelchair bool
	nameKey    string
	reach      float64        // share of the region's people it is open to, weighted (rank.go)
	freshness  time.Time      // of its oldest shown contact fact (ServiceRef.Freshness)
	confirmed  time.Time      // of the newest evidence that it exists (Organization.Confirmed)
	facets     [dims][]uint16 // value numbers per dimension (facetValues)
	bodies     []int          // the responsible-body concepts it belongs to (vocab_situations.go)
	// specialised: the topics of the situations whose words its own name
	// or keywords hold (vocab_situations.go)
	specialised []string
	positions   []position // of its locations, for near (distance.go)
	unplaced    float64    // its placeWeight for a query that names no place, once the index is built
	onlyGroup   string     // its target group when it has one alone (onlyFor), else ""
}

// newEntry is what ref's entry takes from its own record; the areas it
// serves, shared among entries, are added by addEntries.
func (ix *Index) newEntry(ref ServiceRef) entry {
	e := entry{ref: ref, free: ref.Service.Cost == "free", nameKey: strings.ToLower(ref.Service.Name["de"]), freshness: ref.Freshness(), confirmed: ref.Org.Confirmed()}
	if len(ref.Service.Groups) == 1 {
		e.onlyGroup = ref.Service.Groups[0]
	}
	e.positions = ix.positions(ref)
	for _, l := range ref.Locations() {
		e.located = append(e.located, l.Area)
		e.wheelchair = e.wheelchair || l.Wheelchair == "yes"
	}
	return e
}

// servedReach is servedAreas with reach, computed once per list of areas:
// many services name the same areas, and a country's list is long.
func (ix *Index) servedReach(areas []string) ([]string, float64) {
	key := strings.Join(areas, ",")
	if r, ok := ix.reachOf[key]; ok {
		return r.served, r.reach
	}
	served := ix.areasWithin(areas)
	r := servedReach{served, ix.reach(served)}
	ix.reachOf[key] = r
	return r.served, r.reach
}

type servedReach struct {
	served []string
	reach  float64
}

// servedAreas is every area a service serves, including the areas inside
// the ones it names: the same values the area filter matches.
func (ix *Index) servedAreas(s *Service) []string { return ix.areasWithin(s.Areas) }

// areasWithin is every area of the list with the areas inside them.
func (ix *Index) areasWithin(areas []string) []string {
	if len(areas) == 1 {
		return ix.within[areas[0]]
	}
	seen := map[string]bool{}
	var out []string
	for _, a := range areas {
		for _, id := range ix.within[a] {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// specificity weighs a topic or group match by how many the service has:
// a service for one need is the better referral for it than one that lists
// many (the length norm of a field, applied to the vocabulary).
func (e *entry) specificity(group bool) float64 {
	n := len(e.ref.Service.Topics)
	if group {
		n = len(e.ref.Service.Groups)
	}
	return 1 / math.Sqrt(float64(max(n, 1)))
}

// Facet dimensions: filters whose values are counted.
const (
	dimTopic = iota
	dimLanguage
	dimArea
	dimGroup
	dims
)

var dimNames = [dims]string{"topic", "language", "area", "group"}

// facetValues numbers the values of each dimension, so that filtering and
// counting a broad query's many matches is indexing into slices.
type facetValues struct {
	ids   [dims][]string
	index [dims]map[string]uint16
}

func (fv *facetValues) ord(d int, id string) uint16 {
	if fv.index[d] == nil {
		fv.index[d] = map[string]uint16{}
	}
	o, ok := fv.index[d][id]
	if !ok {
		o = uint16(len(fv.ids[d]))
		fv.index[d][id] = o
		fv.ids[d] = append(fv.ids[d], id)
	}
	return o
}

// setFacets numbers an entry's values per dimension.
func (fv *facetValues) setFacets(e *entry) {
	s := e.ref.Service
	for d, values := range [dims][]string{s.Topics, s.Languages, e.served, s.Groups} {
		for _, v := range values {
			e.facets[d] = append(e.facets[d], fv.ord(d, v))
		}
	}
}

// flatFacets lays every entry's value numbers out in one slice, entry by
// entry and dimension by dimension: a broad query walks thousands of
// entries, and one slice keeps that walk in the cache.
type flatFacets struct {
	vals []uint16
	off  []uint32 // entry ord*dims+d: start of its values; the next is the end
	// class, by entry ord*dims+d: the number of its list of values in the
	// dimension among the distinct lists, whose first entry is
	// classEntry[d][number]. Many services have the same lists (a
	// district's served areas with their towns, dozens of values), so a
	// search without filters counts its matches per list and adds each
	// list's values once (facetsByClass).
	class      []int32
	classEntry [dims][]int32
	classes    int // in all dimensions
}

func newFlatFacets(entries []entry) flatFacets {
	f := flatFacets{off: make([]uint32, 0, len(entries)*dims+1), class: make([]int32, 0, len(entries)*dims)}
	var seen [dims]map[string]int32
	var key []byte
	for i := range entries {
		for d := range dims {
			f.off = append(f.off, uint32(len(f.vals)))
			f.vals = append(f.vals, entries[i].facets[d]...)
			key = key[:0]
			for _, v := range entries[i].facets[d] {
				key = append(key, byte(v), byte(v>>8))
			}
			if seen[d] == nil {
				seen[d] = map[string]int32{}
			}
			c, ok := seen[d][string(key)]
			if !ok {
				c = int32(len(f.classEntry[d]))
				seen[d][string(key)] = c
				f.classEntry[d] = append(f.classEntry[d], int32(i))
			}
			f.class = append(f.class, c)
		}
	}
	f.off = append(f.off, uint32(len(f.vals)))
	for d := range dims {
		f.classes += len(f.classEntry[d])
	}
	return f
}

// facetsByClass counts the values of every candidate into counts: per
// distinct list of values first (one read per candidate and dimension),
// then each list's values once, by how many candidates have it. The same
// sums as counting every candidate's values. A few candidates count their
// values directly.
func (f *flatFacets) facetsByClass(cands []scored, counts *[dims][]int) {
	if len(cands)*dims < f.classes {
		for _, c := range cands {
			i := int(c.ord) * dims
			for d := range dims {
				for _, v := range f.vals[f.off[i+d]:f.off[i+d+1]] {
					counts[d][v]++
				}
			}
		}
		return
	}
	var per [dims][]int32
	for d := range dims {
		per[d] = make([]int32, len(f.classEntry[d]))
	}
	for _, c := range cands {
		cl := f.class[int(c.ord)*dims : int(c.ord)*dims+dims]
		for d := range dims {
			per[d][cl[d]]++
		}
	}
	for d := range dims {
		for k, n := range per[d] {
			if n == 0 {
				continue
			}
			for _, v := range f.of(f.classEntry[d][k], d) {
				counts[d][v] += int(n)
			}
		}
	}
}

// of returns an entry's value numbers of dimension d.
func (f *flatFacets) of(ord int32, d int) []uint16 {
	i := int(ord)*dims + d
	return f.vals[f.off[i]:f.off[i+1]]
}

// filter is a query's filters, checked service by service.
type filter struct {
	wanted     [dims][]bool // by value number; nil: no filter on the dimension
	free       bool
	wheelchair bool
	open       []bool // by entry, with open now; shared, never written
}

func (ix *Index) newFilter(q Query) *filter {
	f := &filter{free: q.FreeOnly, wheelchair: q.Wheelchair}
	for d, values := range [dims][]string{q.Topics, q.Languages, q.Areas, q.Groups} {
		if len(values) == 0 {
			continue
		}
		f.wanted[d] = make([]bool, len(ix.facets.ids[d]))
		for _, v := range values {
			if o, ok := ix.facets.index[d][v]; ok {
				f.wanted[d][o] = true
			}
		}
	}
	if q.OpenNow {
		f.open = ix.openAt(q.Now.In(berlin))
	}
	return f
}

// noValueFilter reports whether no dimension is filtered.
func (f *filter) noValueFilter() bool {
	for _, w := range f.wanted {
		if w != nil {
			return false
		}
	}
	return true
}

// passes reports whether values (of dimension d) hold a wanted one.
func (f *filter) passes(values []uint16, d int) bool {
	if f.wanted[d] == nil {
		return true
	}
	for _, v := range values {
		if f.wanted[d][v] {
			return true
		}
	}
	return false
}

// apply keeps the candidates that pass every filter, in their order, and
// counts facets: a value is counted for a candidate that passes every
// filter but its own dimension's, so each count says what choosing the
// value would give.
func (f *filter) apply(ix *Index, cands []scored) ([]scored, map[string][]FacetCount) {
	var counts [dims][]int
	for d := range counts {
		counts[d] = make([]int, len(ix.facets.ids[d]))
	}
	hits := cands[:0]
	boolean := f.free || f.wheelchair || f.open != nil
	if !boolean && f.noValueFilter() {
		// no filter (most searches): every candidate is a hit and counts
		// every value it has
		ix.flat.facetsByClass(cands, &counts)
		return cands, ix.facetCounts(counts)
	}
	var values [dims][]uint16
	for _, c := range cands {
		if boolean {
			e := &ix.entries[c.ord]
			if (f.free && !e.free) || (f.wheelchair && !e.wheelchair) || (f.open != nil && !f.open[c.ord]) {
				continue
			}
		}
		failed, failures := -1, 0
		for d := range dims {
			values[d] = ix.flat.of(c.ord, d)
			if !f.passes(values[d], d) {
				failed, failures = d, failures+1
			}
		}
		for d := range dims {
			if failures == 0 || (failures == 1 && failed == d) {
				for _, v := range values[d] {
					counts[d][v]++
				}
			}
		}
		if failures == 0 {
			hits = append(hits, c)
		}
	}
	return hits, ix.facetCounts(counts)
}

// facetCounts lists the values counted per dimension, most frequent first.
// Every dimension's list is cut from one slice, made at its size.
func (ix *Index) facetCounts(counts [dims][]int) map[string][]FacetCount {
	values := 0
	for _, byOrd := range counts {
		for _, n := range byOrd {
			if n > 0 {
				values++
			}
		}
	}
	all := make([]FacetCount, 0, values)
	out := make(map[string][]FacetCount, dims)
	for d, byOrd := range counts {
		from := len(all)
		for o, n := range byOrd {
			if n > 0 {
				all = append(all, FacetCount{ID: ix.facets.ids[d][o], Count: n})
			}
		}
		list := all[from:len(all):len(all)]
		slices.SortFunc(list, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.ID, b.ID)
		})
		out[dimNames[d]] = list
	}
	return out
}

func anyIn(have, want []string) bool {
	for _, w := range want {
		if containsString(have, w) {
			return true
		}
	}
	return false
}

func (ix *Index) checkFilters(q Query) error {
	checks := []struct {
		param  string
		values []string
		known  func(string) bool
	}{
		{"topic", q.Topics, func(id string) bool { return ix.topics[id] != nil }},
		{"group", q.Groups, func(id string) bool { return ix.groups[id] != nil }},
		{"area", q.Areas, func(id string) bool { return ix.areas[id] != nil }},
		{"language", q.Languages, isLanguage},
	}
	for _, c := range checks {
		for _, v := range c.values {
			if !c.known(v) {
				return &QueryError{Param: c.param, Value: v, Message: fmt.Sprintf("unknown value %q", v)}
			}
		}
	}
	return nil
}

// openAt is, per entry, whether the service has a location open at t.
// Opening hours count in minutes of the week, and open-now searches come
// in bursts: the set of the minute last asked is kept (a walk of every
// location of every service cost a search at scale more than its ranking).
func (ix *Index) openAt(t time.Time) []bool {
	minute := weekday(t)*24*60 + t.Hour()*60 + t.Minute()
	if s := ix.open.Load(); s != nil && s.minute == minute {
		return s.open
	}
	open := make([]bool, len(ix.entries))
	for i := range ix.entries {
		ref := ix.entries[i].ref
		for _, l := range ref.Locations() {
			if h, ok := ix.Hours(ref.Org, l); ok && h.OpenAt(t) {
				open[i] = true
				break
			}
		}
	}
	ix.open.Store(&openSet{minute, open})
	return open
}

// openSet is which entries are open in one minute of the week.
type openSet struct {
	minute int // of the week, from Monday 00:00
	open   []bool
}

// Locations returns the locations of the service, in the order it lists them.
func (r ServiceRef) Locations() []Location {
	var locs []Location
	for _, id := range r.Service.Locations {
		for _, l := range r.Org.Locations {
			if l.ID == id {
				locs = append(locs, l)
			}
		}
	}
	return locs
}
