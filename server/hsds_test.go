package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds/hsdstest"
)

// hsdsClient asks the HSDS API of a server and validates every answer.
type hsdsClient struct {
	t       *testing.T
	e       *echo.Echo
	schemas hsdstest.Schemas
	docs    int // documents validated
}

// get asks target and decodes the answer, which must have status.
func (h *hsdsClient) get(target string, status int) map[string]any {
	h.t.Helper()
	rec := do(h.e, http.MethodGet, target, nil)
	if rec.Code != status {
		h.t.Fatalf("GET %s: status %d, want %d: %.300s", target, rec.Code, status, rec.Body)
	}
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		h.t.Fatalf("GET %s: not JSON: %v", target, err)
	}
	return body
}

// doc asks for one document and validates it against schema.
func (h *hsdsClient) doc(target, schema string) map[string]any {
	h.t.Helper()
	body := h.get(target, http.StatusOK)
	h.validate(target, schema, body)
	return body
}

func (h *hsdsClient) validate(what, schema string, v any) {
	h.t.Helper()
	b, _ := json.Marshal(v)
	if err := h.schemas.Validate(schema, b); err != nil {
		h.t.Errorf("%s as %s: %v", what, schema, err)
	}
	h.docs++
}

// pages walks every page of a list and validates the page and each item;
// it returns the ids of all items.
func (h *hsdsClient) pages(path, item string, perPage int) []string {
	h.t.Helper()
	var ids []string
	for page := 1; ; page++ {
		target := fmt.Sprintf("%s%spage=%d&per_page=%d", path, sep(path), page, perPage)
		body := h.doc(target, "page")
		for i, c := range body["contents"].([]any) {
			h.validate(fmt.Sprintf("%s contents[%d]", target, i), item, c)
			ids = append(ids, c.(map[string]any)["id"].(string))
		}
		if body["last_page"] == true {
			if n := int(body["total_items"].(float64)); n != len(ids) {
				h.t.Errorf("%s: total_items %d, but the pages held %d", path, n, len(ids))
			}
			return ids
		}
	}
}

func sep(path string) string {
	if u, _ := url.Parse(path); u.RawQuery != "" {
		return "&"
	}
	return "?"
}

// TestHSDSDocumentsValidate asks the HSDS API for every document of the
// real data, as lists and one by one, and validates each against the
// official HSDS 3.0 schemas.
func TestHSDSDocumentsValidate(t *testing.T) {
	e, d := realServer(t, true)
	h := &hsdsClient{t: t, e: e, schemas: hsdstest.Load(t, "../testdata/hsds-3.0")}
	h.doc("/hsds/", "root")
	h.doc("/hsds", "root")
	services := h.pages("/hsds/services", "service_list", 20)
	h.pages("/hsds/services?full=true&lang=uk", "service", 50)
	n := 0
	for _, o := range d.Organizations {
		n += len(o.Services)
	}
	if len(services) != n {
		t.Errorf("/hsds/services lists %d services, the data has %d", len(services), n)
	}
	for _, id := range services {
		h.doc("/hsds/services/"+id, "service")
		h.doc("/hsds/services/"+id+"?lang=ar", "service")
	}
	for _, id := range h.pages("/hsds/organizations", "organization_list", 7) {
		h.doc("/hsds/organizations/"+id, "organization")
		h.doc("/hsds/organizations/"+id+"?full_service=true&lang=en", "organization")
	}
	h.pages("/hsds/organizations?full=true", "organization", 10)
	for _, id := range h.pages("/hsds/service_at_locations", "service_at_location_list", 30) {
		h.doc("/hsds/service_at_locations/"+id+"?lang=fa", "service_at_location")
	}
	for _, id := range h.pages("/hsds/taxonomies", "taxonomy", 3) {
		h.doc("/hsds/taxonomies/"+id, "taxonomy")
	}
	for _, id := range h.pages("/hsds/taxonomy_terms", "taxonomy_term", 100) {
		h.doc("/hsds/taxonomy_terms/"+id, "taxonomy_term")
	}
	t.Logf("%d HSDS documents validated, %d services", h.docs, len(services))
}

// TestHSDSPaging: the Page fields on the first, the last, a past-the-end
// and an empty page, and the bounds of per_page and page.
func TestHSDSPaging(t *testing.T) {
	e, _ := realServer(t, true)
	h := &hsdsClient{t: t, e: e, schemas: hsdstest.Load(t, "../testdata/hsds-3.0")}
	all := h.doc("/hsds/services?per_page=500", "page")
	total := int(all["total_items"].(float64))
	const per = 20
	pages := (total + per - 1) / per
	last := total - (pages-1)*per
	for _, tc := range []struct {
		target                     string
		pageNumber, size, pages    int
		first, lastPage, emptyPage bool
	}{
		{"/hsds/services?per_page=20", 1, per, pages, true, false, false},
		{fmt.Sprintf("/hsds/services?per_page=20&page=%d", pages), pages, last, pages, false, true, false},
		{fmt.Sprintf("/hsds/services?per_page=20&page=%d", pages+1), pages + 1, 0, pages, false, true, true},
		{"/hsds/services?per_page=500", 1, total, 1, true, true, false},
		{"/hsds/services?per_page=1&page=2", 2, 1, total, false, false, false},
		{"/hsds/services?search=qqqqqq+zzzzzz", 1, 0, 0, true, true, true},
		{"/hsds/services?modified_after=2999-01-01", 1, 0, 0, true, true, true},
	} {
		b := h.doc(tc.target, "page")
		got := fmt.Sprint(b["page_number"], b["size"], b["total_pages"], b["first_page"], b["last_page"], b["empty"], len(b["contents"].([]any)))
		want := fmt.Sprint(tc.pageNumber, tc.size, tc.pages, tc.first, tc.lastPage, tc.emptyPage, tc.size)
		if got != want {
			t.Errorf("%s: page_number size total_pages first last empty len(contents) = %s, want %s", tc.target, got, want)
		}
	}
	for _, target := range []string{"/hsds/services?per_page=0", "/hsds/services?per_page=501", "/hsds/services?page=0",
		"/hsds/services?page=x", "/hsds/organizations?per_page=-1", "/hsds/taxonomy_terms?per_page=1000"} {
		b := h.get(target, http.StatusBadRequest)
		if p := jsonPath(b, "error", "parameter"); p != "per_page" && p != "page" {
			t.Errorf("%s: error names %v, want page or per_page", target, p)
		}
	}
}

// TestHSDSErrorsAndFilters: unknown ids, bad parameters and each filter.
func TestHSDSErrorsAndFilters(t *testing.T) {
	e, d := realServer(t, true)
	h := &hsdsClient{t: t, e: e, schemas: hsdstest.Load(t, "../testdata/hsds-3.0")}
	for _, target := range []string{"/hsds/services/" + hsds.ID("service", "no", "such"), "/hsds/services/not-a-uuid",
		"/hsds/organizations/" + hsds.ID("service", "caritas-braunschweig"), "/hsds/service_at_locations/x",
		"/hsds/taxonomies/x", "/hsds/taxonomy_terms/x", "/hsds/no-such-route"} {
		if got := jsonPath(h.get(target, http.StatusNotFound), "error", "code"); got != "not_found" {
			t.Errorf("%s: error code %v, want not_found", target, got)
		}
	}
	for target, param := range map[string]string{
		"/hsds/services?format=xml": "format", "/hsds/services?minimal=true": "minimal",
		"/hsds/services?taxonomy_term_id=work": "taxonomy_term_id", "/hsds/services?organization_id=caritas": "organization_id",
		"/hsds/services?modified_after=yesterday": "modified_after", "/hsds/service_at_locations?proximity=1000": "proximity",
		"/hsds/service_at_locations?postcode=3810": "postcode", "/hsds/service_at_locations?postcode=99999&proximity=10": "proximity",
		"/hsds/services?lang=%21": "lang", "/hsds/taxonomy_terms?parent_id=x": "parent_id",
	} {
		if got := jsonPath(h.get(target, http.StatusBadRequest), "error", "parameter"); got != param {
			t.Errorf("%s: error names %v, want %s", target, got, param)
		}
	}
	count := func(target string) int {
		return int(h.doc(target, "page")["total_items"].(float64))
	}
	recognition := 0
	for _, o := range d.Organizations {
		for _, s := range o.Services {
			for _, topic := range s.Topics {
				if topic == "recognition" {
					recognition++
				}
			}
		}
	}
	for _, lang := range []string{"de", "ar"} {
		if got := count("/hsds/services?per_page=1&taxonomy_term_id=" + hsds.ID("taxonomy_term", hsds.TaxTopics, "recognition", lang)); got != recognition || got == 0 {
			t.Errorf("taxonomy_term_id of the %s term: %d services, want the %d with topic recognition", lang, got, recognition)
		}
	}
	caritas := hsds.ID("organization", "caritas-braunschweig")
	for _, o := range d.Organizations {
		if got := count("/hsds/services?organization_id=" + hsds.ID("organization", o.ID)); got != len(o.Services) {
			t.Errorf("organization_id of %s: %d services, want its %d", o.ID, got, len(o.Services))
		}
	}
	if got := count("/hsds/services?organization_id=" + caritas + "&taxonomy_id=" + hsds.ID("taxonomy", hsds.TaxOffices)); got != 0 {
		t.Errorf("organization_id and taxonomy_id: %d services, want 0 (Caritas is no responsible office)", got)
	}
	if got, all := count("/hsds/services?modified_after=2000-01-01"), count("/hsds/services"); got != all {
		t.Errorf("modified_after=2000-01-01: %d services, want all %d", got, all)
	}
	near, wide := count("/hsds/service_at_locations?postcode=38100&proximity=1000"), count("/hsds/service_at_locations?postcode=38100&proximity=20000")
	if near == 0 || near >= wide {
		t.Errorf("proximity 1 km: %d, 20 km: %d; want some, and more within 20 km", near, wide)
	}
}

// TestHSDSSearchIsWegweisersSearch: search gives the services of
// /api/v1/search, in its order.
func TestHSDSSearchIsWegweisersSearch(t *testing.T) {
	e, _ := realServer(t, true)
	h := &hsdsClient{t: t, e: e, schemas: hsdstest.Load(t, "../testdata/hsds-3.0")}
	for _, q := range []string{"Anerkennung", "عمل", "Jobcenter Wolfsburg"} {
		api := h.get("/api/v1/search?limit=100&q="+url.QueryEscape(q), http.StatusOK)
		list := h.doc("/hsds/services?per_page=500&search="+url.QueryEscape(q), "page")
		results, contents := api["results"].([]any), list["contents"].([]any)
		if len(results) == 0 || len(results) != len(contents) {
			t.Fatalf("%q: %d results, %d HSDS services", q, len(results), len(contents))
		}
		for i, r := range results {
			r := r.(map[string]any)
			if want := hsds.ID("service", r["organization_id"].(string), r["service_id"].(string)); contents[i].(map[string]any)["id"] != want {
				t.Errorf("%q: HSDS service %d is %v, want %s (%s)", q, i, contents[i].(map[string]any)["id"], want, r["id"])
			}
		}
	}
}

// TestHSDSHeaders: the HSDS API is an API like /api/v1: readable from any
// origin, compressed on request, JSON errors for unknown routes.
func TestHSDSHeaders(t *testing.T) {
	e := newTestServer(t)
	rec := do(e, http.MethodGet, "/hsds/services?per_page=1", map[string]string{"Accept-Encoding": "gzip"})
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("status %d, encoding %q, origin %q", rec.Code, rec.Header().Get("Content-Encoding"), rec.Header().Get("Access-Control-Allow-Origin"))
	}
	if rec := do(e, http.MethodHead, "/hsds/", nil); rec.Code != http.StatusOK {
		t.Errorf("HEAD /hsds/: %d", rec.Code)
	}
	rec = do(e, http.MethodGet, "/hsds/nothing/here", nil)
	if rec.Code != http.StatusNotFound || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Errorf("unknown route: %d %q, want a JSON 404", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec := do(e, http.MethodPost, "/hsds/services", nil); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", rec.Code)
	}
}
