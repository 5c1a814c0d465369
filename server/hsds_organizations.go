package server

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// hsdsOrganizations lists organizations: those of the services the
// search finds, in the order of their best service, else all.
func (s *server) hsdsOrganizations(c echo.Context) error {
	p, ix, m, release, err := s.hsdsListOpen(c, true)
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
	return c.JSON(http.StatusOK, hsdsPageOf(p, orgs, func(o *index.Organization) any {
		return m.Organization(o, p.lang, hsds.OrgDepth(p.full, p.fullService))
	}))
}

func (s *server) hsdsOrganization(c echo.Context) error {
	p, _, m, release, err := s.hsdsListOpen(c, false)
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
	p, ix, m, release, err := s.hsdsListOpen(c, true)
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
	return c.JSON(http.StatusOK, hsdsPageOf(p, all, func(a hsds.At) any {
		return m.ServiceAtLocation(a.ServiceRef, a.Location, p.lang, p.full)
	}))
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
