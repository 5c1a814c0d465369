package index

import (
	"fmt"
	"sort"
	"time"
)

// Dated says when and where a contact fact was stated: AsOf is the date of
// the source that states it (not the day it was copied), Source that
// source's URL. A zero AsOf means nobody knows how old the fact is.
type Dated struct {
	AsOf   time.Time
	Source string
	// bad holds what decoding found wrong in the fact's table (an unknown
	// key, a wrong type); validation reports it with the line.
	bad []string
}

// Link is a web address shown as a contact fact (a website, a service's
// page, a booking page).
type Link struct {
	URL string
	Dated
}

// Email is an e-mail address shown as a contact fact.
type Email struct {
	Address string
	Dated
}

// Phone is a phone number with what it is for.
type Phone struct {
	Number      string
	Description Text
	Dated
}

// UnmarshalTOML reads `{ url = "…", as_of = 2024-09-01, source = "…" }`
// or, undated, a bare "https://…".
func (l *Link) UnmarshalTOML(v any) error {
	l.bad = decodeFact(v, "url", &l.URL, &l.Dated, nil)
	return nil
}

// UnmarshalTOML reads `{ address = "…", as_of = …, source = "…" }` or,
// undated, a bare address.
func (e *Email) UnmarshalTOML(v any) error {
	e.bad = decodeFact(v, "address", &e.Address, &e.Dated, nil)
	return nil
}

// UnmarshalTOML reads `{ number = "…", description = {…}, as_of = …,
// source = "…" }` or, undated, a bare number.
func (p *Phone) UnmarshalTOML(v any) error {
	p.bad = decodeFact(v, "number", &p.Number, &p.Dated, func(key string, x any) (bool, string) {
		if key != "description" {
			return false, ""
		}
		t, ok := textOf(x)
		p.Description = t
		if !ok {
			return true, "description must be a table of texts per language"
		}
		return true, ""
	})
	return nil
}

// decodeFact fills a fact from a bare value or a table with the value
// under valueKey plus as_of and source; extra handles further keys. It
// returns what was wrong instead of failing the whole file, so that every
// problem is reported with its line.
func decodeFact(v any, valueKey string, value *string, d *Dated, extra func(string, any) (bool, string)) []string {
	if s, ok := v.(string); ok {
		*value = s
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("must be a text or a table like { %s = \"…\", as_of = 2024-09-01, source = \"https://…\" }", valueKey)}
	}
	var bad []string
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // problems in a stable order
	for _, k := range keys {
		x := m[k]
		var ok bool
		switch k {
		case valueKey:
			*value, ok = x.(string)
		case "source":
			d.Source, ok = x.(string)
		case "as_of":
			d.AsOf, ok = x.(time.Time)
			if ok && (d.AsOf.Hour() != 0 || d.AsOf.Minute() != 0) {
				ok = false
			}
		default:
			if extra != nil {
				if known, problem := extra(k, x); known {
					if problem != "" {
						bad = append(bad, problem)
					}
					continue
				}
			}
			bad = append(bad, fmt.Sprintf("unknown key %q (a fact has %s, as_of and source)", k, valueKey))
			continue
		}
		if !ok {
			want := "a text"
			if k == "as_of" {
				want = "a date like 2024-09-01"
			}
			bad = append(bad, fmt.Sprintf("%s must be %s", k, want))
		}
	}
	return bad
}

// textOf converts a decoded TOML table of strings into a Text.
func textOf(x any) (Text, bool) {
	m, ok := x.(map[string]any)
	if !ok {
		return nil, false
	}
	t := Text{}
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			return t, false
		}
		t[k] = s
	}
	return t, true
}
