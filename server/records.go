package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

type phoneView struct {
	Number      string `json:"number"`
	Description string `json:"description,omitempty"`
	dated
}

// contactView is index.Contact with the API's field names; each fact has
// its date (`phone_as_of`) and source (`phone_source`) beside it.
type contactView struct {
	Phone            string `json:"phone,omitempty"`
	PhoneAsOf        string `json:"phone_as_of,omitempty"`
	PhoneSource      string `json:"phone_source,omitempty"`
	Email            string `json:"email,omitempty"`
	EmailAsOf        string `json:"email_as_of,omitempty"`
	EmailSource      string `json:"email_source,omitempty"`
	URL              string `json:"url,omitempty"`
	URLAsOf          string `json:"url_as_of,omitempty"`
	URLSource        string `json:"url_source,omitempty"`
	BookingURL       string `json:"booking_url,omitempty"`
	BookingURLAsOf   string `json:"booking_url_as_of,omitempty"`
	BookingURLSource string `json:"booking_url_source,omitempty"`
}

type orgSummary struct {
	ID             string      `json:"id"`
	Name           string      `json:"name"`
	AlternateNames []string    `json:"alternate_names,omitempty"`
	Kind           string      `json:"kind"`
	Status         string      `json:"status,omitempty"`
	Website        string      `json:"website,omitempty"`
	WebsiteAsOf    string      `json:"website_as_of,omitempty"`
	WebsiteSource  string      `json:"website_source,omitempty"`
	Email          string      `json:"email,omitempty"`
	EmailAsOf      string      `json:"email_as_of,omitempty"`
	EmailSource    string      `json:"email_source,omitempty"`
	Phones         []phoneView `json:"phones,omitempty"`
	Notice         string      `json:"notice,omitempty"`
	// Confirmed is the date of the newest source that shows the
	// organization at work (the record's `verified`).
	Confirmed string `json:"confirmed,omitempty"`
}

type serviceView struct {
	ID             string         `json:"id"`
	OrganizationID string         `json:"organization_id"`
	ServiceID      string         `json:"service_id"`
	URL            string         `json:"url"`
	Lang           string         `json:"lang"`
	Untranslated   []string       `json:"untranslated"`
	Name           string         `json:"name"`
	Description    string         `json:"description"`
	Organization   orgSummary     `json:"organization"`
	Topics         []topicView    `json:"topics"`
	TargetGroups   []idLabel      `json:"target_groups"`
	Languages      []languageView `json:"languages"`
	Cost           string         `json:"cost,omitempty"`
	CostNote       string         `json:"cost_note,omitempty"`
	Appointment    string         `json:"appointment,omitempty"`
	HowToApply     string         `json:"how_to_apply,omitempty"`
	WhatToBring    string         `json:"what_to_bring,omitempty"`
	Contact        contactView    `json:"contact"`
	OnlineOnly     bool           `json:"online_only"` // reached by phone or online only
	Channels       []string       `json:"channels"`
	Areas          []idLabel      `json:"areas"`
	LimitedTo      []string       `json:"limited_to,omitempty"` // the towns alone served, first the town's own name
	Locations      []locationView `json:"locations"`
	Status         string         `json:"status,omitempty"`
	provenance
}

type orgView struct {
	orgSummary
	Lang         string         `json:"lang"`
	Untranslated []string       `json:"untranslated"`
	Description  string         `json:"description"`
	Locations    []locationView `json:"locations"`
	Services     []serviceBrief `json:"services"`
	provenance
}

type serviceBrief struct {
	ID     string      `json:"id"`
	URL    string      `json:"url"`
	Name   string      `json:"name"`
	Topics []topicView `json:"topics"`
}

func (s *server) service(c echo.Context) error {
	v, release, err := s.viewerFor(c)
	if err != nil {
		return err
	}
	defer release()
	ref, ok := v.ix.Service(c.Param("org"), c.Param("service"))
	if !ok {
		return notFound("service", c.Param("org")+"/"+c.Param("service"))
	}
	return c.JSON(http.StatusOK, v.service(ref))
}

func (s *server) organization(c echo.Context) error {
	v, release, err := s.viewerFor(c)
	if err != nil {
		return err
	}
	defer release()
	org, ok := v.ix.Organization(c.Param("id"))
	if !ok {
		return notFound("organization", c.Param("id"))
	}
	out := orgView{orgSummary: v.orgSummary(org), Lang: v.lang, Description: v.text("description", org.Description),
		Locations: []locationView{}, Services: []serviceBrief{}, provenance: v.provenance(org, org.Freshness())}
	for i := range org.Services {
		svc := &org.Services[i]
		out.Services = append(out.Services, serviceBrief{ID: svc.ID, URL: v.pageURL(org.ID + "/" + svc.ID), Name: v.label(svc.Name), Topics: v.topics(svc.Topics)})
	}
	all := index.Service{}
	for _, l := range org.Locations {
		all.Locations = append(all.Locations, l.ID)
	}
	out.Locations = v.locations(index.ServiceRef{Org: org, Service: &all})
	out.Untranslated = nonNil(v.untranslated)
	return c.JSON(http.StatusOK, out)
}

func (v *viewer) service(ref index.ServiceRef) serviceView {
	svc := ref.Service
	out := serviceView{
		ID: ref.DocID(), OrganizationID: ref.Org.ID, ServiceID: svc.ID, URL: v.pageURL(ref.DocID()), Lang: v.lang,
		Name: v.text("name", svc.Name), Description: v.text("description", svc.Description),
		Organization: v.orgSummary(ref.Org), Topics: v.topics(svc.Topics), TargetGroups: []idLabel{},
		Languages: v.languages(svc.Languages), Cost: svc.Cost, CostNote: v.text("cost_note", svc.CostNote),
		Appointment: svc.Appointment, HowToApply: v.text("how_to_apply", svc.HowToApply),
		WhatToBring: v.text("what_to_bring", svc.WhatToBring), Contact: v.contact(svc.Contact), OnlineOnly: ref.FromHome(), Channels: nonNil(ref.Channels()),
		Areas: []idLabel{}, LimitedTo: svc.LimitedTo, Locations: v.locations(ref), Status: svc.Status, provenance: v.provenance(ref.Org, ref.Freshness()),
	}
	for _, id := range svc.Groups {
		if g, ok := v.ix.Group(id); ok {
			out.TargetGroups = append(out.TargetGroups, idLabel{ID: id, Label: v.label(g.Label)})
		}
	}
	for _, id := range svc.Areas {
		if a, ok := v.ix.Area(id); ok {
			out.Areas = append(out.Areas, idLabel{ID: id, Label: v.label(a.Name)})
		}
	}
	out.Untranslated = nonNil(v.untranslated)
	return out
}

func (v *viewer) orgSummary(o *index.Organization) orgSummary {
	out := orgSummary{ID: o.ID, Name: v.label(o.Name), AlternateNames: o.AlternateNames, Kind: o.Kind,
		Status: o.State(v.now), Website: o.Website.URL, Email: o.Email.Address,
		Notice: v.text("organization.notice", o.Notice), Confirmed: day(o.Confirmed())}
	out.WebsiteAsOf, out.WebsiteSource = datedOf(o.Website.URL, o.Website.Dated)
	out.EmailAsOf, out.EmailSource = datedOf(o.Email.Address, o.Email.Dated)
	for _, p := range o.Phones {
		out.Phones = append(out.Phones, phoneView{Number: p.Number, Description: v.label(p.Description), dated: dated{day(p.AsOf), p.Source}})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
