package server

import (
	"encoding/json"
	"fmt"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// hitViewsSize bounds the encoded hit views kept: one per service and
// language asked, about 1.5 KiB each.
const hitViewsSize = 4096

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
	return &hitViews{views: newPerIndex[hitKey, *hitJSON](hitViewsSize)}
}

// encoded is a JSON body made by hand from encoded parts: answers.serve
// sends it as it is.
type encoded []byte

// encodeSearch encodes a search's answer: the same JSON as json.Marshal
// of the searchResponse, with each hit's view taken from the cache.
func (c *hitViews) encodeSearch(v *viewer, head searchHead, hits []index.Hit, foot searchFoot) (encoded, error) {
	// about 1.5 KiB a hit and a few for the facets: grown once, not by doubling
	buf := make([]byte, 0, 2048*len(hits)+4096)
	buf = append(appendSearchHead(buf, head), `,"results":[`...)
	cache := c.views.current(v.ix)
	for i, h := range hits {
		if i > 0 {
			buf = append(buf, ',')
		}
		var err error
		if buf, err = appendHit(buf, cache, v, h); err != nil {
			return nil, err
		}
	}
	return appendSearchFoot(append(buf, "],"...), foot), nil
}

// appendHit appends the JSON of a hit's view.
func appendHit(buf []byte, cache *lru.Cache[hitKey, *hitJSON], v *viewer, h index.Hit) ([]byte, error) {
	minute := v.now.Unix() / 60
	key := hitKey{v.lang, h.Org.ID, h.Service.ID}
	var parts *hitJSON
	if cache != nil {
		if p, ok := cache.Get(key); ok && p.minute == minute {
			parts = p
		}
	}
	if parts == nil {
		var err error
		if parts, err = newHitJSON(v.result(h), minute); err != nil {
			return nil, err
		}
		if cache != nil {
			cache.Add(key, parts)
		}
	}
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
