package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/wegweiser-braunschweig/wegweiser/index/weighed"
)

// postingsBudget bounds the bytes of the postings kept decoded, all lists
// together. The terms people search for repeat, broad ones most; at 10,000
// services and more, reading a broad term's postings from bleve (decoding,
// a document-id lookup per posting) cost half of a search, walking a kept
// list a tenth of that. A kept posting takes 6 bytes (compact), so about
// 4M postings fit.
const postingsBudget = 24 << 20

// postingList is one (field, term) postings list, decoded: the entry (or,
// below zero, the organization: -ord-1) and the term's TF-IDF weight there.
// The services' postings come first, then the organizations': a service
// gets its own weight and its organization's added to what earlier terms
// gave it, and floating-point sums depend on their order. bleve numbers a
// batch's documents in the order their analysis finishes, which differs
// from build to build, so its order would give replicas scores that differ
// in the last bits, and ties that break differently.
//
// A kept list is compact: a list has few distinct weights (√tf × idf ×
// length norm: the same texts and lengths recur), so each posting holds
// the number of its weight in weights (6 bytes a posting, not 12), and
// twice as many postings fit in the budget. The weights are the same
// float64 values, so scores do not change.
type postingList struct {
	ords []int32
	w    []float64 // the weights, or nil when compact
	// compact: posting i weighs weights[wi[i]]
	wi      []uint16
	weights []float64
}

// sortByOrd puts a decoded (not compact) list in the order of its
// entries (or organizations). bleve's order of documents, mapped to
// entries, jumps through them: at 100,000 services every posting then
// missed the cache in each of the score arrays (matches) it was added to,
// the loads a third of a search. In order, the arrays are read as
// streams. Each entry has one posting in a list's services and one in its
// organizations, so every score gets its parts in the same order as
// before and the sums do not change.
func (l *postingList) sortByOrd() {
	// an organization's number (below zero: -ord-1) ascending, so that
	// its services, one range of entries, come in order too
	num := func(ord int32) int32 { return max(ord, -ord-1) }
	if slices.IsSortedFunc(l.ords, func(a, b int32) int { return cmp.Compare(num(a), num(b)) }) {
		return
	}
	p := make([]ordWeight, len(l.ords))
	for i := range p {
		p[i] = ordWeight{l.ords[i], l.w[i]}
	}
	slices.SortFunc(p, func(a, b ordWeight) int { return cmp.Compare(num(a.ord), num(b.ord)) })
	for i := range p {
		l.ords[i], l.w[i] = p[i].ord, p[i].w
	}
}

type ordWeight struct {
	ord int32
	w   float64
}

// weight is posting i's weight.
func (l *postingList) weight(i int) float64 {
	if l.w != nil {
		return l.w[i]
	}
	return l.weights[l.wi[i]]
}

// bytes is about what the list keeps in memory.
func (l *postingList) bytes() int64 {
	return int64(4*len(l.ords) + 8*len(l.w) + 2*len(l.wi) + 8*len(l.weights))
}

// compact returns the list in its compact form, or l itself when it has
// more distinct weights than a uint16 numbers.
func (l *postingList) compact() *postingList {
	c := &postingList{ords: l.ords, wi: make([]uint16, len(l.w))}
	num := map[uint64]uint16{}
	for i, w := range l.w {
		if i > 0 && w == l.w[i-1] { // neighbours often weigh the same: no lookup
			c.wi[i] = c.wi[i-1]
			continue
		}
		b := math.Float64bits(w)
		k, ok := num[b]
		if !ok {
			if len(c.weights) > math.MaxUint16 {
				return l
			}
			k = uint16(len(c.weights))
			num[b] = k
			c.weights = append(c.weights, w)
		}
		c.wi[i] = k
	}
	return c
}

// postingsCache keeps decoded postings lists of one index, the least
// recently used dropped first once their bytes exceed the budget; a list
// of more than a quarter of it is not kept (it would push out most
// others).
type postingsCache struct {
	lru *weighed.Cache[postKey, *postingList]
}

func newPostingsCache(budget int64) (*postingsCache, error) {
	// The count bound is never the one reached first: the budget is.
	c, err := weighed.New[postKey](int(budget), budget, (*postingList).bytes)
	return &postingsCache{lru: c}, err
}

// postKey names a postings list: a struct, not the joined string, so that
// looking one up allocates nothing.
type postKey struct{ field, term string }

func (c *postingsCache) get(key postKey) (*postingList, bool) { return c.lru.Get(key) }

func (c *postingsCache) add(key postKey, l *postingList) { c.lru.Add(key, l) }

// postingList returns the decoded postings of term in field, from the
// cache or read from bleve.
func (ix *Index) postingList(ctx context.Context, field, term string) (*postingList, error) {
	key := postKey{field, term}
	if l, ok := ix.postCache.get(key); ok {
		return l, nil
	}
	r, err := ix.reader.TermFieldReader(ctx, []byte(term), field, true, true, false)
	if err != nil {
		return nil, fmt.Errorf("postings %s:%s: %w", field, term, err)
	}
	defer r.Close()
	n := r.Count()
	l := &postingList{ords: make([]int32, 0, n), w: make([]float64, 0, n)}
	df, err := ix.nameDF(ctx, field, term, n)
	if err != nil {
		return nil, err
	}
	idf := 1 + math.Log(ix.docTotal/float64(df+1))
	var doc bindex.TermFieldDoc
	var orgs postingList
	for {
		d, err := r.Next(&doc)
		if err != nil {
			return nil, fmt.Errorf("postings %s:%s: %w", field, term, err)
		}
		if d == nil {
			break
		}
		ord := ix.docOrd.get(d.ID)
		if ord == noOrd {
			continue
		}
		tf := 0.0
		if d.Freq < scorer.MaxSqrtCache {
			tf = scorer.SqrtCache[d.Freq]
		} else {
			tf = math.Sqrt(float64(d.Freq))
		}
		to := l
		if ord < 0 {
			to = &orgs
		}
		to.ords = append(to.ords, ord)
		to.w = append(to.w, tf*idf*d.Norm)
	}
	l.sortByOrd()
	orgs.sortByOrd()
	l.ords, l.w = append(l.ords, orgs.ords...), append(l.w, orgs.w...)
	ix.postCache.add(key, l.compact())
	return l, nil
}

// Bounds of warmPostings: it decodes every postings list only where all of
// them are few (the real data: about 10,300 lists, 27,000 postings, 0.34 MB
// kept, about 0.13 s of CPU); a larger index fills its cache as it is
// searched.
const (
	warmPostingLists = 20_000
	warmPostingBytes = postingsBudget / 8
)

// warmPostings decodes every (field, term) postings list of a small index
// into the cache, so that no search, not even a query's first, reads
// postings from bleve: reading a list there (a term field reader, the
// dictionary, the bitmap) was a fifth of a first search's CPU on the real
// data. The lists are the ones a search would decode, so answers do not
// change. It stops when the index is closed (Close waits for it), or at a
// list bleve cannot read: a search that needs the list reports the error.
func (ix *Index) warmPostings() {
	if !ix.fewPostings() {
		return
	}
	ix.warming.Lock()
	defer ix.warming.Unlock()
	for term, set := range ix.terms.terms {
		for ; set != 0; set &= set - 1 {
			if ix.closed.Load() {
				return
			}
			field := ix.terms.names[bits.TrailingZeros64(uint64(set))]
			if _, err := ix.postingList(context.Background(), field, term); err != nil {
				return
			}
		}
	}
}

// fewPostings reports whether the index's postings are few enough for
// warmPostings.
func (ix *Index) fewPostings() bool {
	return ix.terms.lists <= warmPostingLists && ix.terms.postings*6 <= warmPostingBytes
}
