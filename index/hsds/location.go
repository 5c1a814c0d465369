package hsds

import (
	"fmt"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// locationIDType names Wegweiser's ids in a location's external identifier.
const locationIDType = "wegweiser-location"

// Location is the HSDS location of one of a record's places: its address,
// wheelchair access, opening hours as weekly rules, and the date and
// source of address and hours. Coordinates only when the record states
// them: a town's centre standing for an address is not given as the
// location's position (the place attribute names the town instead).
func (m *Mapper) Location(o *index.Organization, l index.Location, lang string) Location {
	id := ID("location", o.ID, l.ID)
	out := Location{ID: id, LocationType: "physical", OrganizationID: ID("organization", o.ID), Name: text(l.Name, lang),
		Transportation: text(l.Transport, lang), Latitude: l.Lat, Longitude: l.Lon,
		ExternalIdentifier: o.ID + "/" + l.ID, ExternalIdentifierType: locationIDType}
	if line := l.Address(); line != "" {
		aid := ID("address", o.ID, l.ID)
		out.Addresses = []Address{{ID: aid, LocationID: id, Address1: l.Street, City: l.City, PostalCode: l.Postcode,
			StateProvince: m.stateOf(l.Area), Country: m.countryOf(l.Area), AddressType: "physical",
			Metadata: fact(aid, "address", "address", line, index.Dated{AsOf: l.AsOf, Source: l.Source})}}
	}
	if l.Wheelchair != "" {
		out.Accessibility = []Accessibility{{ID: ID("accessibility", o.ID, l.ID), LocationID: id,
			Description: m.labels.word(lang, "wheelchair"+camel(l.Wheelchair)), Details: wheelchairPrefix + l.Wheelchair}}
	}
	out.Schedules = m.schedules(o, l, id, lang)
	if l.Area != "" {
		out.Attributes = append(out.Attributes, m.record("location", id, TermArea, l.Area, lang)...)
	}
	if l.Place != "" {
		out.Attributes = append(out.Attributes, m.record("location", id, TermPlace, l.Place, lang)...)
	}
	hours := l.OpeningHours
	if hours == "" {
		hours = text(l.HoursNote, "de")
	}
	out.Metadata = fact(id, "location", "schedules", hours, index.Dated{AsOf: l.HoursAsOf, Source: l.HoursSource})
	return out
}

// wheelchairPrefix starts an accessibility entry's details: "wheelchair:
// yes", "limited" or "no", the record's value.
const wheelchairPrefix = "wheelchair: "

// stateOf and countryOf fill the address parts HSDS requires from the
// location's area: every area Wegweiser knows lies in Lower Saxony,
// Germany, or is Germany itself; an area outside both leaves them empty.
func (m *Mapper) stateOf(area string) string {
	if m.Within(area, "niedersachsen") {
		return "Niedersachsen"
	}
	return ""
}

func (m *Mapper) countryOf(area string) string {
	if m.Within(area, "deutschland") {
		return "DE"
	}
	return ""
}

// schedules turns a location's opening hours into weekly rules: one per
// opening span with the weekdays it applies to (byday), times local to
// Europe/Berlin. The original opening_hours text is each rule's
// description; the hours note is its notes (or a schedule of its own when
// there are no hours).
func (m *Mapper) schedules(o *index.Organization, l index.Location, locationID, lang string) []Schedule {
	note := text(l.HoursNote, lang)
	h, err := index.ParseHours(l.OpeningHours)
	if l.OpeningHours == "" || err != nil {
		if note == "" {
			return nil
		}
		return []Schedule{{ID: ID("schedule", o.ID, l.ID, "note"), LocationID: locationID, Notes: note}}
	}
	var out []Schedule
	for i, r := range Rules(h) {
		out = append(out, Schedule{ID: ID("schedule", o.ID, l.ID, fmt.Sprint(i)), LocationID: locationID, Freq: "WEEKLY", Wkst: "MO",
			Byday: r.Byday(), OpensAt: clock(r.Span.From), ClosesAt: clock(r.Span.To), Description: l.OpeningHours, Notes: note})
	}
	return out
}

// clock writes an ISO 8601 time, HH:MM:SS, as the tabular package's time
// type reads it; the end of the day (24:00) is 23:59:59, as HSDS's
// guidance says for a day open until midnight.
func clock(minutes int) string {
	if minutes >= 24*60 {
		return "23:59:59"
	}
	return fmt.Sprintf("%02d:%02d:00", minutes/60, minutes%60)
}
