package server

import (
	"slices"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// dated is the date and source of one contact fact, as the API shows them
// beside it: "Telefon, Stand 2016".
type dated struct {
	AsOf   string `json:"as_of,omitempty"`
	Source string `json:"source,omitempty"`
}

// provenance says where a record's facts come from and how old they are.
type provenance struct {
	Source []string `json:"source"`
	// Verified is the record's freshness: the date of the oldest contact
	// fact shown, empty when one of them is undated.
	Verified string `json:"verified"`
	// Stale: the oldest contact fact shown is over 12 months old, or undated.
	Stale bool `json:"stale"`
	// Unconfirmed: the newest evidence that the organization exists is over
	// five years old; it may be gone.
	Unconfirmed bool `json:"unconfirmed"`
}

// provenance lists the record's sources (those of its facts included) and
// its dates; freshness is that of the organization or of one service.
func (v *viewer) provenance(o *index.Organization, freshness time.Time) provenance {
	sources := slices.Clone(o.Source)
	for _, f := range o.ContactFacts() {
		if f.Source != "" && !slices.Contains(sources, f.Source) {
			sources = append(sources, f.Source)
		}
	}
	return provenance{Source: nonNil(sources), Verified: day(freshness),
		Stale:       freshness.Before(v.now.AddDate(-1, 0, 0)),
		Unconfirmed: o.Unconfirmed(v.now)}
}

func (v *viewer) contact(c index.Contact) contactView {
	out := contactView{Phone: c.Phone.Number, Email: c.Email.Address, URL: c.URL.URL, BookingURL: c.BookingURL.URL}
	out.PhoneAsOf, out.PhoneSource = datedOf(c.Phone.Number, c.Phone.Dated)
	out.EmailAsOf, out.EmailSource = datedOf(c.Email.Address, c.Email.Dated)
	out.URLAsOf, out.URLSource = datedOf(c.URL.URL, c.URL.Dated)
	out.BookingURLAsOf, out.BookingURLSource = datedOf(c.BookingURL.URL, c.BookingURL.Dated)
	return out
}

// datedOf returns the date and source of a fact that is shown.
func datedOf(value string, d index.Dated) (string, string) {
	if value == "" {
		return "", ""
	}
	return day(d.AsOf), d.Source
}

// day formats a date as 2006-01-02, or "" for the zero time (unknown).
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
