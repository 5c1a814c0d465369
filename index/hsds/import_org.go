package hsds

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// organization finds or starts the record of an HSDS organization and
// fills what this language adds.
func (im *Importer) organization(o Organization, lang, where string) *draft {
	d, ok := im.orgs[o.ID]
	if !ok {
		id := ""
		for _, oi := range o.OrganizationIdentifiers {
			if oi.IdentifierType == identifierType {
				id = oi.Identifier
			}
		}
		if id == "" {
			id = slug(o.Name, "organization")
		}
		d = &draft{org: &index.Organization{ID: im.unique(id), File: "organizations/" + id + ".toml"},
			locations: map[string]int{}, services: map[string]int{}}
		im.orgs[o.ID] = d
		im.order = append(im.order, o.ID)
	}
	r := d.org
	setText(&r.Name, lang, o.Name)
	setText(&r.Description, lang, o.Description)
	hasNames := slices.ContainsFunc(o.Attributes, func(a Attribute) bool { tx, c := im.termOf(a); return tx == TaxRecord && c == TermAltName })
	if r.AlternateNames == nil && o.AlternateName != "" && !hasNames {
		r.AlternateNames = strings.Split(o.AlternateName, "; ")
	}
	meta := metaByField(o.Metadata)
	if r.Website.URL == "" && o.Website != "" {
		r.Website = index.Link{URL: o.Website, Dated: im.dated(meta["website"], where)}
	}
	if r.Email.Address == "" && o.Email != "" {
		r.Email = index.Email{Address: o.Email, Dated: im.dated(meta["email"], where)}
	}
	if v := meta["verified"]; v != nil && r.Verified.IsZero() {
		r.Verified, _ = time.Parse(time.DateOnly, v.LastActionDate)
	}
	for _, p := range o.Phones {
		im.phone(&r.Phones, p, lang, where)
	}
	for _, a := range o.Attributes {
		im.orgAttribute(r, a, where)
	}
	for _, l := range o.Locations {
		im.location(d, l, lang, where)
	}
	return d
}

// orgAttribute takes an organization's kind, status and sources.
func (im *Importer) orgAttribute(r *index.Organization, a Attribute, where string) {
	tax, code := im.termOf(a)
	switch {
	case tax == TaxKinds && r.Kind == "":
		r.Kind = code
	case tax == TaxRecord && code == TermOrgStatus:
		r.Status = a.Value
	case tax == TaxRecord && code == TermSource && !slices.Contains(r.Source, a.Value):
		r.Source = append(r.Source, a.Value)
	case tax == TaxRecord && code == TermAltName && !slices.Contains(r.AlternateNames, a.Value):
		r.AlternateNames = append(r.AlternateNames, a.Value)
	case tax == TaxKinds || tax == TaxRecord:
	default:
		im.unmappedAttribute(a, where)
	}
}

// phone adds a phone number once, with its description per language.
func (im *Importer) phone(phones *[]index.Phone, p Phone, lang, where string) {
	for i := range *phones {
		if (*phones)[i].Number == p.Number {
			setText(&(*phones)[i].Description, lang, p.Description)
			return
		}
	}
	ph := index.Phone{Number: p.Number, Dated: im.dated(metaByField(p.Metadata)["number"], where)}
	setText(&ph.Description, lang, p.Description)
	*phones = append(*phones, ph)
}

// location finds or adds a place of the organization and returns its id.
func (im *Importer) location(d *draft, l Location, lang, where string) string {
	i, ok := d.locations[l.ID]
	if !ok {
		id := ""
		if l.ExternalIdentifierType == locationIDType {
			_, id, _ = strings.Cut(l.ExternalIdentifier, "/")
		}
		if id == "" {
			id = slug(firstNonEmpty(l.Name, addressLine(l)), "location")
		}
		d.org.Locations = append(d.org.Locations, index.Location{ID: uniqueIn(id, locationIDs(d.org))})
		i = len(d.org.Locations) - 1
		d.locations[l.ID] = i
		im.fillLocation(&d.org.Locations[i], l, where)
	}
	loc := &d.org.Locations[i]
	setText(&loc.Name, lang, l.Name)
	setText(&loc.Transport, lang, l.Transportation)
	for _, s := range l.Schedules {
		setText(&loc.HoursNote, lang, s.Notes)
	}
	return loc.ID
}

// fillLocation sets the parts of a location that have no language.
func (im *Importer) fillLocation(loc *index.Location, l Location, where string) {
	what := where + ": location " + firstNonEmpty(l.Name, l.ID)
	if len(l.Addresses) > 0 {
		a := l.Addresses[0]
		loc.Street, loc.Postcode, loc.City = a.Address1, a.PostalCode, a.City
		d := im.dated(metaByField(a.Metadata)["address"], what)
		loc.AsOf, loc.Source = d.AsOf, d.Source
		if len(l.Addresses) > 1 {
			im.notef("%s: %d more addresses not mapped (a location has one)", what, len(l.Addresses)-1)
		}
	}
	loc.Lat, loc.Lon = l.Latitude, l.Longitude
	for _, a := range l.Attributes {
		switch tax, code := im.termOf(a); {
		case tax == TaxRecord && code == TermArea:
			loc.Area = a.Value
		case tax == TaxRecord && code == TermPlace:
			loc.Place = a.Value
		default:
			im.unmappedAttribute(a, what)
		}
	}
	im.placeByTown(loc)
	for _, acc := range l.Accessibility {
		if v, ok := strings.CutPrefix(acc.Details, wheelchairPrefix); ok {
			loc.Wheelchair = v
		} else {
			im.notef("%s: accessibility %q not mapped (Wegweiser records wheelchair access only)", what, firstNonEmpty(acc.Description, acc.Details))
		}
	}
	loc.OpeningHours = im.openingHours(l.Schedules, what)
	d := im.dated(metaByField(l.Metadata)["schedules"], what)
	loc.HoursAsOf, loc.HoursSource = d.AsOf, d.Source
}

// placeByTown fills what a record written elsewhere lacks: the area whose
// places include the town, and the town as the approximate position when
// no coordinates are given (Wegweiser's rule: a town's centre, shown as
// approximate, never a guessed address position).
func (im *Importer) placeByTown(loc *index.Location) {
	if loc.Area == "" {
		for _, a := range im.vocab.Areas {
			if containsFold(a.Places, loc.City) {
				loc.Area = a.ID
				break
			}
		}
	}
	if loc.Place == "" && loc.Lat == nil {
		if _, ok := im.vocab.Places[loc.City]; ok {
			loc.Place = loc.City
		}
	}
}

// dated reads a fact's metadata entry: its date and source, when the
// source is a URL (HSDS's updated_by may name a person instead: then the
// fact stays undated, and the report says so).
func (im *Importer) dated(m *Metadata, where string) index.Dated {
	if m == nil {
		return index.Dated{}
	}
	if u, err := url.Parse(m.UpdatedBy); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		im.notef("%s: metadata of %s not used: updated_by %q is not the URL of a source, so the fact stays undated", where, m.FieldName, m.UpdatedBy)
		return index.Dated{}
	}
	t, _ := time.Parse(time.DateOnly, m.LastActionDate)
	return index.Dated{AsOf: t, Source: m.UpdatedBy}
}

func metaByField(ms []Metadata) map[string]*Metadata {
	out := map[string]*Metadata{}
	for i := range ms {
		out[ms[i].FieldName] = &ms[i]
	}
	return out
}

// setText adds a text in lang; in another language than German, a text
// equal to the German one is the fallback, not a translation.
func setText(t *index.Text, lang, s string) {
	if s == "" || (lang != "de" && (*t)["de"] == s) {
		return
	}
	if *t == nil {
		*t = index.Text{}
	}
	if (*t)[lang] == "" {
		(*t)[lang] = s
	}
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// slug makes a Wegweiser id from a name: "Caritas Braunschweig e.V." is
// caritas-braunschweig-e-v; German letters as in addresses (ä → ae).
func slug(name, fallback string) string {
	s := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue").Replace(name)
	s, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	s = strings.Trim(nonID.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 48 {
		s = strings.Trim(s[:48], "-")
	}
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		s = strings.Trim(fallback+"-"+s, "-")
	}
	return s
}

// unique makes an organization id unique among those imported.
func (im *Importer) unique(id string) string {
	out := id
	for n := 2; im.ids[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	im.ids[out] = true
	return out
}

func uniqueIn(id string, taken []string) string {
	out := id
	for n := 2; slices.Contains(taken, out); n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	return out
}

func locationIDs(o *index.Organization) []string {
	var out []string
	for _, l := range o.Locations {
		out = append(out, l.ID)
	}
	return out
}

func addressLine(l Location) string {
	if len(l.Addresses) == 0 {
		return ""
	}
	return strings.TrimSpace(l.Addresses[0].Address1 + " " + l.Addresses[0].City)
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
