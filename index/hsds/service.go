package hsds

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Service is the HSDS service of a Wegweiser service, in lang (texts the
// record lacks in lang are German). Without full it is an item of a list:
// its one-to-one fields only.
func (m *Mapper) Service(ref index.ServiceRef, lang string, full bool) Service {
	o, s := ref.Org, ref.Service
	id := ID("service", o.ID, s.ID)
	out := Service{ID: id, OrganizationID: ID("organization", o.ID), Name: text(s.Name, lang), Description: text(s.Description, lang),
		URL: s.Contact.URL.URL, Email: s.Contact.Email.Address, Status: serviceStatus(o, s),
		ApplicationProcess: text(s.HowToApply, lang), FeesDescription: text(s.CostNote, lang),
		EligibilityDescription: m.eligibility(s, lang), AssuredDate: day(ref.Freshness()), Alert: text(o.Notice, lang)}
	if !full {
		return out
	}
	if p := s.Contact.Phone; p.Number != "" {
		pid := ID("phone", o.ID, s.ID, p.Number)
		out.Phones = []Phone{{ID: pid, ServiceID: id, Number: p.Number, Description: text(p.Description, lang), Metadata: fact(pid, "phone", "number", p.Number, p.Dated)}}
	}
	if b := s.Contact.BookingURL; b.URL != "" {
		sid := ID("schedule", o.ID, s.ID, "booking")
		out.Schedules = []Schedule{{ID: sid, ServiceID: id, ScheduleLink: b.URL, Description: m.labels.word(lang, "bookAppointment"),
			Metadata: fact(sid, "schedule", "schedule_link", b.URL, b.Dated)}}
	}
	out.ServiceAreas = m.serviceAreas(o, s, id, lang)
	for _, l := range ref.Locations() {
		loc := m.Location(o, l, lang)
		out.ServiceAtLocations = append(out.ServiceAtLocations, ServiceAtLocation{ID: ID("service_at_location", o.ID, s.ID, l.ID),
			ServiceID: id, LocationID: loc.ID, Location: &loc})
	}
	names := display.Tags(language.Make(lang))
	for _, code := range s.Languages {
		out.Languages = append(out.Languages, Language{ID: ID("language", o.ID, s.ID, code), ServiceID: id, Name: names.Name(language.Make(code)), Code: code})
	}
	org := m.Organization(o, lang, orgNested)
	out.Organization = &org
	out.CostOptions = m.costOptions(ref, id, lang)
	if doc := text(s.WhatToBring, lang); doc != "" {
		out.RequiredDocuments = []RequiredDocument{{ID: ID("required_document", o.ID, s.ID), ServiceID: id, Document: doc}}
	}
	out.Attributes = m.serviceAttributes(ref, id, lang)
	out.Metadata = append(fact(id, "service", "url", s.Contact.URL.URL, s.Contact.URL.Dated),
		fact(id, "service", "email", s.Contact.Email.Address, s.Contact.Email.Dated)...)
	return out
}

// ServiceAtLocation is the service given at one of its locations. As a
// list item it holds the service's and the location's one-to-one fields;
// full, the whole service (without its other locations) and location.
func (m *Mapper) ServiceAtLocation(ref index.ServiceRef, l index.Location, lang string, full bool) ServiceAtLocation {
	o, s := ref.Org, ref.Service
	svc := m.Service(ref, lang, full)
	svc.ServiceAtLocations = nil
	loc := m.Location(o, l, lang)
	if !full {
		loc = Location{ID: loc.ID, LocationType: loc.LocationType, OrganizationID: loc.OrganizationID, Name: loc.Name,
			Transportation: loc.Transportation, Latitude: loc.Latitude, Longitude: loc.Longitude,
			ExternalIdentifier: loc.ExternalIdentifier, ExternalIdentifierType: loc.ExternalIdentifierType}
	}
	return ServiceAtLocation{ID: ID("service_at_location", o.ID, s.ID, l.ID), ServiceID: svc.ID, LocationID: loc.ID, Service: &svc, Location: &loc}
}

// serviceStatus is HSDS's status: that of a closed organization, else the
// service's own ("temporarily-closed" is spelt "temporarily closed").
func serviceStatus(o *index.Organization, s *index.Service) string {
	if o.Status == "inactive" || o.Status == "defunct" {
		return o.Status
	}
	switch s.Status {
	case "inactive":
		return "inactive"
	case "temporarily-closed":
		return "temporarily closed"
	}
	return "active"
}

// eligibility names the target groups in words; the attributes carry
// their codes.
func (m *Mapper) eligibility(s *index.Service, lang string) string {
	var names []string
	for _, g := range m.dir.Groups {
		if slices.Contains(s.Groups, g.ID) {
			names = append(names, text(g.Label, lang))
		}
	}
	return strings.Join(names, ", ")
}

// costOptions says "free of charge" (amount 0) or "fee charged" (amount
// unknown), with the cost note as the amount's description.
func (m *Mapper) costOptions(ref index.ServiceRef, serviceID, lang string) []CostOption {
	s := ref.Service
	c := CostOption{ID: ID("cost_option", ref.Org.ID, s.ID), ServiceID: serviceID, AmountDescription: text(s.CostNote, lang)}
	switch s.Cost {
	case "free":
		zero := 0.0
		c.Option, c.Amount, c.Currency = m.labels.word(lang, "costFree"), &zero, "EUR"
	case "fee":
		c.Option = m.labels.word(lang, "costFee")
	default:
		return nil
	}
	if c.Option == "" {
		c.Option = s.Cost
	}
	return []CostOption{c}
}

func (m *Mapper) serviceAttributes(ref index.ServiceRef, id, lang string) []Attribute {
	s := ref.Service
	out := m.attributes("service", id, TaxTopics, s.Topics, lang)
	out = append(out, m.attributes("service", id, TaxGroups, s.Groups, lang)...)
	out = append(out, m.attributes("service", id, TaxChannels, ref.Channels(), lang)...)
	if s.Appointment != "" {
		out = append(out, m.attributes("service", id, TaxAppointment, []string{s.Appointment}, lang)...)
	}
	out = append(out, m.attributes("service", id, TaxOffices, s.ResponsibleFor, lang)...)
	out = append(out, m.record("service", id, TermServiceID, ref.DocID(), lang)...)
	if s.FirstContact {
		out = append(out, m.record("service", id, TermFirstContact, "true", lang)...)
	}
	if s.OnlineOnly {
		out = append(out, m.record("service", id, TermOnlineOnly, "true", lang)...)
	}
	return out
}

// serviceAreas are the areas a service serves, or, for a service limited
// to some towns (LimitedTo), those towns, each described by its area's
// name: HSDS's service areas are where a service is available, and the
// town of Goslar's office is not available in Seesen.
func (m *Mapper) serviceAreas(o *index.Organization, s *index.Service, id, lang string) []ServiceArea {
	var out []ServiceArea
	if len(s.LimitedTo) > 0 {
		for _, p := range s.LimitedTo {
			sa := ServiceArea{ID: ID("service_area", o.ID, s.ID, p), ServiceID: id, Name: p}
			if area := m.areaOfPlace(s.Areas, p); area != nil {
				sa.Description = text(area.Name, lang)
			}
			out = append(out, sa)
		}
		return out
	}
	for _, a := range s.Areas {
		if area, ok := m.areas[a]; ok {
			out = append(out, ServiceArea{ID: ID("service_area", o.ID, s.ID, a), ServiceID: id, Name: text(area.Name, lang)})
		}
	}
	return out
}

// areaOfPlace is the city or district among the areas ids (or inside
// them) that lists the place or locality, or nil.
func (m *Mapper) areaOfPlace(ids []string, place string) *index.Area {
	for _, a := range m.dir.Areas {
		if !slices.Contains(a.Places, place) && !slices.Contains(a.Localities, place) {
			continue
		}
		for _, id := range ids {
			if m.within[a.ID][id] {
				return m.areas[a.ID]
			}
		}
	}
	return nil
}
