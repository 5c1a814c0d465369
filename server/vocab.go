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

// config tells the page the operator's settings.
func (s *server) config(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{
		"report_email": s.cfg.ReportEmail, "tile_url": s.cfg.TileURL, "tile_attribution": s.cfg.TileAttribution,
	})
}
