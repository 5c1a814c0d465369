package index

import (
	"strings"
	"unique"
)

// canonicalKeys gives a record's texts map keys of their own, and shares
// its strings with every equal string of the directory (interned). The
// TOML decoder's keys are slices of the file's source, so every decoded
// file stayed in memory whole for as long as its record (generated 100k:
// about 220 MB of sources kept after a cold start, none after a warm one).
func (o *Organization) canonicalKeys() {
	o.walkTexts(func(t Text) Text {
		if t == nil {
			return nil
		}
		out := make(Text, len(t))
		for k, v := range t {
			out[langKey(k)] = intern(v)
		}
		return out
	}, func(w Words) Words {
		if w == nil {
			return nil
		}
		out := make(Words, len(w))
		for k, v := range w {
			out[langKey(k)] = internAll(v)
		}
		return out
	})
}

// internStrings shares a record's strings with every equal string of the
// directory, in place: names, descriptions and lists of ids repeat from
// service to service (records read back from a kept index).
func (o *Organization) internStrings() {
	o.walkTexts(func(t Text) Text {
		for k, v := range t {
			t[k] = intern(v)
		}
		return t
	}, func(w Words) Words {
		for _, v := range w {
			internAll(v)
		}
		return w
	})
}

// walkTexts calls text and words on every text of the record, keeping what
// they return, and interns its lists and short values.
func (o *Organization) walkTexts(text func(Text) Text, words func(Words) Words) {
	o.Name, o.Description, o.Notice = text(o.Name), text(o.Description), text(o.Notice)
	o.Kind, o.Status = intern(o.Kind), intern(o.Status)
	internAll(o.Source)
	for i := range o.Phones {
		o.Phones[i].Description = text(o.Phones[i].Description)
	}
	for i := range o.Locations {
		l := &o.Locations[i]
		l.Name, l.HoursNote, l.Transport = text(l.Name), text(l.HoursNote), text(l.Transport)
		l.City, l.Area, l.Place, l.OpeningHours = intern(l.City), intern(l.Area), intern(l.Place), intern(l.OpeningHours)
	}
	for i := range o.Services {
		s := &o.Services[i]
		s.Name, s.Description, s.CostNote = text(s.Name), text(s.Description), text(s.CostNote)
		s.HowToApply, s.WhatToBring = text(s.HowToApply), text(s.WhatToBring)
		s.Contact.Phone.Description = text(s.Contact.Phone.Description)
		s.Keywords = words(s.Keywords)
		for _, list := range [][]string{s.Topics, s.Groups, s.Languages, s.Locations, s.Channels, s.Areas, s.ResponsibleFor} {
			internAll(list)
		}
		s.Cost, s.Appointment, s.Status = intern(s.Cost), intern(s.Appointment), intern(s.Status)
	}
}

func intern(s string) string {
	if s == "" {
		return s
	}
	return unique.Make(s).Value()
}

func internAll(list []string) []string {
	for i, s := range list {
		list[i] = intern(s)
	}
	return list
}

// langKey is the package's own string for a language code, or a copy.
func langKey(k string) string {
	for _, l := range Languages {
		if l == k {
			return l
		}
	}
	return strings.Clone(k)
}
