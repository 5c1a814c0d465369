package server

import (
	"context"
	"net/http"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// The HSDS API's self-description (GET /hsds/): Wegweiser implements the
// HSDS 3.0 API as Open Referral's OpenAPI file describes it, with no
// profile of its own.
const (
	hsdsVersion = "3.0"
	hsdsProfile = "https://docs.openreferral.org/en/v3.0/"
	hsdsOpenAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
)

// hsdsMappers keeps the HSDS mapper of the data being served; a reload
// brings new data and so a new mapper, built on the first HSDS request.
type hsdsMappers struct {
	labels hsds.Labels
	mu     sync.Mutex
	dir    *index.Directory
	m      *hsds.Mapper
}

func (h *hsdsMappers) of(d *index.Directory) *hsds.Mapper {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.dir != d {
		h.dir, h.m = d, hsds.New(d, h.labels)
	}
	return h.m
}

// hsdsOpen takes the current index and its mapper, and a search slot when
// the request searches (the search's deadline then in the request's
// context); call release when the answer is written.
func (s *server) hsdsOpen(c echo.Context, searching bool) (*index.Index, *hsds.Mapper, func(), error) {
	leave := func() {}
	if searching {
		deadline := s.searchDeadline()
		done, err := s.admission.enter(c.Request().Context(), c.QueryParam("search"), deadline)
		if err != nil {
			return nil, nil, nil, err
		}
		ctx, cancel := context.WithDeadline(c.Request().Context(), deadline)
		c.SetRequest(c.Request().WithContext(ctx))
		leave = func() { done(); cancel() }
	}
	ix, release, err := s.index()
	if err != nil {
		leave()
		return nil, nil, nil, err
	}
	return ix, s.hsds.of(ix.Directory()), func() { release(); leave() }, nil
}

// hsdsListOpen starts a list request: its parameters, then hsdsOpen, with
// a search slot when the list runs Wegweiser's search (searchesIndex) and
// the request has a search.
func (s *server) hsdsListOpen(c echo.Context, searchesIndex bool) (hsdsList, *index.Index, *hsds.Mapper, func(), error) {
	p, err := parseHSDSList(c)
	if err != nil {
		return p, nil, nil, nil, err
	}
	ix, m, release, err := s.hsdsOpen(c, searchesIndex && p.search != "")
	return p, ix, m, release, err
}

func (s *server) hsdsRoot(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"version": hsdsVersion, "profile": hsdsProfile, "openapi_url": hsdsOpenAPI})
}

// hsdsFind lists the services a list request asks for: those Wegweiser's
// search finds for `search`, best first (none when it finds nothing; the
// first contacts it then offers are not matches), else all of them, in
// the directory's order; then filtered.
func hsdsFind(c echo.Context, ix *index.Index, m *hsds.Mapper, p hsdsList) ([]index.ServiceRef, error) {
	refs := m.AllServices()
	if strings.TrimSpace(p.search) != "" {
		res, err := ix.Search(c.Request().Context(), index.Query{Text: p.search, Lang: p.lang, Page: 1, Limit: max(ix.Len(), 1)})
		if err != nil {
			return nil, err
		}
		refs = refs[:0]
		for _, h := range res.Hits {
			if !res.Fallback {
				refs = append(refs, h.ServiceRef)
			}
		}
	}
	out := refs[:0:0]
	for _, ref := range refs {
		if m.Match(ref, p.filter) {
			out = append(out, ref)
		}
	}
	return out, nil
}

func (s *server) hsdsServices(c echo.Context) error {
	p, ix, m, release, err := s.hsdsListOpen(c, true)
	if err != nil {
		return err
	}
	defer release()
	refs, err := hsdsFind(c, ix, m, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, hsdsPageOf(p, refs, func(ref index.ServiceRef) any {
		return m.Service(ref, p.lang, p.full || p.fullService)
	}))
}

func (s *server) hsdsService(c echo.Context) error {
	lang, m, release, err := s.hsdsOne(c)
	if err != nil {
		return err
	}
	defer release()
	ref, ok := m.ServiceByID(c.Param("id"))
	if !ok {
		return notFound("service", c.Param("id"))
	}
	return c.JSON(http.StatusOK, m.Service(ref, lang, true))
}

// hsdsOne starts a request for one document: its language and the mapper.
func (s *server) hsdsOne(c echo.Context) (string, *hsds.Mapper, func(), error) {
	lang, err := langParam(c)
	if err != nil {
		return "", nil, nil, err
	}
	_, m, release, err := s.hsdsOpen(c, false)
	return lang, m, release, err
}
