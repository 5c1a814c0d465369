package hsds

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// service finds or adds a service of the organization and fills what
// this language adds.
func (im *Importer) service(d *draft, s Service, lang, where string) {
	what := where + ": service " + s.Name
	i, ok := d.services[s.ID]
	if !ok {
		id := ""
		for _, a := range s.Attributes {
			if tax, code := im.termOf(a); tax == TaxRecord && code == TermServiceID {
				_, id, _ = strings.Cut(a.Value, "/")
			}
		}
		if id == "" {
			id = slug(s.Name, "service")
		}
		var taken []string
		for _, x := range d.org.Services {
			taken = append(taken, x.ID)
		}
		d.org.Services = append(d.org.Services, index.Service{ID: uniqueIn(id, taken)})
		i = len(d.org.Services) - 1
		d.services[s.ID] = i
		im.fillService(d, &d.org.Services[i], s, lang, what)
	}
	svc := &d.org.Services[i]
	setText(&svc.Name, lang, s.Name)
	setText(&svc.Description, lang, s.Description)
	setText(&svc.HowToApply, lang, s.ApplicationProcess)
	setText(&svc.CostNote, lang, s.FeesDescription)
	var docs []string
	for _, r := range s.RequiredDocuments {
		docs = append(docs, r.Document)
	}
	setText(&svc.WhatToBring, lang, strings.Join(docs, "; "))
	setText(&d.org.Notice, lang, s.Alert)
	for _, p := range s.Phones[min(1, len(s.Phones)):] {
		im.notef("%s: phone %s not mapped (a service has one phone of its own)", what, p.Number)
	}
	if len(s.Phones) > 0 {
		setText(&svc.Contact.Phone.Description, lang, s.Phones[0].Description)
	}
	for _, sal := range s.ServiceAtLocations {
		if sal.Location != nil {
			im.location(d, *sal.Location, lang, what)
		}
	}
}

// fillService sets the parts of a service that have no language.
func (im *Importer) fillService(d *draft, svc *index.Service, s Service, lang, what string) {
	svc.Status = map[string]string{"inactive": "inactive", "temporarily closed": "temporarily-closed"}[s.Status]
	switch {
	case s.Status == d.org.Status:
		svc.Status = "" // the organization's status, which HSDS gives every service
	case s.Status == "defunct":
		svc.Status = "inactive"
		im.notef("%s: status defunct taken as inactive (a Wegweiser service is active, inactive or temporarily closed)", what)
	}
	meta := metaByField(s.Metadata)
	if s.URL != "" {
		svc.Contact.URL = index.Link{URL: s.URL, Dated: im.dated(meta["url"], what)}
	}
	if s.Email != "" {
		svc.Contact.Email = index.Email{Address: s.Email, Dated: im.dated(meta["email"], what)}
	}
	if len(s.Phones) > 0 {
		p := s.Phones[0]
		svc.Contact.Phone = index.Phone{Number: p.Number, Dated: im.dated(metaByField(p.Metadata)["number"], what)}
	}
	for _, sc := range s.Schedules {
		if sc.ScheduleLink != "" && svc.Contact.BookingURL.URL == "" {
			svc.Contact.BookingURL = index.Link{URL: sc.ScheduleLink, Dated: im.dated(metaByField(sc.Metadata)["schedule_link"], what)}
		} else {
			im.notef("%s: schedule %q not mapped (a service's opening hours belong to its locations)", what, firstNonEmpty(sc.Description, sc.Byday, sc.ID))
		}
	}
	svc.Cost = im.cost(s.CostOptions)
	for _, l := range s.Languages {
		if tag, err := language.Parse(l.Code); err == nil {
			base, _ := tag.Base()
			svc.Languages = appendNew(svc.Languages, base.String())
		} else {
			im.notef("%s: language %q not mapped (not a language code)", what, firstNonEmpty(l.Code, l.Name))
		}
	}
	for _, a := range s.ServiceAreas {
		if id := im.areaNamed(a.Name); id != "" {
			svc.Areas = appendNew(svc.Areas, id)
		} else if id := im.areaOfPlace(a.Name, a.Description); id != "" {
			svc.Areas, svc.LimitedTo = appendNew(svc.Areas, id), appendNew(svc.LimitedTo, a.Name)
		} else {
			im.notef("%s: service area %q not mapped (no area of data/areas.toml has that name or place)", what, a.Name)
		}
	}
	for _, sal := range s.ServiceAtLocations {
		switch {
		case sal.Location != nil:
			svc.Locations = appendNew(svc.Locations, im.location(d, *sal.Location, lang, what))
		case hasKey(d.locations, sal.LocationID):
			svc.Locations = appendNew(svc.Locations, d.org.Locations[d.locations[sal.LocationID]].ID)
		default:
			im.notef("%s: location %s not in the input; not mapped", what, sal.LocationID)
		}
	}
	for _, a := range s.Attributes {
		im.serviceAttribute(svc, a, what)
	}
}

// serviceAttribute takes what Wegweiser's taxonomies say of a service.
func (im *Importer) serviceAttribute(svc *index.Service, a Attribute, what string) {
	tax, code := im.termOf(a)
	switch tax {
	case TaxTopics:
		svc.Topics = appendNew(svc.Topics, code)
	case TaxGroups:
		svc.Groups = appendNew(svc.Groups, code)
	case TaxChannels:
		svc.Channels = appendNew(svc.Channels, code)
	case TaxAppointment:
		svc.Appointment = code
	case TaxOffices:
		svc.ResponsibleFor = appendNew(svc.ResponsibleFor, code)
	case TaxRecord:
		switch code {
		case TermFirstContact:
			svc.FirstContact = a.Value == "true"
		case TermOnlineOnly:
			svc.OnlineOnly = a.Value == "true"
		case TermServiceID:
		default:
			im.unmappedAttribute(a, what)
		}
	default:
		im.unmappedAttribute(a, what)
	}
}

// cost reads free (an option of amount 0, or one called free) or fee.
func (im *Importer) cost(options []CostOption) string {
	cost := ""
	for _, c := range options {
		free := (c.Amount != nil && *c.Amount == 0) || strings.Contains(strings.ToLower(c.Option), "free") ||
			strings.Contains(strings.ToLower(c.Option), "kostenlos")
		switch {
		case free && cost == "":
			cost = "free"
		case !free:
			cost = "fee"
		}
	}
	return cost
}

// termOf names the Wegweiser taxonomy and code of an attribute's term
// (nested, or by its id alone); empty when it is not one of Wegweiser's.
func (im *Importer) termOf(a Attribute) (taxonomy, code string) {
	if t := a.TaxonomyTerm; t != nil {
		if tx, ok := im.taxonomyIDs[t.TaxonomyID]; ok && im.terms[tx][t.Code] {
			return tx, t.Code
		}
		return "", ""
	}
	k := im.termIDs[a.TaxonomyTermID]
	return k[0], k[1]
}

func (im *Importer) unmappedAttribute(a Attribute, what string) {
	name := a.LinkType
	if a.TaxonomyTerm != nil {
		name = firstNonEmpty(a.TaxonomyTerm.Taxonomy, a.TaxonomyTerm.TaxonomyID) + ": " + firstNonEmpty(a.TaxonomyTerm.Name, a.TaxonomyTerm.Code)
	}
	im.notef("%s: attribute %q not mapped (not a term of Wegweiser's taxonomies)", what, name+" "+a.Value)
}

// areaNamed finds the area with this name in any language, or this id.
func (im *Importer) areaNamed(name string) string {
	for _, a := range im.vocab.Areas {
		if strings.EqualFold(a.ID, name) {
			return a.ID
		}
		for _, n := range a.Name {
			if strings.EqualFold(n, name) {
				return a.ID
			}
		}
	}
	return ""
}

// areaOfPlace finds the city or district that lists the place or
// locality: a town a service is limited to (index.Service.LimitedTo). A
// name listed by several is taken from the one the description names.
func (im *Importer) areaOfPlace(place, description string) string {
	found := ""
	for _, a := range im.vocab.Areas {
		if !slices.Contains(a.Places, place) && !slices.Contains(a.Localities, place) {
			continue
		}
		if found == "" || im.areaNamed(description) == a.ID {
			found = a.ID
		}
	}
	return found
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }
