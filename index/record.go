package index

import "time"

// Languages are the languages Wegweiser speaks: the interface, the topic
// vocabulary and the search analyzers cover each of them. German comes first
// because every record must have it and every text falls back to it.
var Languages = []string{"de", "en", "ar", "uk", "ru", "tr", "fa", "pl", "ro", "bg"}

// Text is one text in several languages, keyed by ISO 639-1 code.
// "de" is required wherever a Text is required.
type Text map[string]string

// In returns the text in lang, falling back to German. The second result is
// the language actually returned, so a page can say "shown in German".
func (t Text) In(lang string) (string, string) {
	if s, ok := t[lang]; ok && s != "" {
		return s, lang
	}
	return t["de"], "de"
}

// Words is a list of words per language (search keywords, synonyms).
type Words map[string][]string

// Organization is one provider: the content of data/organizations/<id>.toml.
// Field names follow Open Referral HSDS 3.0 where it has one, so that an HSDS
// export is a mapping (see docs/data-format.md).
type Organization struct {
	ID             string   `toml:"-"` // the file name, stable forever
	File           string   `toml:"-"` // path the record was read from, for messages
	Name           Text     `toml:"name"`
	AlternateNames []string `toml:"alternate_names"`
	Description    Text     `toml:"description"`
	Kind           string   `toml:"kind"`   // authority, counselling, chamber, education, network, business-development
	Status         string   `toml:"status"` // active (default), inactive, defunct
	Notice         Text     `toml:"notice"` // shown prominently, e.g. "for orientation only"
	Website        Link     `toml:"website"`
	Email          Email    `toml:"email"`
	Phones         []Phone  `toml:"phones"`
	Source         []string `toml:"source"`
	// Verified is the date of the newest source that shows the organization
	// at work: evidence that it exists, not the date of its contact facts
	// (see Freshness).
	Verified  time.Time  `toml:"verified"`
	Locations []Location `toml:"locations"`
	Services  []Service  `toml:"services"`
	// derived is filled lazily for records served by an index; shared by
	// copies, never decoded or encoded.
	derived *derived
}

// Location is a place where an organization receives people.
// Lat/Lon are set only when a source states them; otherwise Place names a
// town or district from data/geo/places.csv whose centre is used instead and
// shown as approximate.
type Location struct {
	ID           string   `toml:"id"`
	Name         Text     `toml:"name"`
	Street       string   `toml:"street"`
	Postcode     string   `toml:"postcode"`
	City         string   `toml:"city"`
	Area         string   `toml:"area"`
	Place        string   `toml:"place"`
	Lat          *float64 `toml:"lat"`
	Lon          *float64 `toml:"lon"`
	Wheelchair   string   `toml:"wheelchair"` // yes, limited, no, or empty when unknown
	OpeningHours string   `toml:"opening_hours"`
	HoursNote    Text     `toml:"hours_note"`
	Transport    Text     `toml:"transport"`
	// AsOf and Source date the address (street, postcode, town): the date
	// of the source that states it. HoursAsOf and HoursSource date the
	// opening hours and the hours note.
	AsOf        time.Time `toml:"as_of"`
	Source      string    `toml:"source"`
	HoursAsOf   time.Time `toml:"hours_as_of"`
	HoursSource string    `toml:"hours_source"`
}

// Service is one thing an organization does for people.
type Service struct {
	ID          string   `toml:"id"`
	Name        Text     `toml:"name"`
	Description Text     `toml:"description"`
	Topics      []string `toml:"topics"`
	Groups      []string `toml:"target_groups"`
	Languages   []string `toml:"languages"`
	Cost        string   `toml:"cost"` // free, fee, or empty when unknown
	CostNote    Text     `toml:"cost_note"`
	Appointment string   `toml:"appointment"` // required, recommended, none, or empty
	HowToApply  Text     `toml:"how_to_apply"`
	WhatToBring Text     `toml:"what_to_bring"`
	Contact     Contact  `toml:"contact"`
	Locations   []string `toml:"locations"`
	OnlineOnly  bool     `toml:"online_only"`
	// Channels says how people reach the service: in-person, phone, email,
	// chat, video, form, outreach. Empty: derived (see ServiceRef.Channels).
	Channels []string `toml:"channels"`
	Areas    []string `toml:"areas"`
	// LimitedTo names the towns and villages (from the places and
	// localities of data/areas.toml) whose residents alone the service
	// serves, where its areas are larger: a town's own office in a
	// district. Empty: everyone in its areas.
	LimitedTo []string `toml:"limited_to"`
	Keywords  Words    `toml:"keywords"`
	Status    string   `toml:"status"` // active (default), inactive, temporarily-closed
	// ResponsibleFor names the offices this service is by law for the people
	// living in its areas: auslaenderbehoerde, jobcenter, agentur-fuer-arbeit.
	ResponsibleFor []string `toml:"responsible_for"`
	// FirstContact marks a general first point of contact, shown when a
	// search finds nothing so that nobody meets a dead end.
	FirstContact bool `toml:"first_contact"`
}

// Contact is how to reach a service directly; each fact carries its date.
type Contact struct {
	Phone      Phone `toml:"phone"`
	Email      Email `toml:"email"`
	URL        Link  `toml:"url"`
	BookingURL Link  `toml:"booking_url"`
}

// Topic is an entry of the controlled topic vocabulary (data/topics.toml).
type Topic struct {
	ID       string `toml:"id"`
	Icon     string `toml:"icon"`
	Label    Text   `toml:"label"`
	Keywords Words  `toml:"keywords"`
}

// Group is an entry of the target-group vocabulary (data/groups.toml).
type Group struct {
	ID       string `toml:"id"`
	Label    Text   `toml:"label"`
	Keywords Words  `toml:"keywords"`
	// Languages: a query in one of them most likely comes from someone of
	// the group; search ranks the group's services a little higher for it.
	Languages []string `toml:"languages"`
	// Excludes: groups no one of this group belongs to (a worker from the
	// EU is no third-country national): for a query whose language points
	// to this group, services only for those rank lower.
	Excludes []string `toml:"excludes"`
	// Origins: countries and nationalities of the group's people, one
	// word each ("Syrien", "سوري", "guinéen"). Someone naming where they
	// come from says who asks more surely than the query's language: a
	// Serbian in French, a Syrian in English (understand_origin.go).
	Origins Words `toml:"origins"`
}

// Area is a municipality, district or larger area (data/areas.toml).
// Includes names smaller areas it contains, so that a service for the whole
// region is found when a person filters by their town.
type Area struct {
	ID     string   `toml:"id"`
	Kind   string   `toml:"kind"` // city, district, region, state
	Name   Text     `toml:"name"`
	Centre string   `toml:"centre"` // a place in data/geo/places.csv
	Places []string `toml:"places"`
	// Localities are further names of places in the area without a centre
	// in data/geo/places.csv (city districts, villages), so that a query
	// naming them finds the area's services.
	Localities []string `toml:"localities"`
	Includes   []string `toml:"includes"`
	// Population is how many people live in a city or district; search
	// uses it to prefer services open to more of the region's people when
	// a query names no town (rank.go).
	Population Population `toml:"population"`
}

// Population is the number of inhabitants of an area, with the date and
// source of the figure.
type Population struct {
	Count  int       `toml:"count"`
	AsOf   time.Time `toml:"as_of"`
	Source string    `toml:"source"`
}
