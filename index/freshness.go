package index

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Fact kinds: what a contact fact is.
const (
	FactWebsite = "website"
	FactEmail   = "email"
	FactPhone   = "phone"
	FactAddress = "address"
	FactHours   = "opening-hours"
	FactBooking = "booking"
)

// ContactFact is one contact fact a record shows, with its date: what
// freshness, `wegweiser check`, `review` and `linkcheck` look at.
type ContactFact struct {
	Key      string // TOML key path, e.g. "phones.0", "services.2.contact.url"
	Kind     string // one of the Fact… constants
	Value    string // as shown
	Service  string // the service it belongs to, "" for the organization
	Location string // the location it belongs to, "" otherwise
	Dated
}

// Unconfirmed is how long ago the newest evidence of an organization may
// be before it is shown as possibly gone: five years.
const unconfirmedAfterYears = 5

// ContactFacts lists every contact fact of the record: the organization's
// website, e-mail and phones, each location's address and opening hours,
// and each service's own contact.
func (o *Organization) ContactFacts() []ContactFact {
	if o.derived == nil {
		return o.contactFacts()
	}
	o.derived.once.Do(func() { o.derived.facts = o.contactFacts() })
	return o.derived.facts
}

// derived keeps what is computed from an organization's record, for the
// record's life in an index (Build sets it): the views ask for the
// contact facts of every result.
type derived struct {
	once  sync.Once
	facts []ContactFact
}

func (o *Organization) contactFacts() []ContactFact {
	var out []ContactFact
	add := func(key, kind, value, svc, loc string, d Dated) {
		if value != "" {
			out = append(out, ContactFact{Key: key, Kind: kind, Value: value, Service: svc, Location: loc, Dated: d})
		}
	}
	add("website", FactWebsite, o.Website.URL, "", "", o.Website.Dated)
	add("email", FactEmail, o.Email.Address, "", "", o.Email.Dated)
	for i, p := range o.Phones {
		add(fmt.Sprintf("phones.%d", i), FactPhone, p.Number, "", "", p.Dated)
	}
	for i, l := range o.Locations {
		key := fmt.Sprintf("locations.%d", i)
		add(key+".as_of", FactAddress, l.Address(), "", l.ID, Dated{AsOf: l.AsOf, Source: l.Source})
		// The hours note counts as an hours fact only when dated: many notes
		// say something else ("call first") or carry their date in the text.
		hours := l.OpeningHours
		if hours == "" && !l.HoursAsOf.IsZero() {
			hours = l.HoursNote["de"]
		}
		add(key+".hours_as_of", FactHours, hours, "", l.ID, Dated{AsOf: l.HoursAsOf, Source: l.HoursSource})
	}
	for i, s := range o.Services {
		key := fmt.Sprintf("services.%d.contact.", i)
		add(key+"phone", FactPhone, s.Contact.Phone.Number, s.ID, "", s.Contact.Phone.Dated)
		add(key+"email", FactEmail, s.Contact.Email.Address, s.ID, "", s.Contact.Email.Dated)
		add(key+"url", FactWebsite, s.Contact.URL.URL, s.ID, "", s.Contact.URL.Dated)
		add(key+"booking_url", FactBooking, s.Contact.BookingURL.URL, s.ID, "", s.Contact.BookingURL.Dated)
	}
	return out
}

// Address is the location's address as one line: street, postcode and town.
func (l Location) Address() string {
	return strings.TrimSpace(strings.Join(nonEmpty(l.Street, strings.TrimSpace(l.Postcode+" "+l.City)), ", "))
}

// Freshness is the date of the oldest contact fact the record shows: a
// counsellor who calls its number relies on that fact, whatever newer news
// item proves that the organization exists. It is the zero time when a
// shown fact is undated (its age is unknown). A record that shows no
// contact fact at all is as fresh as its newest source (Verified).
func (o *Organization) Freshness() time.Time {
	return freshness(o.ContactFacts(), o.Verified)
}

// Freshness is the date of the oldest contact fact shown with this
// service: the organization's website, e-mail and phones, and the
// service's own locations and contact.
func (r ServiceRef) Freshness() time.Time {
	var shown []ContactFact
	for _, f := range r.Org.ContactFacts() {
		ownLocation := f.Location == "" || containsString(r.Service.Locations, f.Location)
		if (f.Service == "" || f.Service == r.Service.ID) && ownLocation {
			shown = append(shown, f)
		}
	}
	return freshness(shown, r.Org.Verified)
}

func freshness(facts []ContactFact, fallback time.Time) time.Time {
	if len(facts) == 0 {
		return fallback
	}
	var oldest time.Time
	for _, f := range facts {
		if f.AsOf.IsZero() {
			return time.Time{}
		}
		if oldest.IsZero() || f.AsOf.Before(oldest) {
			oldest = f.AsOf
		}
	}
	return oldest
}

// Confirmed is the date of the newest evidence that the organization
// exists: its newest source (Verified) or a newer dated contact fact.
func (o *Organization) Confirmed() time.Time {
	newest := o.Verified
	for _, f := range o.ContactFacts() {
		if f.AsOf.After(newest) {
			newest = f.AsOf
		}
	}
	return newest
}

// Unconfirmed reports whether the organization's existence is evidenced
// only by sources older than five years: it may be gone, and the page says
// so.
func (o *Organization) Unconfirmed(now time.Time) bool {
	return o.Confirmed().Before(now.AddDate(-unconfirmedAfterYears, 0, 0))
}

// State is the status shown: the stated one (inactive, defunct), else
// "unconfirmed" for an organization evidenced only long ago, else "active".
func (o *Organization) State(now time.Time) string {
	switch {
	case o.Status != "" && o.Status != "active":
		return o.Status
	case o.Unconfirmed(now):
		return "unconfirmed"
	}
	return "active"
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// KeyLine is the line on which a key path of a record ("phones.0",
// "services.2.contact.url", a ContactFact's Key) is written in its TOML
// source, or that of its nearest parent: for reports that point editors to
// the line to change.
func KeyLine(src, key string) int {
	return scanKeyPositions(src).line(key)
}
