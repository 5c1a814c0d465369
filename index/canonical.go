package index

import "strings"

// canonicalKeys gives a record's texts map keys of their own. The TOML
// decoder's keys are slices of the file's source, so every decoded file
// stayed in memory whole for as long as its record (generated 100k: about
// 220 MB of sources kept after a cold start, none after a warm one).
func (o *Organization) canonicalKeys() {
	o.Name, o.Description, o.Notice = canonicalText(o.Name), canonicalText(o.Description), canonicalText(o.Notice)
	for i := range o.Phones {
		o.Phones[i].Description = canonicalText(o.Phones[i].Description)
	}
	for i := range o.Locations {
		l := &o.Locations[i]
		l.Name, l.HoursNote, l.Transport = canonicalText(l.Name), canonicalText(l.HoursNote), canonicalText(l.Transport)
	}
	for i := range o.Services {
		s := &o.Services[i]
		s.Name, s.Description, s.CostNote = canonicalText(s.Name), canonicalText(s.Description), canonicalText(s.CostNote)
		s.HowToApply, s.WhatToBring = canonicalText(s.HowToApply), canonicalText(s.WhatToBring)
		s.Contact.Phone.Description = canonicalText(s.Contact.Phone.Description)
		if s.Keywords != nil {
			kw := make(Words, len(s.Keywords))
			for k, v := range s.Keywords {
				kw[langKey(k)] = v
			}
			s.Keywords = kw
		}
	}
}

func canonicalText(t Text) Text {
	if t == nil {
		return nil
	}
	out := make(Text, len(t))
	for k, v := range t {
		out[langKey(k)] = v
	}
	return out
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
