package hsds

import (
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Depth of an organization document.
type orgDepth int

const (
	orgListItem    orgDepth = iota // one-to-one fields: an item of /organizations
	orgNested                      // plus phones, identifiers, attributes, metadata: inside a service
	orgFull                        // plus locations and its services as list items
	orgFullService                 // plus its services in full
)

// OrgDepth chooses how much an organization document holds: a list item,
// or full (with locations and services), with its services in full or as
// list items.
func OrgDepth(full, fullService bool) orgDepth {
	switch {
	case fullService:
		return orgFullService
	case full:
		return orgFull
	}
	return orgListItem
}

// identifierType names Wegweiser's ids among an organization's identifiers.
const identifierType = "Wegweiser organization id"

// Organization is the HSDS organization of a record, in lang.
func (m *Mapper) Organization(o *index.Organization, lang string, depth orgDepth) Organization {
	id := ID("organization", o.ID)
	out := Organization{ID: id, Name: text(o.Name, lang), AlternateName: strings.Join(o.AlternateNames, "; "),
		Description: text(o.Description, lang), Email: o.Email.Address, Website: o.Website.URL}
	if depth == orgListItem {
		return out
	}
	for _, p := range o.Phones {
		pid := ID("phone", o.ID, p.Number)
		out.Phones = append(out.Phones, Phone{ID: pid, OrganizationID: id, Number: p.Number, Description: text(p.Description, lang),
			Metadata: fact(pid, "phone", "number", p.Number, p.Dated)})
	}
	out.OrganizationIdentifiers = []OrganizationIdentifier{{ID: ID("organization_identifier", o.ID), OrganizationID: id,
		IdentifierType: identifierType, Identifier: o.ID}}
	out.Attributes = m.attributes("organization", id, TaxKinds, []string{o.Kind}, lang)
	if o.Status == "inactive" || o.Status == "defunct" {
		out.Attributes = append(out.Attributes, m.record("organization", id, TermOrgStatus, o.Status, lang)...)
	}
	// alternate_name joins the names with "; "; each is an attribute too,
	// so that a name with a semicolon comes back whole.
	for _, n := range o.AlternateNames {
		out.Attributes = append(out.Attributes, m.record("organization", id, TermAltName, n, lang)...)
	}
	for _, src := range o.Source {
		out.Attributes = append(out.Attributes, m.record("organization", id, TermSource, src, lang)...)
	}
	out.Metadata = append(fact(id, "organization", "website", o.Website.URL, o.Website.Dated),
		fact(id, "organization", "email", o.Email.Address, o.Email.Dated)...)
	if !o.Verified.IsZero() {
		// verified: the newest source that shows the organization at work,
		// as the record's editors state it.
		out.Metadata = append(out.Metadata, Metadata{ID: ID("metadata", id, "verified"), ResourceID: id, ResourceType: "organization",
			LastActionDate: day(o.Verified), LastActionType: actionVerified, FieldName: "verified", ReplacementValue: day(o.Verified),
			UpdatedBy: "Wegweiser editors (record " + o.ID + ")"})
	}
	if depth == orgNested {
		return out
	}
	for _, l := range o.Locations {
		out.Locations = append(out.Locations, m.Location(o, l, lang))
	}
	for i := range o.Services {
		svc := m.Service(index.ServiceRef{Org: o, Service: &o.Services[i]}, lang, depth == orgFullService)
		svc.Organization = nil // it is this document
		out.Services = append(out.Services, svc)
	}
	return out
}
