package hsds

import (
	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// At is a service at one of its locations.
type At struct {
	index.ServiceRef
	Location index.Location
}

// ids maps HSDS ids back to records, built once per directory.
type ids struct {
	services      map[string]index.ServiceRef
	organizations map[string]*index.Organization
	at            map[string]At
	taxonomies    map[string]Taxonomy
	terms         map[string]TaxonomyTerm
}

func (m *Mapper) buildIDs() {
	m.ids = ids{services: map[string]index.ServiceRef{}, organizations: map[string]*index.Organization{},
		at: map[string]At{}, taxonomies: map[string]Taxonomy{}, terms: map[string]TaxonomyTerm{}}
	for _, o := range m.dir.Organizations {
		m.ids.organizations[ID("organization", o.ID)] = o
		for _, ref := range Services(o) {
			m.ids.services[ID("service", o.ID, ref.Service.ID)] = ref
			for _, l := range ref.Locations() {
				m.ids.at[ID("service_at_location", o.ID, ref.Service.ID, l.ID)] = At{ref, l}
			}
		}
	}
	for _, t := range m.Taxonomies() {
		m.ids.taxonomies[t.ID] = t
	}
	for _, t := range m.Terms("") {
		m.ids.terms[t.ID] = t
	}
}

// Services lists an organization's services.
func Services(o *index.Organization) []index.ServiceRef {
	out := make([]index.ServiceRef, len(o.Services))
	for i := range o.Services {
		out[i] = index.ServiceRef{Org: o, Service: &o.Services[i]}
	}
	return out
}

// AllServices lists every service, in the directory's order.
func (m *Mapper) AllServices() []index.ServiceRef {
	var out []index.ServiceRef
	for _, o := range m.dir.Organizations {
		out = append(out, Services(o)...)
	}
	return out
}

// AllAt lists every service at each of its locations; a service with no
// place to visit has none.
func (m *Mapper) AllAt(refs []index.ServiceRef) []At {
	var out []At
	for _, ref := range refs {
		for _, l := range ref.Locations() {
			out = append(out, At{ref, l})
		}
	}
	return out
}

// ServiceByID finds a service by its HSDS id.
func (m *Mapper) ServiceByID(id string) (index.ServiceRef, bool) {
	ref, ok := m.ids.services[id]
	return ref, ok
}

// OrganizationByID finds an organization by its HSDS id.
func (m *Mapper) OrganizationByID(id string) (*index.Organization, bool) {
	o, ok := m.ids.organizations[id]
	return o, ok
}

// AtByID finds a service at a location by its HSDS id.
func (m *Mapper) AtByID(id string) (At, bool) {
	a, ok := m.ids.at[id]
	return a, ok
}

// TaxonomyByID finds a taxonomy by its HSDS id.
func (m *Mapper) TaxonomyByID(id string) (Taxonomy, bool) {
	t, ok := m.ids.taxonomies[id]
	return t, ok
}

// TermByID finds a taxonomy term (in one language) by its HSDS id.
func (m *Mapper) TermByID(id string) (TaxonomyTerm, bool) {
	t, ok := m.ids.terms[id]
	return t, ok
}
