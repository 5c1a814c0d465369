package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// hsdsOrganizations lists organizations: those of the services the
// search finds, in the order of their best service, else all.
func (s *server) hsdsOrganizations(c echo.Context) error {
	p, err := parseHSDSList(c)
	if err != nil {
		return err
	}
	ix, m, release, err := s.hsdsOpen(c, p.search != "")
	if err != nil {
		return err
	}
	defer release()
	refs, err := hsdsFind(c, ix, m, hsdsList{search: p.search, lang: p.lang})
	if err != nil {
		return err
	}
	var orgs []*index.Organization
	for _, ref := range refs {
		if !slices.Contains(orgs, ref.Org) {
			orgs = append(orgs, ref.Org)
		}
	}
	from, to := p.window(len(orgs))
	var contents []any
	for _, o := range orgs[from:to] {
		contents = append(contents, m.Organization(o, p.lang, hsds.OrgDepth(p.full, p.fullService)))
	}
	return c.JSON(http.StatusOK, p.pageOf(len(orgs), contents))
}

func (s *server) hsdsOrganization(c echo.Context) error {
	p, err := parseHSDSList(c)
	if err != nil {
		return err
	}
	_, m, release, err := s.hsdsOpen(c, false)
	if err != nil {
		return err
	}
	defer release()
	o, ok := m.OrganizationByID(c.Param("id"))
	if !ok {
		return notFound("organization", c.Param("id"))
	}
	return c.JSON(http.StatusOK, m.Organization(o, p.lang, hsds.OrgDepth(true, p.fullService)))
}

// hsdsServiceAtLocations lists each service at each of its locations,
// filtered like services and by postcode and proximity.
func (s *server) hsdsServiceAtLocations(c echo.Context) error {
	p, err := parseHSDSList(c)
	if err != nil {
		return err
	}
	ix, m, release, err := s.hsdsOpen(c, p.search != "")
	if err != nil {
		return err
	}
	defer release()
	if p.proximity > 0 && !m.PostcodePlaced(p.postcode) {
		return badParam("proximity", "the position of postcode "+p.postcode+" is not known: no address in the records has it")
	}
	refs, err := hsdsFind(c, ix, m, p)
	if err != nil {
		return err
	}
	var all []hsds.At
	for _, a := range m.AllAt(refs) {
		if (p.postcode == "" || m.ForPostcode(a, p.postcode)) && (p.proximity == 0 || m.Near(a, p.postcode, p.proximity)) {
			all = append(all, a)
		}
	}
	from, to := p.window(len(all))
	var contents []any
	for _, a := range all[from:to] {
		contents = append(contents, m.ServiceAtLocation(a.ServiceRef, a.Location, p.lang, p.full))
	}
	return c.JSON(http.StatusOK, p.pageOf(len(all), contents))
}

func (s *server) hsdsServiceAtLocation(c echo.Context) error {
	lang, m, release, err := s.hsdsOne(c)
	if err != nil {
		return err
	}
	defer release()
	a, ok := m.AtByID(c.Param("id"))
	if !ok {
		return notFound("service_at_location", c.Param("id"))
	}
	return c.JSON(http.StatusOK, m.ServiceAtLocation(a.ServiceRef, a.Location, lang, true))
}

// hsdsTaxonomies lists Wegweiser's taxonomies; search matches their names
// and descriptions.
func (s *server) hsdsTaxonomies(c echo.Context) error {
	p, err := parseHSDSList(c)
	if err != nil {
		return err
	}
	_, m, release, err := s.hsdsOpen(c, false)
	if err != nil {
		return err
	}
	defer release()
	var all []any
	for _, t := range m.Taxonomies() {
		if matchesText(p.search, t.Name, t.Description) {
			all = append(all, t)
		}
	}
	from, to := p.window(len(all))
	return c.JSON(http.StatusOK, p.pageOf(len(all), all[from:to]))
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
	var all []any
	for _, t := range m.Terms(only) {
		if parent == "" && (p.filter.TaxonomyID == "" || t.TaxonomyID == p.filter.TaxonomyID) && matchesText(p.search, t.Name, t.Code) {
			all = append(all, t)
		}
	}
	from, to := p.window(len(all))
	return c.JSON(http.StatusOK, p.pageOf(len(all), all[from:to]))
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
