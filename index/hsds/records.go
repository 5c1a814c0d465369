package hsds

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// WriteRecords writes each organization as data/organizations/<id>.toml
// under dir, in the format of docs/data-format.md: texts and contact facts
// as inline tables, each fact with its date and source.
func WriteRecords(dir string, orgs []*index.Organization) (Written, error) {
	var w Written
	for _, o := range orgs {
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "# Imported from Open Referral HSDS by wegweiser import; check it with wegweiser check.\n\n")
		if err := toml.NewEncoder(&buf).Encode(recordOf(o)); err != nil {
			return w, fmt.Errorf("%s: %w", o.ID, err)
		}
		if err := w.write(filepath.Join(dir, "organizations", o.ID+".toml"), buf.Bytes()); err != nil {
			return w, err
		}
	}
	return w, nil
}

// The record's shape for the TOML encoder, in the order of the example in
// docs/data-format.md.
type (
	tomlOrg struct {
		Name           tomlText       `toml:"name"`
		AlternateNames []string       `toml:"alternate_names,omitempty"`
		Kind           string         `toml:"kind,omitempty"`
		Status         string         `toml:"status,omitempty"`
		Description    tomlText       `toml:"description,omitempty"`
		Website        *tomlFact      `toml:"website,omitempty"`
		Email          *tomlFact      `toml:"email,omitempty"`
		Phones         []tomlFact     `toml:"phones,omitempty"`
		Source         []string       `toml:"source"`
		Verified       *tomlDate      `toml:"verified,omitempty"`
		Notice         tomlText       `toml:"notice,omitempty"`
		Locations      []tomlLocation `toml:"locations,omitempty"`
		Services       []tomlService  `toml:"services,omitempty"`
	}
	tomlLocation struct {
		ID           string    `toml:"id"`
		Name         tomlText  `toml:"name,omitempty"`
		Street       string    `toml:"street,omitempty"`
		Postcode     string    `toml:"postcode,omitempty"`
		City         string    `toml:"city,omitempty"`
		Area         string    `toml:"area,omitempty"`
		Place        string    `toml:"place,omitempty"`
		Lat          *float64  `toml:"lat,omitempty"`
		Lon          *float64  `toml:"lon,omitempty"`
		Wheelchair   string    `toml:"wheelchair,omitempty"`
		AsOf         *tomlDate `toml:"as_of,omitempty"`
		Source       string    `toml:"source,omitempty"`
		OpeningHours string    `toml:"opening_hours,omitempty"`
		HoursNote    tomlText  `toml:"hours_note,omitempty"`
		HoursAsOf    *tomlDate `toml:"hours_as_of,omitempty"`
		HoursSource  string    `toml:"hours_source,omitempty"`
		Transport    tomlText  `toml:"transport,omitempty"`
	}
	tomlService struct {
		ID             string       `toml:"id"`
		Name           tomlText     `toml:"name"`
		Description    tomlText     `toml:"description,omitempty"`
		Status         string       `toml:"status,omitempty"`
		Topics         []string     `toml:"topics"`
		Groups         []string     `toml:"target_groups,omitempty"`
		Languages      []string     `toml:"languages,omitempty"`
		Cost           string       `toml:"cost,omitempty"`
		CostNote       tomlText     `toml:"cost_note,omitempty"`
		Appointment    string       `toml:"appointment,omitempty"`
		HowToApply     tomlText     `toml:"how_to_apply,omitempty"`
		WhatToBring    tomlText     `toml:"what_to_bring,omitempty"`
		Locations      []string     `toml:"locations,omitempty"`
		OnlineOnly     bool         `toml:"online_only,omitempty"`
		Channels       []string     `toml:"channels,omitempty"`
		Areas          []string     `toml:"areas"`
		LimitedTo      []string     `toml:"limited_to,omitempty"`
		ResponsibleFor []string     `toml:"responsible_for,omitempty"`
		FirstContact   bool         `toml:"first_contact,omitempty"`
		Contact        *tomlContact `toml:"contact,omitempty"`
	}
	tomlContact struct {
		Phone      *tomlFact `toml:"phone,omitempty"`
		Email      *tomlFact `toml:"email,omitempty"`
		URL        *tomlFact `toml:"url,omitempty"`
		BookingURL *tomlFact `toml:"booking_url,omitempty"`
	}
)

func recordOf(o *index.Organization) tomlOrg {
	r := tomlOrg{Name: tomlText(o.Name), AlternateNames: o.AlternateNames, Kind: o.Kind, Status: o.Status,
		Description: tomlText(o.Description), Website: tomlFactOf("url", o.Website.URL, nil, o.Website.Dated),
		Email: tomlFactOf("address", o.Email.Address, nil, o.Email.Dated), Source: o.Source, Verified: date(o.Verified), Notice: tomlText(o.Notice)}
	for _, p := range o.Phones {
		r.Phones = append(r.Phones, *tomlFactOf("number", p.Number, p.Description, p.Dated))
	}
	for _, l := range o.Locations {
		r.Locations = append(r.Locations, tomlLocation{ID: l.ID, Name: tomlText(l.Name), Street: l.Street, Postcode: l.Postcode,
			City: l.City, Area: l.Area, Place: l.Place, Lat: l.Lat, Lon: l.Lon, Wheelchair: l.Wheelchair, AsOf: date(l.AsOf),
			Source: l.Source, OpeningHours: l.OpeningHours, HoursNote: tomlText(l.HoursNote), HoursAsOf: date(l.HoursAsOf),
			HoursSource: l.HoursSource, Transport: tomlText(l.Transport)})
	}
	for _, s := range o.Services {
		c := tomlContact{Phone: tomlFactOf("number", s.Contact.Phone.Number, s.Contact.Phone.Description, s.Contact.Phone.Dated),
			Email: tomlFactOf("address", s.Contact.Email.Address, nil, s.Contact.Email.Dated), URL: tomlFactOf("url", s.Contact.URL.URL, nil, s.Contact.URL.Dated),
			BookingURL: tomlFactOf("url", s.Contact.BookingURL.URL, nil, s.Contact.BookingURL.Dated)}
		ts := tomlService{ID: s.ID, Name: tomlText(s.Name), Description: tomlText(s.Description), Status: s.Status, Topics: s.Topics,
			Groups: s.Groups, Languages: s.Languages, Cost: s.Cost, CostNote: tomlText(s.CostNote), Appointment: s.Appointment,
			HowToApply: tomlText(s.HowToApply), WhatToBring: tomlText(s.WhatToBring), Locations: s.Locations, OnlineOnly: s.OnlineOnly,
			Channels: s.Channels, Areas: s.Areas, LimitedTo: s.LimitedTo, ResponsibleFor: s.ResponsibleFor, FirstContact: s.FirstContact}
		if c != (tomlContact{}) {
			ts.Contact = &c
		}
		r.Services = append(r.Services, ts)
	}
	return r
}

// tomlText is a text per language, written as an inline table
// { de = "…", en = "…" } with the languages in Wegweiser's order.
type tomlText index.Text

func (t tomlText) MarshalTOML() ([]byte, error) {
	var parts []string
	for _, lang := range sortedLangs(index.Text(t)) {
		parts = append(parts, lang+" = "+quote(t[lang]))
	}
	return []byte("{ " + strings.Join(parts, ", ") + " }"), nil
}

func sortedLangs(t index.Text) []string {
	var out []string
	for lang := range t {
		out = append(out, lang)
	}
	slices.SortFunc(out, func(a, b string) int {
		ia, ib := slices.Index(index.Languages, a), slices.Index(index.Languages, b)
		if ia < 0 {
			ia = len(index.Languages)
		}
		if ib < 0 {
			ib = len(index.Languages)
		}
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
	return out
}

// tomlFact is a contact fact written as { url = "…", as_of = …, source = "…" }.
type tomlFact struct {
	key, value  string
	description index.Text
	index.Dated
}

func tomlFactOf(key, value string, description index.Text, d index.Dated) *tomlFact {
	if value == "" {
		return nil
	}
	return &tomlFact{key: key, value: value, description: description, Dated: d}
}

func (f tomlFact) MarshalTOML() ([]byte, error) {
	parts := []string{f.key + " = " + quote(f.value)}
	if len(f.description) > 0 {
		b, _ := tomlText(f.description).MarshalTOML()
		parts = append(parts, "description = "+string(b))
	}
	if !f.AsOf.IsZero() {
		parts = append(parts, "as_of = "+f.AsOf.Format(time.DateOnly))
	}
	if f.Source != "" {
		parts = append(parts, "source = "+quote(f.Source))
	}
	return []byte("{ " + strings.Join(parts, ", ") + " }"), nil
}

// tomlDate is a TOML local date: 2024-09-01.
type tomlDate time.Time

func date(t time.Time) *tomlDate {
	if t.IsZero() {
		return nil
	}
	d := tomlDate(t)
	return &d
}

func (d tomlDate) MarshalTOML() ([]byte, error) {
	return []byte(time.Time(d).Format(time.DateOnly)), nil
}

// quote writes a TOML basic string: the escapes TOML knows, and \uXXXX
// for other control characters.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u` + strconv.FormatInt(int64(0x10000+r), 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
