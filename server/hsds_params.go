package server

import (
	"math"
	"regexp"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// Limits of the HSDS API's paging.
const (
	hsdsDefaultPerPage = 50
	hsdsMaxPerPage     = 500
	hsdsMaxPage        = 100000
)

// hsdsList is what a list request of the HSDS API asks for.
type hsdsList struct {
	lang, search      string
	page, perPage     int
	full, fullService bool
	filter            hsds.Filter
	postcode          string
	proximity         float64 // meters; 0: no limit
}

// parseHSDSList reads the parameters of the HSDS OpenAPI file; those a
// route does not take are ignored, as the file's other routes would.
func parseHSDSList(c echo.Context) (hsdsList, error) {
	var p hsdsList
	var err error
	if p.lang, err = langParam(c); err != nil {
		return p, err
	}
	if p.search, err = textParam(c, "search"); err != nil {
		return p, err
	}
	if p.page, err = intParam(c, "page", 1, 1, hsdsMaxPage); err != nil {
		return p, err
	}
	if p.perPage, err = intParam(c, "per_page", hsdsDefaultPerPage, 1, hsdsMaxPerPage); err != nil {
		return p, err
	}
	if err := formatParam(c); err != nil {
		return p, err
	}
	if p.full, err = boolParam(c, "full"); err != nil {
		return p, err
	}
	if p.fullService, err = boolParam(c, "full_service"); err != nil {
		return p, err
	}
	if minimal, err := boolParam(c, "minimal"); err != nil || minimal {
		return p, badParam("minimal", "not offered: a list item of /services needs its name and status, and Wegweiser keeps no modification dates")
	}
	f := &p.filter
	for name, dst := range map[string]*string{"taxonomy_term_id": &f.TermID, "taxonomy_id": &f.TaxonomyID, "organization_id": &f.OrganizationID} {
		if *dst, err = uuidParam(c, name); err != nil {
			return p, err
		}
	}
	if f.ModifiedAfter, err = dateTimeParam(c, "modified_after"); err != nil {
		return p, err
	}
	return p, p.readPostcode(c)
}

var postcodePattern = regexp.MustCompile(`^[0-9]{5}$`)

// readPostcode reads postcode and proximity (meters from the postcode's
// centre, which only a postcode has).
func (p *hsdsList) readPostcode(c echo.Context) error {
	var err error
	if p.postcode, err = oneValue(c, "postcode"); err != nil {
		return err
	}
	if p.postcode != "" && !postcodePattern.MatchString(p.postcode) {
		return badParam("postcode", "a German postcode has five digits")
	}
	raw, err := oneValue(c, "proximity")
	if err != nil || raw == "" {
		return err
	}
	m, err := strconv.ParseFloat(raw, 64)
	if err != nil || m <= 0 || math.IsInf(m, 0) || math.IsNaN(m) {
		return badParam("proximity", "must be a distance in meters, more than 0")
	}
	if p.postcode == "" {
		return badParam("proximity", "needs a postcode: the distance is measured from its centre")
	}
	p.proximity = m
	return nil
}

// formatParam accepts only json, the default.
func formatParam(c echo.Context) error {
	f, err := oneValue(c, "format")
	if err != nil {
		return err
	}
	if f != "" && f != "json" {
		return badParam("format", "only json is offered")
	}
	return nil
}

// uuidParam reads an HSDS id; an id that is not a UUID is no id at all.
func uuidParam(c echo.Context, name string) (string, error) {
	raw, err := oneValue(c, name)
	if err != nil || raw == "" {
		return "", err
	}
	u, err := uuid.Parse(raw)
	if err != nil {
		return "", badParam(name, "not an HSDS id (a UUID)")
	}
	return u.String(), nil
}

// dateTimeParam reads an RFC 3339 date-time or a date (midnight in
// Europe/Berlin).
func dateTimeParam(c echo.Context, name string) (time.Time, error) {
	raw, err := oneValue(c, name)
	if err != nil || raw == "" {
		return time.Time{}, err
	}
	if t, err := time.Parse(time.RFC3339, raw); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, raw, index.Berlin()); err == nil {
		return t, nil
	}
	return time.Time{}, badParam(name, "must be a date (2025-01-31) or a date-time (2025-01-31T08:00:00Z)")
}

// hsdsPage is the HSDS API's Page with its contents.
type hsdsPage struct {
	TotalItems int  `json:"total_items"`
	TotalPages int  `json:"total_pages"`
	PageNumber int  `json:"page_number"`
	Size       int  `json:"size"`
	FirstPage  bool `json:"first_page"`
	LastPage   bool `json:"last_page"`
	Empty      bool `json:"empty"`
	Contents   any  `json:"contents"`
}

// window is the part [from, to) of total items that page shows.
func (p hsdsList) window(total int) (from, to int) {
	from = min((p.page-1)*p.perPage, total)
	return from, min(from+p.perPage, total)
}

// hsdsPageOf maps the items of the requested page with doc and wraps them.
func hsdsPageOf[T any](p hsdsList, items []T, doc func(T) any) hsdsPage {
	from, to := p.window(len(items))
	contents := make([]any, 0, to-from)
	for _, it := range items[from:to] {
		contents = append(contents, doc(it))
	}
	return p.pageOf(len(items), contents)
}

// pageOf wraps the contents of the requested page. size counts the
// items on this page; a page past the last one is empty and last.
func (p hsdsList) pageOf(total int, contents []any) hsdsPage {
	pages := (total + p.perPage - 1) / p.perPage
	if contents == nil {
		contents = []any{}
	}
	return hsdsPage{TotalItems: total, TotalPages: pages, PageNumber: p.page, Size: len(contents),
		FirstPage: p.page == 1, LastPage: p.page >= pages, Empty: len(contents) == 0, Contents: contents}
}
