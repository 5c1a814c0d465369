package server

import (
	"encoding/json"
	"fmt"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/weighed"
)

// hitViewsSize and hitViewsBytes bound the encoded hit views kept: one
// per service and language asked, about 1.5 KiB each, more for a service
// with many locations.
const (
	hitViewsSize  = 4096
	hitViewsBytes = 16 << 20
)

// hitViews keeps the encoded JSON of search hits' views, all but what the
// query decides (snippet, distance, score), per language, for the minute
// they were made in: opening hours count in minutes and dates in days, so
// a view made earlier in the same minute is the view of now. Searches that
// are all different still show the same services again and again, and
// building a view and encoding it cost about as much as the search. A new
// index empties it, like answers.
type hitViews struct {
	views *perIndex[hitKey, *hitJSON]
}

type hitKey struct{ lang, org, service string }

// hitJSON is a hit's view in pieces: head is the object up to the
// organization's name, mid from the topics to the locations, tail the dates
// and untranslated the list and the closing brace.
type hitJSON struct {
	minute                        int64
	head, mid, tail, untranslated []byte
}

func newHitViews() *hitViews {
	return &hitViews{views: newPerIndex[hitKey](hitViewsSize, hitViewsBytes, (*hitJSON).bytes)}
}

// encoded is a JSON body made by hand from encoded parts: answers.serve
// sends it as it is.
type encoded []byte

// encodeSearch encodes a search's answer into buf (emptied first; nil for
// a new one): the same JSON as json.Marshal of the searchResponse, with
// each hit's view taken from the cache.
func (c *hitViews) encodeSearch(buf []byte, v *viewer, head searchHead, hits []index.Hit, foot searchFoot) (encoded, error) {
	cache := c.views.current(v.ix)
	parts := make([]*hitJSON, len(hits))
	for i, h := range hits {
		var err error
		if parts[i], err = hitParts(cache, v, h); err != nil {
			return nil, err
		}
	}
	// Made at about its size when buf is too small: the body may be kept
	// with the answer (answers.go), and it is most of what a search
	// allocates.
	if size := answerSize(head, hits, parts, foot); cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	buf = buf[:0]
	buf = append(appendSearchHead(buf, head), `,"results":[`...)
	for i, h := range hits {
		if i > 0 {
			buf = append(buf, ',')
		}
		var err error
		if buf, err = appendHit(buf, parts[i], h); err != nil {
			return nil, err
		}
	}
	return appendSearchFoot(append(buf, "],"...), foot), nil
}

// answerSize is a little more than the encoded answer usually takes, its
// closing newline included: text escaped in JSON grows (a snippet's marks
// by 20 bytes each), numbers take at most 24 bytes.
func answerSize(head searchHead, hits []index.Hit, parts []*hitJSON, foot searchFoot) int {
	n := 256 + 2*len(head.Query) + len(foot.Suggestion)
	for _, p := range head.Places { // a place's words may hold <, > or &: 6 bytes each
		n += 6*len(p.Text) + 2*(len(p.Place)+len(p.AreaName)) + len(p.Area) + 80
	}
	for i, h := range hits {
		p := parts[i]
		n += len(p.head) + len(p.mid) + len(p.tail) + len(p.untranslated) + len(h.Snippet) + len(h.Snippet)/8 + 128
	}
	for _, list := range foot.Facets {
		for _, f := range list {
			n += len(f.ID) + len(f.Label) + len(f.Label)/8 + 48
		}
	}
	return n
}

// hitParts returns the kept parts of a hit's view, made when missing or
// made in another minute.
func hitParts(cache *weighed.Cache[hitKey, *hitJSON], v *viewer, h index.Hit) (*hitJSON, error) {
	minute := v.now.Unix() / 60
	key := hitKey{v.lang, h.Org.ID, h.Service.ID}
	if cache != nil {
		if p, ok := cache.Get(key); ok && p.minute == minute {
			return p, nil
		}
	}
	parts, err := newHitJSON(v.result(h), minute)
	if err != nil {
		return nil, err
	}
	if cache != nil {
		cache.Add(key, parts)
	}
	return parts, nil
}

// appendHit appends the JSON of a hit's view from its kept parts.
func appendHit(buf []byte, parts *hitJSON, h index.Hit) ([]byte, error) {
	if !finite(h.Score) || h.DistanceKM != nil && !finite(*h.DistanceKM) {
		return nil, fmt.Errorf("hit %s: score %v or distance not a JSON number", h.DocID(), h.Score)
	}
	buf = appendJSONString(append(append(buf, parts.head...), `,"snippet":`...), h.Snippet)
	buf = append(buf, parts.mid...)
	if h.DistanceKM != nil {
		buf = appendJSONFloat(append(buf, `,"distance_km":`...), *h.DistanceKM)
	}
	if h.DistanceApproximate {
		buf = append(buf, `,"distance_approximate":true`...)
	}
	buf = appendJSONFloat(append(append(buf, parts.tail...), `,"score":`...), h.Score)
	return append(buf, parts.untranslated...), nil
}

// bytes is about what a kept view holds.
func (p *hitJSON) bytes() int64 {
	return int64(64 + cap(p.head) + cap(p.mid) + cap(p.tail) + cap(p.untranslated))
}

// newHitJSON encodes the parts of a view that do not depend on the query.
func newHitJSON(r resultView, minute int64) (*hitJSON, error) {
	p := &hitJSON{minute: minute}
	head, err := json.Marshal(r.hitHead)
	if err != nil {
		return nil, err
	}
	mid, err := json.Marshal(r.hitMid)
	if err != nil {
		return nil, err
	}
	tail, err := json.Marshal(r.hitTail)
	if err != nil {
		return nil, err
	}
	untranslated, err := json.Marshal(r.Untranslated)
	if err != nil {
		return nil, err
	}
	// Each part has a field that is never omitted, so none is "{}".
	p.head = head[:len(head)-1]
	p.mid = append([]byte{','}, mid[1:len(mid)-1]...)
	p.tail = append([]byte{','}, tail[1:len(tail)-1]...)
	p.untranslated = append(append([]byte(`,"untranslated":`), untranslated...), '}')
	return p, nil
}
