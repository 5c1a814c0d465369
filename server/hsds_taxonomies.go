package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// hsdsTaxonomies lists Wegweiser's taxonomies; search matches their names
// and descriptions.
func (s *server) hsdsTaxonomies(c echo.Context) error {
	p, _, m, release, err := s.hsdsListOpen(c, false)
	if err != nil {
		return err
	}
	defer release()
	var all []hsds.Taxonomy
	for _, t := range m.Taxonomies() {
		if matchesText(p.search, t.Name, t.Description) {
			all = append(all, t)
		}
	}
	return c.JSON(http.StatusOK, hsdsPageOf(p, all, func(t hsds.Taxonomy) any { return t }))
}

func (s *server) hsdsTaxonomy(c echo.Context) error {
	_, m, release, err := s.hsdsOne(c)
	if err != nil {
		return err
	}
	defer release()
	t, ok := m.TaxonomyByID(c.Param("id"))
	if !ok {
		return notFound("taxonomy", c.Param("id"))
	}
	return c.JSON(http.StatusOK, t)
}

// hsdsTerms lists the terms of every taxonomy in every language they are
// named in; `lang` keeps one language, taxonomy_id one taxonomy, search
// matches names and codes. No term has a parent or a child.
func (s *server) hsdsTerms(c echo.Context) error {
	p, err := parseHSDSList(c)
	if err != nil {
		return err
	}
	parent, err := uuidParam(c, "parent_id")
	if err != nil {
		return err
	}
	if _, err := boolParam(c, "top_only"); err != nil {
		return err
	}
	_, m, release, err := s.hsdsOpen(c, false)
	if err != nil {
		return err
	}
	defer release()
	only := ""
	if c.QueryParam("lang") != "" {
		only = p.lang
	}
	var all []hsds.TaxonomyTerm
	for _, t := range m.Terms(only) {
		if parent == "" && (p.filter.TaxonomyID == "" || t.TaxonomyID == p.filter.TaxonomyID) && matchesText(p.search, t.Name, t.Code) {
			all = append(all, t)
		}
	}
	return c.JSON(http.StatusOK, hsdsPageOf(p, all, func(t hsds.TaxonomyTerm) any { return t }))
}

func (s *server) hsdsTerm(c echo.Context) error {
	_, m, release, err := s.hsdsOne(c)
	if err != nil {
		return err
	}
	defer release()
	t, ok := m.TermByID(c.Param("id"))
	if !ok {
		return notFound("taxonomy_term", c.Param("id"))
	}
	return c.JSON(http.StatusOK, t)
}

// matchesText: every word of search is in one of the texts, ignoring case.
func matchesText(search string, texts ...string) bool {
	all := strings.ToLower(strings.Join(texts, " "))
	for _, w := range strings.Fields(strings.ToLower(search)) {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}
