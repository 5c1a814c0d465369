package index

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/wegweiser-braunschweig/wegweiser/index/weighed"
)

// answerCacheSize and answerCacheBytes bound the answers kept per index:
// the common searches of a site repeat (search-as-you-type prefixes, topic
// tiles), and each answer is a page of hits and facet counts, a few KiB,
// up to a few hundred with 100 hits or 100,000 services.
const (
	answerCacheSize  = 2048
	answerCacheBytes = 32 << 20
)

// answerCache keeps recent answers of one index. It belongs to the index, so
// a reload, which builds a new index, starts with an empty one.
type answerCache struct {
	lru *weighed.Cache[string, Result]
}

func newAnswerCache(size int, budget int64) *answerCache {
	c, err := weighed.New[string](size, budget, resultBytes)
	if err != nil {
		return &answerCache{} // size > 0 is a constant; without a cache, searches still work
	}
	return &answerCache{lru: c}
}

func (c *answerCache) get(key string) (Result, bool) {
	if c == nil || c.lru == nil {
		return Result{}, false
	}
	return c.lru.Get(key)
}

func (c *answerCache) put(key string, res Result) {
	if c != nil && c.lru != nil {
		c.lru.Add(key, res)
	}
}

// resultBytes is about what a kept answer holds: its hits with their
// snippets and explanations, its facet counts and places read (their ids,
// labels and names are the index's own strings, kept anyway).
func resultBytes(r Result) int64 {
	n := int64(unsafe.Sizeof(r)) + int64(len(r.Suggestion)+len(r.DetectedLang))
	for _, h := range r.Hits {
		n += int64(unsafe.Sizeof(h)) + int64(len(h.Snippet)+len(h.Explanation))
		if h.DistanceKM != nil {
			n += 8
		}
	}
	for _, counts := range r.Facets {
		n += 48 + int64(cap(counts))*int64(unsafe.Sizeof(FacetCount{})) // 48: a map entry
	}
	return n + int64(cap(r.Places))*int64(unsafe.Sizeof(PlaceRead{}))
}

// CacheKey identifies a query's answer: its text with case and spacing
// normalised, every filter, the page and the language. Open-now answers
// are kept for the minute they describe (Now must be set); explanations
// are not kept (false).
func (q Query) CacheKey() (string, bool) {
	if q.Explain || q.OpenNow && q.Now.IsZero() {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%s\x00%q%q%q%q\x00%v%v\x00%d/%d", strings.Join(strings.Fields(strings.ToLower(q.Text)), " "),
		q.Lang, q.Topics, q.Languages, q.Areas, q.Groups, q.FreeOnly, q.Wheelchair, q.Page, q.Limit)
	if strings.HasSuffix(q.Text, " ") {
		b.WriteString("\x00 ") // a finished last word is not a prefix
	}
	if q.OpenNow {
		b.WriteString("\x00open " + q.Now.In(berlin).Format("2006-01-02T15:04"))
	}
	if q.Near != nil {
		fmt.Fprintf(&b, "\x00near %.5f,%.5f", q.Near.Lat, q.Near.Lon)
	}
	return b.String(), true
}
