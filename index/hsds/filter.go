package hsds

import (
	"math"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Filter selects services as the HSDS API's parameters ask; a zero field
// selects everything, and the fields combine with AND.
type Filter struct {
	TermID         string    // taxonomy_term_id: the term in any of its languages
	TaxonomyID     string    // taxonomy_id: any term of this taxonomy
	OrganizationID string    // organization_id
	ModifiedAfter  time.Time // modified_after: see Modified
}

// Modified is the date compared with modified_after: the newest dated
// information in the organization's record (its verified date or a newer
// fact). Wegweiser keeps no edit times, so a correction that cites no
// newer source does not count as a change.
func Modified(o *index.Organization) time.Time { return o.Confirmed() }

// Match reports whether a service passes the filter.
func (m *Mapper) Match(ref index.ServiceRef, f Filter) bool {
	if f.OrganizationID != "" && f.OrganizationID != ID("organization", ref.Org.ID) {
		return false
	}
	if !f.ModifiedAfter.IsZero() && Modified(ref.Org).Before(f.ModifiedAfter) {
		return false
	}
	if f.TermID == "" && f.TaxonomyID == "" {
		return true
	}
	want, known := m.TermByID(f.TermID)
	if f.TermID != "" && !known {
		return false
	}
	hasTerm, hasTaxonomy := f.TermID == "", f.TaxonomyID == ""
	for _, a := range m.serviceAttributes(ref, ID("service", ref.Org.ID, ref.Service.ID), "de") {
		t := a.TaxonomyTerm
		hasTerm = hasTerm || (t.TaxonomyID == want.TaxonomyID && t.Code == want.Code)
		hasTaxonomy = hasTaxonomy || t.TaxonomyID == f.TaxonomyID
	}
	return hasTerm && hasTaxonomy
}

// postcode is what the records say about a postcode: the areas of the
// addresses that have it, and the mean position of those that are placed.
type postcode struct {
	areas    map[string]bool
	lat, lon float64
	placed   int
}

// buildPostcodes learns postcodes from the records' addresses: Wegweiser
// has no postcode gazetteer, so a postcode no address has is unknown.
func (m *Mapper) buildPostcodes() {
	m.postcodes = map[string]postcode{}
	for _, o := range m.dir.Organizations {
		for _, l := range o.Locations {
			if l.Postcode == "" {
				continue
			}
			p := m.postcodes[l.Postcode]
			if p.areas == nil {
				p.areas = map[string]bool{}
			}
			if l.Area != "" {
				p.areas[l.Area] = true
			}
			if lat, lon, ok := m.position(l); ok {
				n := float64(p.placed)
				p.lat, p.lon, p.placed = (p.lat*n+lat)/(n+1), (p.lon*n+lon)/(n+1), p.placed+1
			}
			m.postcodes[l.Postcode] = p
		}
	}
}

// position is a location's stated coordinates, else the centre of its
// place (approximate).
func (m *Mapper) position(l index.Location) (lat, lon float64, ok bool) {
	if l.Lat != nil && l.Lon != nil {
		return *l.Lat, *l.Lon, true
	}
	p, ok := m.dir.Places[l.Place]
	return p.Lat, p.Lon, ok
}

// PostcodePlaced reports whether the records know a position for code,
// which proximity needs.
func (m *Mapper) PostcodePlaced(code string) bool { return m.postcodes[code].placed > 0 }

// ForPostcode reports whether a service at a location is for people at
// code: the location has that postcode, or the service serves an area
// that an address with that postcode lies in.
func (m *Mapper) ForPostcode(a At, code string) bool {
	if a.Location.Postcode == code {
		return true
	}
	for area := range m.postcodes[code].areas {
		for _, served := range a.Service.Areas {
			if m.Within(area, served) {
				return true
			}
		}
	}
	return false
}

// Near reports whether a location lies within meters of the centre of
// code; false when either position is unknown.
func (m *Mapper) Near(a At, code string, meters float64) bool {
	p := m.postcodes[code]
	lat, lon, ok := m.position(a.Location)
	if p.placed == 0 || !ok {
		return false
	}
	return distanceMeters(p.lat, p.lon, lat, lon) <= meters
}

func distanceMeters(lat1, lon1, lat2, lon2 float64) float64 {
	const earthRadius = 6371000.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadius * math.Asin(math.Sqrt(h))
}
