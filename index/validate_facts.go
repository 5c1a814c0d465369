package index

import (
	"fmt"
	"time"
)

// contactFacts checks every contact fact of an organization: its value,
// its date and source, and the record's freshness and existence dates.
func (f file) contactFacts(o *Organization) {
	f.fact("website", FactWebsite, o.Website.URL, o.Website.Dated)
	f.fact("email", FactEmail, o.Email.Address, o.Email.Dated)
	for i, p := range o.Phones {
		key := fmt.Sprintf("phones.%d", i)
		f.fact(key, FactPhone, p.Number, p.Dated)
		f.text(key+".description", p.Description, false)
	}
	for i, l := range o.Locations {
		key := fmt.Sprintf("locations.%d", i)
		f.fact(key+".as_of", FactAddress, l.Address(), Dated{AsOf: l.AsOf, Source: l.Source})
		hours := l.OpeningHours
		if hours == "" {
			hours = l.HoursNote["de"]
		}
		if l.OpeningHours != "" || !l.HoursAsOf.IsZero() || l.HoursSource != "" {
			f.fact(key+".hours_as_of", FactHours, hours, Dated{AsOf: l.HoursAsOf, Source: l.HoursSource})
		}
	}
	for i, s := range o.Services {
		key := fmt.Sprintf("services.%d.contact.", i)
		c := s.Contact
		f.fact(key+"phone", FactPhone, c.Phone.Number, c.Phone.Dated)
		f.text(key+"phone.description", c.Phone.Description, false)
		f.fact(key+"email", FactEmail, c.Email.Address, c.Email.Dated)
		f.fact(key+"url", FactWebsite, c.URL.URL, c.URL.Dated)
		f.fact(key+"booking_url", FactBooking, c.BookingURL.URL, c.BookingURL.Dated)
	}
	f.freshness(o)
}

// fact checks one contact fact. An undated fact is a warning: its age is
// unknown, which is the truth when no source gives a date.
func (f file) fact(key, kind, value string, d Dated) {
	name := lastKey(key)
	for _, b := range d.bad {
		f.errorf(key, "%s: %s", name, b)
	}
	if value == "" {
		if !d.AsOf.IsZero() || d.Source != "" {
			f.errorf(key, "%s: a date or source without the fact it dates", name)
		}
		return
	}
	switch kind {
	case FactWebsite, FactBooking:
		f.url(key, value)
	case FactEmail:
		f.email(key, value)
	case FactPhone:
		f.phone(key, value)
	}
	f.url(key, d.Source)
	switch {
	case d.AsOf.IsZero():
		f.warnf(key, "%s %q is undated: set as_of to the date of the source that states it (and source to its URL)", kind, value)
	case d.AsOf.After(f.v.now):
		f.errorf(key, "%s: as_of %s is in the future", name, d.AsOf.Format(time.DateOnly))
	case d.Source == "":
		f.errorf(key, "%s: as_of without source: name the URL that states the fact", name)
	}
}

// freshness warns once per record about its oldest shown contact fact,
// and about an organization evidenced only by old sources.
func (f file) freshness(o *Organization) {
	if o.Unconfirmed(f.v.now) && !o.Verified.IsZero() {
		f.warnf("verified", "newest source is of %s, over %d years ago: the page shows the record as unconfirmed (possibly closed)", o.Confirmed().Format(time.DateOnly), unconfirmedAfterYears)
	}
	facts := o.ContactFacts()
	if len(facts) == 0 && o.Verified.Before(f.v.now.AddDate(-1, 0, 0)) {
		f.warnf("verified", "no contact facts, and the newest source is of %s, over 12 months ago", o.Verified.Format(time.DateOnly))
	}
	var oldest *ContactFact
	for i := range facts {
		if d := facts[i].AsOf; !d.IsZero() && (oldest == nil || d.Before(oldest.AsOf)) {
			oldest = &facts[i]
		}
	}
	if oldest != nil && oldest.AsOf.Before(f.v.now.AddDate(-1, 0, 0)) {
		f.warnf(oldest.Key, "contact facts not confirmed for over 12 months: the oldest is the %s of %s (%s)", oldest.Kind, oldest.AsOf.Format(time.DateOnly), oldest.Value)
	}
}
