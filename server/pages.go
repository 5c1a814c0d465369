package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/text/language"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

//go:embed page.gohtml
var pageTemplateText string

var pageTemplate = template.Must(template.New("page").Parse(pageTemplateText))

// htmlPages renders the HTML pages the server writes itself: the legal pages
// and the "not found" page for addresses that are not the API's. Their
// words come from the page's translations, in the reader's language.
type htmlPages struct {
	assets  string                       // the asset folder, "/assets/<hash>/"
	strings map[string]map[string]string // language -> key -> text
	legal   []legalLink
}

type legalLink struct {
	Path, Key string // address here, and the translation key of its title
	page      LegalPage
	html      template.HTML // the rendered Markdown
}

// registerPages adds the legal pages and the HTML "not found" answer.
func (s *server) registerPages(e *echo.Echo, site *staticSite, files fs.FS) error {
	p := &htmlPages{assets: "/assets/" + site.hash + "/", strings: readStrings(files), legal: legalLinks(s.cfg)}
	md := goldmark.New(goldmark.WithExtensions(extension.Linkify)) // raw HTML in the file is left out
	for i, l := range p.legal {
		if l.page.URL != "" {
			route(e, l.Path, redirectTo(l.page.URL))
			continue
		}
		var buf bytes.Buffer
		if err := md.Convert(l.page.Markdown, &buf); err != nil {
			return fmt.Errorf("%s: %w", l.Path, err)
		}
		p.legal[i].html = template.HTML(buf.String()) // goldmark escapes the text and drops raw HTML
		route(e, l.Path, p.legalPage(p.legal[i]))
	}
	reference, err := renderReference(openAPIDocument)
	if err != nil {
		return err
	}
	route(e, referencePath, p.reference(reference))
	e.RouteNotFound("/*", p.notFound(s.notFound))
	return nil
}

// reference serves the open-data page with the API reference; the
// reference is in English, the page around it in the reader's language.
func (p *htmlPages) reference(body template.HTML) echo.HandlerFunc {
	return func(c echo.Context) error {
		d := p.data(c)
		d.Title, d.Body, d.BodyLang, d.BodyClass = d.T["openData"], body, "en", "reference"
		return p.render(c, http.StatusOK, d)
	}
}

// pageData is what page.gohtml shows.
type pageData struct {
	Lang, Dir, Assets, Home, Title string
	T                              map[string]string
	Body                           template.HTML // a legal page's text; empty on "not found"
	BodyLang, BodyClass            string        // the language and class of Body; German legal text by default
	Legal                          []legalLink
	NotFound                       bool
}

func (p *htmlPages) legalPage(l legalLink) echo.HandlerFunc {
	return func(c echo.Context) error {
		d := p.data(c)
		d.Title, d.Body = d.T[l.Key], l.html
		return p.render(c, http.StatusOK, d)
	}
}

// notFound answers an unknown address with a page in the reader's
// language that leads on (a search field, the home page); under /api/ the
// JSON error stays.
func (p *htmlPages) notFound(api echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if isAPI(c.Request().URL.Path) {
			return api(c)
		}
		d := p.data(c)
		d.Title, d.NotFound = d.T["pageNotFound"], true
		return p.render(c, http.StatusNotFound, d)
	}
}

func (p *htmlPages) data(c echo.Context) pageData {
	lang := readerLang(c)
	return pageData{Lang: lang, Dir: dirOf(lang), Assets: p.assets, Home: "/?lang=" + lang, T: p.words(lang), Legal: p.legal}
}

func (p *htmlPages) render(c echo.Context, status int, d pageData) error {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Language")
	return c.HTMLBlob(status, buf.Bytes())
}

// words is the translation of one language, German where it lacks a key.
func (p *htmlPages) words(lang string) map[string]string {
	out := map[string]string{}
	for _, l := range []string{"de", lang} {
		for k, v := range p.strings[l] {
			out[k] = v
		}
	}
	return out
}

// readStrings reads the page's translations (i18n/<lang>.json); plural
// forms are not needed here and left out. A missing file means German
// words only, or none.
func readStrings(files fs.FS) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range index.Languages {
		b, err := fs.ReadFile(files, "i18n/"+lang+".json")
		if err != nil {
			continue
		}
		var all map[string]any
		if json.Unmarshal(b, &all) != nil {
			continue
		}
		out[lang] = map[string]string{}
		for k, v := range all {
			if s, ok := v.(string); ok {
				out[lang][k] = s
			}
		}
	}
	return out
}

// readerLang is `lang` when the address names one, else the browser's
// preferred language among the interface languages, else German.
func readerLang(c echo.Context) string {
	if c.QueryParam("lang") != "" {
		if lang, err := langParam(c); err == nil {
			return lang
		}
	}
	tags, _, _ := language.ParseAcceptLanguage(c.Request().Header.Get("Accept-Language"))
	if len(tags) > 0 {
		if _, i, conf := supported.Match(tags...); conf != language.No {
			return index.Languages[i]
		}
	}
	return "de"
}

// dirOf is the writing direction of an interface language.
func dirOf(lang string) string {
	if lang == "ar" || lang == "fa" {
		return "rtl"
	}
	return "ltr"
}
