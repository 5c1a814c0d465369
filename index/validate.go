package index

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// validator checks records against the rules of docs/data-format.md and
// collects every problem with its place.
type validator struct {
	dir      *Directory
	now      time.Time
	problems *Problems
	topics   map[string]bool
	groups   map[string]bool
	areas    map[string]bool
	// loaded names the vocabulary files that could be read; references into
	// one that could not are not checked, so one broken file gives one error.
	loaded map[string]bool
}

// file is the place problems of one file are reported against.
type file struct {
	v    *validator
	name string
	kp   *keyPositions
}

func (f file) errorf(key, format string, args ...any) {
	*f.v.problems = append(*f.v.problems, Problem{File: f.name, Line: f.kp.line(key), Col: 1, Message: fmt.Sprintf(format, args...)})
}

func (f file) warnf(key, format string, args ...any) {
	*f.v.problems = append(*f.v.problems, Problem{File: f.name, Line: f.kp.line(key), Col: 1, Message: fmt.Sprintf(format, args...), Warning: true})
}

func newValidator(d *Directory, now time.Time, problems *Problems) *validator {
	return &validator{dir: d, now: now, problems: problems,
		topics: map[string]bool{}, groups: map[string]bool{}, areas: map[string]bool{}, loaded: map[string]bool{}}
}

// alone is a copy of the validator that collects problems apart, so that
// organizations are validated on every core. Validating an organization
// only reads the vocabularies, which are complete by then.
func (v *validator) alone() *validator {
	c := *v
	c.problems = &Problems{}
	return &c
}

// Enumerations; the empty string means "unknown" where a field is optional.
var (
	orgKinds    = set("authority", "counselling", "chamber", "education", "university", "network", "economic-development", "association")
	orgStatus   = set("", "active", "inactive", "defunct")
	svcStatus   = set("", "active", "inactive", "temporarily-closed")
	costs       = set("", "free", "fee")
	appointment = set("", "required", "recommended", "none")
	wheelchair  = set("", "yes", "limited", "no")
	areaKinds   = set("city", "district", "region", "state", "country")
)

func set(vals ...string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vals {
		m[v] = true
	}
	return m
}

var (
	idPattern    = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 ()/-]*[0-9]$`)
	postcode     = regexp.MustCompile(`^[0-9]{5}$`)
)

func (v *validator) vocabularies(kps map[string]*keyPositions) {
	for name, kp := range kps {
		v.loaded[name] = kp != nil
	}
	if kp := kps[topicsFile]; kp != nil {
		f := file{v, topicsFile, kp}
		for i, t := range v.dir.Topics {
			f.limits(fmt.Sprintf("topic.%d", i), t)
			f.term(fmt.Sprintf("topic.%d", i), "topic", t.ID, t.Label, t.Keywords, v.topics)
		}
	}
	if kp := kps[groupsFile]; kp != nil {
		f := file{v, groupsFile, kp}
		for i, g := range v.dir.Groups {
			f.limits(fmt.Sprintf("group.%d", i), g)
			f.term(fmt.Sprintf("group.%d", i), "target group", g.ID, g.Label, g.Keywords, v.groups)
			for _, code := range g.Languages {
				if !isLanguage(code) {
					f.errorf(fmt.Sprintf("group.%d.languages", i), "target group %s: %q is not an ISO 639-1 language code", g.ID, code)
				}
			}
		}
		for i, g := range v.dir.Groups {
			f.origins(fmt.Sprintf("group.%d.origins", i), g)
			for _, id := range g.Excludes {
				if !v.groups[id] || id == g.ID {
					f.errorf(fmt.Sprintf("group.%d.excludes", i), "target group %s: excludes %q, which is no other target group", g.ID, id)
				}
			}
		}
	}
	if kp := kps[areasFile]; kp != nil {
		f := file{v, areasFile, kp}
		for i, a := range v.dir.Areas {
			f.id(fmt.Sprintf("area.%d.id", i), a.ID, "area", v.areas)
		}
		for i, a := range v.dir.Areas {
			f.area(fmt.Sprintf("area.%d", i), a)
		}
	}
}

// term checks one entry of a vocabulary: a unique id, a German label and
// keywords in real languages.
func (f file) term(key, what, id string, label Text, kw Words, seen map[string]bool) {
	f.id(key+".id", id, what, seen)
	f.text(key+".label", label, true)
	f.words(key+".keywords", kw)
}

func (f file) area(key string, a Area) {
	f.limits(key, a)
	f.text(key+".name", a.Name, true)
	if !areaKinds[a.Kind] {
		f.errorf(key+".kind", "area %s: kind %q is not one of city, district, region, state, country", a.ID, a.Kind)
	}
	if _, ok := f.v.dir.Places[a.Centre]; a.Centre != "" && !ok {
		f.errorf(key+".centre", "area %s: centre %q is not a place in %s", a.ID, a.Centre, placesFile)
	}
	for _, p := range a.Places {
		if _, ok := f.v.dir.Places[p]; !ok {
			f.errorf(key+".places", "area %s: place %q is not in %s", a.ID, p, placesFile)
		}
	}
	for _, l := range a.Localities {
		if strings.TrimSpace(l) == "" || containsString(a.Places, l) {
			f.errorf(key+".localities", "area %s: locality %q is empty or already among its places", a.ID, l)
		}
	}
	for _, inc := range a.Includes {
		if !f.v.areas[inc] {
			f.errorf(key+".includes", "area %s: includes unknown area %q", a.ID, inc)
		}
	}
	f.population(key+".population", a)
}

// population checks an area's number of inhabitants: a positive count with
// the date and source of the figure.
func (f file) population(key string, a Area) {
	p := a.Population
	if p == (Population{}) {
		return
	}
	if p.Count <= 0 {
		f.errorf(key, "area %s: population count must be a positive number", a.ID)
	}
	if p.AsOf.IsZero() || p.Source == "" {
		f.errorf(key, "area %s: population needs as_of (the date of the figure) and source", a.ID)
	}
	f.url(key, p.Source)
}

func (v *validator) organization(o *Organization, kp *keyPositions) {
	f := file{v, o.File, kp}
	f.limits("", o)
	if !idPattern.MatchString(o.ID) {
		f.errorf("", "organization id %q (the file name) must be lowercase a-z, 0-9 and single hyphens", o.ID)
	}
	f.text("name", o.Name, true)
	f.text("description", o.Description, true)
	f.text("notice", o.Notice, false)
	if !orgKinds[o.Kind] {
		f.errorf("kind", "kind %q is not one of authority, counselling, chamber, education, university, network, economic-development, association", o.Kind)
	}
	if !orgStatus[o.Status] {
		f.errorf("status", "status %q is not one of active, inactive, defunct", o.Status)
	}
	if len(o.Source) == 0 {
		f.errorf("source", "source is required: the URL(s) the facts come from")
	}
	for _, s := range o.Source {
		f.url("source", s)
	}
	f.verified(o.Verified)
	locs := map[string]bool{}
	for i, l := range o.Locations {
		f.location(fmt.Sprintf("locations.%d", i), l, locs)
	}
	svcs := map[string]bool{}
	for i, s := range o.Services {
		f.service(fmt.Sprintf("services.%d", i), s, svcs, locs)
	}
	if len(o.Services) == 0 {
		f.errorf("", "an organization needs at least one [[services]] entry")
	}
	f.contactFacts(o)
}

func (f file) verified(t time.Time) {
	switch {
	case t.IsZero():
		f.errorf("verified", "verified is required: the date of the newest source, e.g. verified = 2024-12-01")
	case t.After(f.v.now):
		f.errorf("verified", "verified %s is in the future", t.Format(time.DateOnly))
	}
}

func (f file) location(key string, l Location, seen map[string]bool) {
	f.id(key+".id", l.ID, "location", seen)
	f.text(key+".name", l.Name, false)
	f.text(key+".hours_note", l.HoursNote, false)
	f.text(key+".transport", l.Transport, false)
	if l.City == "" {
		f.errorf(key+".city", "location %s: city is required", l.ID)
	}
	if l.Postcode != "" && !postcode.MatchString(l.Postcode) {
		f.errorf(key+".postcode", "location %s: postcode %q is not five digits", l.ID, l.Postcode)
	}
	if f.v.loaded[areasFile] && !f.v.areas[l.Area] {
		f.errorf(key+".area", "location %s: area %q is not an area in %s", l.ID, l.Area, areasFile)
	}
	switch {
	case (l.Lat == nil) != (l.Lon == nil):
		f.errorf(key+".lat", "location %s: lat and lon go together", l.ID)
	case l.Lat != nil && !f.v.dir.Bounds.contain(*l.Lat, *l.Lon):
		b := f.v.dir.Bounds
		f.errorf(key+".lat", "location %s: coordinates %g,%g are outside the region (lat %g-%g, lon %g-%g)", l.ID, *l.Lat, *l.Lon, b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	case l.Lat == nil && l.Place == "":
		f.errorf(key, "location %s: set place (a town or district in %s) or lat/lon from a source", l.ID, placesFile)
	}
	if _, ok := f.v.dir.Places[l.Place]; l.Place != "" && !ok {
		f.errorf(key+".place", "location %s: place %q is not in %s", l.ID, l.Place, placesFile)
	}
	if !wheelchair[l.Wheelchair] {
		f.errorf(key+".wheelchair", "location %s: wheelchair %q is not one of yes, limited, no", l.ID, l.Wheelchair)
	}
	if l.OpeningHours != "" {
		if _, err := ParseHours(l.OpeningHours); err != nil {
			f.errorf(key+".opening_hours", "location %s: %v", l.ID, err)
		}
	}
}

func (f file) service(key string, s Service, seen, locs map[string]bool) {
	f.id(key+".id", s.ID, "service", seen)
	f.text(key+".name", s.Name, true)
	f.text(key+".description", s.Description, true)
	for _, t := range []struct {
		field string
		text  Text
	}{{"cost_note", s.CostNote}, {"how_to_apply", s.HowToApply}, {"what_to_bring", s.WhatToBring}} {
		f.text(key+"."+t.field, t.text, false)
	}
	f.words(key+".keywords", s.Keywords)
	if len(s.Topics) == 0 {
		f.errorf(key+".topics", "service %s: at least one topic is required", s.ID)
	}
	if f.v.loaded[topicsFile] {
		f.refs(key+".topics", s.ID, "topic", s.Topics, f.v.topics)
	}
	if f.v.loaded[groupsFile] {
		f.refs(key+".target_groups", s.ID, "target group", s.Groups, f.v.groups)
	}
	if f.v.loaded[areasFile] {
		f.refs(key+".areas", s.ID, "area", s.Areas, f.v.areas)
	}
	f.refs(key+".locations", s.ID, "location", s.Locations, locs)
	for _, code := range s.Languages {
		if !isLanguage(code) {
			f.errorf(key+".languages", "service %s: %q is not an ISO 639-1 language code", s.ID, code)
		}
	}
	f.channels(key, s)
	f.responsible(key, s)
	f.limitedTo(key, s)
	if len(s.Areas) == 0 {
		f.errorf(key+".areas", "service %s: areas served is required", s.ID)
	}
	enums := []struct {
		field, value string
		allowed      map[string]bool
	}{{"cost", s.Cost, costs}, {"appointment", s.Appointment, appointment}, {"status", s.Status, svcStatus}}
	for _, e := range enums {
		if !e.allowed[e.value] {
			f.errorf(key+"."+e.field, "service %s: %s %q is not allowed (see docs/data-format.md)", s.ID, e.field, e.value)
		}
	}
}

func (f file) refs(key, owner, what string, ids []string, known map[string]bool) {
	for _, id := range ids {
		if !known[id] {
			f.errorf(key, "service %s: unknown %s %q", owner, what, id)
		}
	}
}

func (f file) id(key, id, what string, seen map[string]bool) {
	switch {
	case id == "":
		f.errorf(key, "%s id is required", what)
	case !idPattern.MatchString(id):
		f.errorf(key, "%s id %q must be lowercase a-z, 0-9 and single hyphens", what, id)
	case seen[id]:
		f.errorf(key, "duplicate %s id %q", what, id)
	}
	seen[id] = true
}

func (f file) text(key string, t Text, required bool) {
	if required && t["de"] == "" {
		f.errorf(key, "%s: German text (de) is required", lastKey(key))
	}
	for code := range t {
		if !isLanguage(code) {
			f.errorf(key, "%s: %q is not an ISO 639-1 language code", lastKey(key), code)
		}
	}
}

func (f file) words(key string, w Words) {
	for code := range w {
		if !isLanguage(code) {
			f.errorf(key, "%s: %q is not an ISO 639-1 language code", lastKey(key), code)
		}
	}
}

func (f file) url(key, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		f.errorf(key, "%s: %q is not an http(s) URL", lastKey(key), s)
	}
}

func (f file) email(key, s string) {
	if s == "" {
		return
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		f.errorf(key, "%s: %q is not an e-mail address", lastKey(key), s)
	}
}

func (f file) phone(key, s string) {
	if s == "" {
		return
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if !phonePattern.MatchString(s) || digits < 3 || digits > 15 {
		f.errorf(key, "%s: %q is not a phone number (digits, spaces, + ( ) / -)", lastKey(key), s)
	}
}

// isLanguage accepts two-letter ISO 639-1 codes that golang.org/x/text knows.
func isLanguage(code string) bool {
	if len(code) != 2 {
		return false
	}
	b, err := language.ParseBase(code)
	return err == nil && b.String() == code
}

func lastKey(key string) string {
	for k := key; k != ""; k = parentKey(k) {
		last := k[len(parentKey(k)):]
		if len(last) > 0 && last[0] == '.' {
			last = last[1:]
		}
		if _, err := strconv.Atoi(last); err != nil {
			return last
		}
	}
	return key
}
