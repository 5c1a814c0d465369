package server

import (
	"cmp"
	"slices"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// viewer turns records into the API's localized JSON views.
type viewer struct {
	ix   *index.Index
	lang string
	now  time.Time
	// languageNames, when set, keeps the names of languages between
	// requests (the language facet).
	languageNames *languageNames
	// untranslated collects the fields that fell back to German.
	untranslated []string
}

func newViewer(ix *index.Index, lang string) *viewer {
	return &viewer{ix: ix, lang: lang, now: time.Now()}
}

// text returns t in the viewer's language, noting a German fallback.
func (v *viewer) text(field string, t index.Text) string {
	s, got := t.In(v.lang)
	if s != "" && got != v.lang && !slices.Contains(v.untranslated, field) {
		v.untranslated = append(v.untranslated, field)
	}
	return s
}

// label is text for vocabulary labels, where no fallback is reported.
func (v *viewer) label(t index.Text) string {
	s, _ := t.In(v.lang)
	return s
}

type topicView struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Icon  string `json:"icon,omitempty"`
}

type idLabel struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type languageView struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type locationView struct {
	ID           string     `json:"id"`
	Name         string     `json:"name,omitempty"`
	Street       string     `json:"street,omitempty"`
	Postcode     string     `json:"postcode,omitempty"`
	City         string     `json:"city"`
	Area         string     `json:"area,omitempty"`
	Lat          *float64   `json:"lat,omitempty"`
	Lon          *float64   `json:"lon,omitempty"`
	Approximate  bool       `json:"approximate,omitempty"`
	Place        string     `json:"place,omitempty"`
	Wheelchair   string     `json:"wheelchair,omitempty"`
	OpeningHours string     `json:"opening_hours,omitempty"`
	Hours        []dayHours `json:"hours,omitempty"`
	OpenNow      *bool      `json:"open_now,omitempty"`
	NextOpen     string     `json:"next_open,omitempty"`
	HoursNote    string     `json:"hours_note,omitempty"`
	Transport    string     `json:"transport,omitempty"`
	// AsOf and Source date the address, HoursAsOf and HoursSource the hours.
	AsOf        string `json:"as_of,omitempty"`
	Source      string `json:"source,omitempty"`
	HoursAsOf   string `json:"hours_as_of,omitempty"`
	HoursSource string `json:"hours_source,omitempty"`
}

type dayHours struct {
	Day    string   `json:"day"`
	Label  string   `json:"label"`
	Ranges []string `json:"ranges"`
}

func (v *viewer) topics(ids []string) []topicView {
	out := []topicView{}
	for _, id := range ids {
		if t, ok := v.ix.Topic(id); ok {
			out = append(out, topicView{ID: id, Label: v.label(t.Label), Icon: t.Icon})
		}
	}
	return out
}

func (v *viewer) languages(codes []string) []languageView {
	out := []languageView{}
	names := display.Tags(language.Make(v.lang))
	for _, code := range codes {
		out = append(out, languageView{Code: code, Name: names.Name(language.Make(code))})
	}
	return out
}

func (v *viewer) locations(ref index.ServiceRef) []locationView {
	out := []locationView{}
	berlin := v.now.In(index.Berlin())
	for _, l := range ref.Locations() {
		lv := locationView{ID: l.ID, Name: v.text("locations.name", l.Name), Street: l.Street, Postcode: l.Postcode,
			City: l.City, Area: l.Area, Place: l.Place, Wheelchair: l.Wheelchair, OpeningHours: l.OpeningHours,
			HoursNote: v.text("locations.hours_note", l.HoursNote), Transport: v.text("locations.transport", l.Transport),
			AsOf: day(l.AsOf), Source: l.Source, HoursAsOf: day(l.HoursAsOf), HoursSource: l.HoursSource}
		if lat, lon, approx, ok := v.ix.Coordinates(l); ok {
			lv.Lat, lv.Lon, lv.Approximate = &lat, &lon, approx
		}
		if h, ok := v.ix.Hours(ref.Org, l); ok {
			open := h.OpenAt(berlin)
			lv.OpenNow = &open
			if next, ok := h.NextOpen(berlin); ok {
				lv.NextOpen = next.Format(time.RFC3339)
			}
			lv.Hours = v.week(h)
		}
		out = append(out, lv)
	}
	return out
}

// week lists the opening spans per weekday, Monday first, with day names
// in the viewer's language.
func (v *viewer) week(h index.Hours) []dayHours {
	var out []dayHours
	for d, code := range index.DayCodes {
		ranges := []string{}
		for _, s := range h.Day(d) {
			ranges = append(ranges, s.String())
		}
		out = append(out, dayHours{Day: code, Label: weekdayName(v.lang, d), Ranges: ranges})
	}
	return out
}

// result is one search hit; its untranslated list names the texts shown
// in German because the record lacks the reader's language.
func (v *viewer) result(h index.Hit) resultView {
	v.untranslated = nil
	r := resultView{
		hitHead: hitHead{ID: h.DocID(), OrganizationID: h.Org.ID, ServiceID: h.Service.ID, URL: v.pageURL(h.DocID()),
			Name: v.text("name", h.Service.Name), OrganizationName: v.text("organization_name", h.Org.Name)},
		Snippet: h.Snippet,
		hitMid: hitMid{Topics: v.topics(h.Service.Topics), Languages: v.languages(h.Service.Languages),
			Cost: h.Service.Cost, OnlineOnly: h.FromHome(), Channels: nonNil(h.Channels()), Locations: v.locations(h.ServiceRef)},
		DistanceKM: h.DistanceKM, DistanceApprox: h.DistanceApproximate, Score: h.Score,
	}
	prov := v.provenance(h.Org, h.Freshness())
	r.Verified, r.Stale, r.Unconfirmed = prov.Verified, prov.Stale, prov.Unconfirmed
	r.Confirmed = day(h.Org.Confirmed())
	if _, got := h.Service.Description.In(v.lang); got != v.lang {
		v.untranslated = append(v.untranslated, "snippet")
	}
	r.Untranslated = nonNil(v.untranslated)
	return r
}

// pageURL is the root-relative address of a service's page, in the
// viewer's language, written as the page writes its own links. Ids are
// [a-z0-9-] and languages come from a fixed list: nothing needs escaping.
func (v *viewer) pageURL(docID string) string {
	return "/?service=" + docID + "&lang=" + v.lang
}

// facets localizes facet counts, most frequent first.
func (v *viewer) facets(in map[string][]index.FacetCount) map[string][]facet {
	out := map[string][]facet{}
	for name, counts := range in {
		list := make([]facet, 0, len(counts))
		for _, fc := range counts {
			list = append(list, facet{ID: fc.ID, Label: v.facetLabel(name, fc.ID), Count: fc.Count})
		}
		slices.SortStableFunc(list, func(a, b facet) int { return cmp.Compare(b.Count, a.Count) })
		out[name] = list
	}
	for _, name := range []string{"topic", "language", "area", "group"} {
		if out[name] == nil {
			out[name] = []facet{}
		}
	}
	return out
}

// places names the areas of the places a query named; nil for none, so
// that the answer leaves them out.
func (v *viewer) places(read []index.PlaceRead) []placeView {
	if len(read) == 0 {
		return nil
	}
	out := make([]placeView, len(read))
	for i, p := range read {
		out[i] = placeView{Text: p.Text, Place: p.Place, Area: p.Area}
		if a, ok := v.ix.Area(p.Area); ok {
			out[i].AreaName, out[i].AreaNameLang = a.Name.In(v.lang)
		}
	}
	return out
}

func (v *viewer) facetLabel(name, id string) string {
	switch name {
	case "topic":
		if t, ok := v.ix.Topic(id); ok {
			return v.label(t.Label)
		}
	case "group":
		if g, ok := v.ix.Group(id); ok {
			return v.label(g.Label)
		}
	case "area":
		if a, ok := v.ix.Area(id); ok {
			return v.label(a.Name)
		}
	case "language":
		if v.languageNames != nil {
			return v.languageNames.name(v.lang, id)
		}
		return display.Tags(language.Make(v.lang)).Name(language.Make(id))
	}
	return id
}

// viewerFor reads `lang` and takes the current index: the first steps of
// every handler that answers with records or vocabularies. Call release
// when the answer is written.
func (s *server) viewerFor(c echo.Context) (*viewer, func(), error) {
	lang, err := langParam(c)
	if err != nil {
		return nil, nil, err
	}
	ix, release, err := s.index()
	if err != nil {
		return nil, nil, err
	}
	return newViewer(ix, lang), release, nil
}
