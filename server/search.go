package server

import (
	"cmp"
	"context"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// searchResponse is the answer of /api/v1/search. Its parts are
// structs of their own so that a hit's view can be encoded once and kept
// (hitviews.go): the JSON is the same as the whole struct's.
type searchResponse struct {
	searchHead
	Results []resultView `json:"results"`
	searchFoot
}

type searchHead struct {
	Query        string      `json:"query"`
	Lang         string      `json:"lang"`
	DetectedLang string      `json:"detected_lang,omitempty"`
	Places       []placeView `json:"places,omitempty"`
	Total        int         `json:"total"`
	Page         int         `json:"page"`
	Limit        int         `json:"limit"`
}

// placeView is a place the query names, as the search read it: the words,
// the town's name when they name one, and the area it ranked by, named in
// the answer's language or, lacking that, in German (area_name_lang says
// which).
type placeView struct {
	Text         string `json:"text"`
	Place        string `json:"place,omitempty"`
	Area         string `json:"area"`
	AreaName     string `json:"area_name"`
	AreaNameLang string `json:"area_name_lang"`
}

type searchFoot struct {
	Facets     map[string][]facet `json:"facets"`
	Suggestion string             `json:"suggestion,omitempty"`
	Fallback   bool               `json:"fallback"`
}

// resultView is one hit: what the query decides (snippet, distance,
// score) between the parts that only depend on the record, the language
// and the minute (hitHead, hitMid, hitTail, Untranslated).
type resultView struct {
	hitHead
	Snippet string `json:"snippet"`
	hitMid
	DistanceKM     *float64 `json:"distance_km,omitempty"`
	DistanceApprox bool     `json:"distance_approximate,omitempty"`
	hitTail
	Score        float64  `json:"score"`
	Untranslated []string `json:"untranslated"`
}

type hitHead struct {
	ID               string `json:"id"`
	OrganizationID   string `json:"organization_id"`
	ServiceID        string `json:"service_id"`
	URL              string `json:"url"`
	Name             string `json:"name"`
	OrganizationName string `json:"organization_name"`
}

type hitMid struct {
	Topics     []topicView    `json:"topics"`
	Languages  []languageView `json:"languages"`
	Cost       string         `json:"cost,omitempty"`
	OnlineOnly bool           `json:"online_only,omitempty"` // reached by phone or online only
	Channels   []string       `json:"channels"`
	Locations  []locationView `json:"locations"`
}

type hitTail struct {
	Verified    string `json:"verified"`
	Stale       bool   `json:"stale"`
	Unconfirmed bool   `json:"unconfirmed"`
	Confirmed   string `json:"confirmed,omitempty"` // newest evidence the organization exists
}

type facet struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// parseQuery reads and validates every search parameter.
func parseQuery(c echo.Context) (index.Query, error) {
	var q index.Query
	var err error
	if q.Lang, err = langParam(c); err != nil {
		return q, err
	}
	if q.Text, err = textParam(c, "q"); err != nil {
		return q, err
	}
	lists := []struct {
		name string
		dst  *[]string
	}{{"topic", &q.Topics}, {"language", &q.Languages}, {"area", &q.Areas}, {"group", &q.Groups}}
	for _, l := range lists {
		if *l.dst, err = listParam(c, l.name); err != nil {
			return q, err
		}
	}
	if q.FreeOnly, err = boolParam(c, "free"); err != nil {
		return q, err
	}
	if q.Wheelchair, err = boolParam(c, "wheelchair"); err != nil {
		return q, err
	}
	open, err := oneValue(c, "open")
	if err != nil {
		return q, err
	}
	switch open {
	case "":
	case "now":
		q.OpenNow, q.Now = true, time.Now()
	default:
		return q, badParam("open", `the only value is "now"`)
	}
	if q.Near, err = nearParam(c); err != nil {
		return q, err
	}
	if q.Page, err = intParam(c, "page", 1, 1, maxPage); err != nil {
		return q, err
	}
	q.Limit, err = intParam(c, "limit", defaultLimit, 1, maxLimit)
	return q, err
}

func (s *server) search(c echo.Context) error {
	q, ix, deadline, release, err := s.query(c)
	if err != nil {
		return err
	}
	defer release()
	key, cacheable := q.CacheKey()
	return s.answers.serve(c, ix, "search\x00"+key, cacheable, func(buf []byte) (any, error) {
		ctx, cancel := context.WithDeadline(c.Request().Context(), deadline)
		defer cancel()
		res, err := ix.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		v := newViewer(ix, q.Lang)
		v.languageNames = s.languageNames
		head := searchHead{Query: q.Text, Lang: q.Lang, DetectedLang: res.DetectedLang, Places: v.places(res.Places),
			Total: res.Total, Page: q.Page, Limit: q.Limit}
		foot := searchFoot{Facets: v.facets(res.Facets), Suggestion: res.Suggestion, Fallback: res.Fallback}
		return s.hitViews.encodeSearch(buf, v, head, res.Hits, foot)
	})
}

// suggestion is one service offered while typing: its name, its
// organization's (two services of one name are told apart by it), its id
// (the page opens it) and the address of its page (for partner sites, as in
// search results).
type suggestion struct {
	Text         string `json:"text"`
	Organization string `json:"organization"`
	ID           string `json:"id"`
	URL          string `json:"url"`
}

// suggest answers search-as-you-type with the names of the best matches:
// services only, at most 8 (openapi.json says so; TestOpenAPIMatchesAnswers
// and TestAPIDocMatchesOpenAPI hold code, document and docs/api.md together).
func (s *server) suggest(c echo.Context) error {
	q, ix, deadline, release, err := s.query(c)
	if err != nil {
		return err
	}
	defer release()
	q.Page, q.Limit = 1, 8
	key, cacheable := q.CacheKey()
	return s.answers.serve(c, ix, "suggest\x00"+key, cacheable, func([]byte) (any, error) {
		out := []suggestion{}
		v := newViewer(ix, q.Lang)
		if q.Text != "" {
			ctx, cancel := context.WithDeadline(c.Request().Context(), deadline)
			defer cancel()
			res, err := ix.Search(ctx, q)
			if err != nil {
				return nil, err
			}
			for _, h := range res.Hits {
				if res.Fallback {
					break
				}
				name, _ := h.Service.Name.In(q.Lang)
				org, _ := h.Org.Name.In(q.Lang)
				out = append(out, suggestion{Text: name, Organization: org, ID: h.DocID(), URL: v.pageURL(h.DocID())})
			}
		}
		return map[string]any{"suggestions": out}, nil
	})
}

// query parses the search parameters, waits for a search slot and takes
// the current index; call release when the answer is written. A search
// made anew must end by the deadline returned (searchDeadline).
func (s *server) query(c echo.Context) (index.Query, *index.Index, time.Time, func(), error) {
	q, err := parseQuery(c)
	if err != nil {
		return q, nil, time.Time{}, nil, err
	}
	deadline := s.searchDeadline()
	leave, err := s.admission.enter(c.Request().Context(), q.Text, deadline)
	if err != nil {
		return q, nil, deadline, nil, err
	}
	ix, release, err := s.index()
	if err != nil {
		leave()
		return q, nil, deadline, nil, err
	}
	return q, ix, deadline, func() { release(); leave() }, nil
}

// searchDeadline is when a search that starts now must have ended
// (Config.RequestTimeout): its wait for a slot ends then, and the search
// stops, and the client gets a 503. The deadline is a time, not a context
// made for every request: a kept answer needs none, and a context with its
// timer per request was a quarter of what the head mix allocated
// (docs/decisions/search-deadline.md).
func (s *server) searchDeadline() time.Time {
	return time.Now().Add(cmp.Or(s.cfg.RequestTimeout, defaultRequestTimeout))
}
