package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

type topicCount struct {
	topicView
	Count int `json:"count"`
}

type areaView struct {
	ID   string   `json:"id"`
	Name string   `json:"name"`
	Kind string   `json:"kind"`
	Lat  *float64 `json:"lat,omitempty"`
	Lon  *float64 `json:"lon,omitempty"`
}

type uiLanguage struct {
	Code   string `json:"code"`
	Name   string `json:"name"`   // in the answer's language
	Native string `json:"native"` // in itself
	Dir    string `json:"dir"`
}

// vocabulary answers with what fn makes of a viewer for `lang`.
func (s *server) vocabulary(c echo.Context, fn func(v *viewer) any) error {
	v, release, err := s.viewerFor(c)
	if err != nil {
		return err
	}
	defer release()
	return c.JSON(http.StatusOK, fn(v))
}

func (s *server) topics(c echo.Context) error {
	return s.vocabulary(c, func(v *viewer) any {
		counts := v.ix.TopicCounts()
		out := []topicCount{}
		for _, t := range v.ix.Directory().Topics {
			out = append(out, topicCount{topicView{ID: t.ID, Label: v.label(t.Label), Icon: t.Icon}, counts[t.ID]})
		}
		return map[string]any{"topics": out}
	})
}

func (s *server) groups(c echo.Context) error {
	return s.vocabulary(c, func(v *viewer) any {
		out := []idLabel{}
		for _, g := range v.ix.Directory().Groups {
			out = append(out, idLabel{ID: g.ID, Label: v.label(g.Label)})
		}
		return map[string]any{"groups": out}
	})
}

func (s *server) areas(c echo.Context) error {
	return s.vocabulary(c, func(v *viewer) any {
		out := []areaView{}
		for _, a := range v.ix.Directory().Areas {
			av := areaView{ID: a.ID, Name: v.label(a.Name), Kind: a.Kind}
			if p, ok := v.ix.Directory().Places[a.Centre]; ok {
				av.Lat, av.Lon = &p.Lat, &p.Lon
			}
			out = append(out, av)
		}
		return map[string]any{"areas": out}
	})
}

func (s *server) languages(c echo.Context) error {
	lang, err := langParam(c)
	if err != nil {
		return err
	}
	names := display.Tags(language.Make(lang))
	out := []uiLanguage{}
	for _, code := range index.Languages {
		tag := language.Make(code)
		out = append(out, uiLanguage{Code: code, Name: names.Name(tag), Native: display.Self.Name(tag), Dir: dirOf(code)})
	}
	return c.JSON(http.StatusOK, map[string]any{"languages": out})
}

// configView is the operator's settings for the page, and how many services
// have the data a filter needs: a filter no record has data for must not be
// offered as if it worked.
type configView struct {
	ReportEmail     string   `json:"report_email"`
	TileURL         string   `json:"tile_url"`
	TileAttribution string   `json:"tile_attribution"`
	Coverage        coverage `json:"coverage"`
}

// coverage counts the services, those with a location whose wheelchair
// access is known (yes, limited or no) and those that name the languages
// they advise in: a filter few records have data for must say so.
type coverage struct {
	Services   int `json:"services"`
	Wheelchair int `json:"wheelchair"`
	Languages  int `json:"languages"`
}

func (s *server) config(c echo.Context) error {
	ix, release, err := s.index()
	if err != nil {
		return err
	}
	defer release()
	return c.JSON(http.StatusOK, configView{ReportEmail: s.cfg.ReportEmail, TileURL: s.cfg.TileURL,
		TileAttribution: s.cfg.TileAttribution, Coverage: coverageOf(ix)})
}

func coverageOf(ix *index.Index) coverage {
	var out coverage
	for _, o := range ix.Directory().Organizations {
		for i := range o.Services {
			out.Services++
			if len(o.Services[i].Languages) > 0 {
				out.Languages++
			}
			for _, l := range (index.ServiceRef{Org: o, Service: &o.Services[i]}).Locations() {
				if l.Wheelchair != "" {
					out.Wheelchair++
					break
				}
			}
		}
	}
	return out
}
