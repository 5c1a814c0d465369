package index

import (
	"strings"
	"sync"
)

// canonicalKeys gives a record's texts map keys of their own, and shares
// its strings with every equal string of the directory (interned in st). The
// TOML decoder's keys are slices of the file's source, so every decoded
// file stayed in memory whole for as long as its record (generated 100k:
// about 220 MB of sources kept after a cold start, none after a warm one).
func (o *Organization) canonicalKeys(st *stringTable) {
	o.walkTexts(st,
		func(t Text) Text { return rekeyed(t, st.intern) },
		func(w Words) Words { return rekeyed(w, st.internAll) })
}

// rekeyed copies a text's map with keys of its own, each value passed
// through f; nil stays nil.
func rekeyed[M ~map[string]V, V any](m M, f func(V) V) M {
	if m == nil {
		return nil
	}
	out := make(M, len(m))
	for k, v := range m {
		out[langKey(k)] = f(v)
	}
	return out
}

// walkTexts calls text and words on every text of the record, keeping what
// they return, and interns its lists and short values.
func (o *Organization) walkTexts(st *stringTable, text func(Text) Text, words func(Words) Words) {
	intern, internAll := st.intern, st.internAll
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
		for _, list := range [][]string{s.Topics, s.Groups, s.Languages, s.Locations, s.Channels, s.Areas, s.LimitedTo, s.ResponsibleFor} {
			internAll(list)
		}
		s.Cost, s.Appointment, s.Status = intern(s.Cost), intern(s.Appointment), intern(s.Status)
	}
}

// stringTable shares equal strings among the records of one directory:
// each distinct string is kept once, as a copy of its own (never a part of
// a decoder's input). It is safe for concurrent use and dropped once the
// records are loaded. Go's unique.Make did the same for every string of
// the process, but registers a weak pointer and a cleanup for each, which
// was about half the CPU of a warm start (generated 10k: 2.2 of 5.1 s
// of samples).
type stringTable struct {
	shards [stringShards]struct {
		sync.Mutex
		m map[string]string
	}
}

// stringShards keeps the cores that decode records at once from waiting
// for each other's lock.
const stringShards = 64

func newStringTable() *stringTable {
	st := &stringTable{}
	for i := range st.shards {
		st.shards[i].m = map[string]string{}
	}
	return st
}

func (st *stringTable) intern(s string) string {
	if s == "" {
		return s
	}
	// The shard from the length and the ends: hashing the whole string
	// here as well as in the map cost a tenth of a warm start.
	sh := &st.shards[(uint(len(s))*31+uint(s[0])*7+uint(s[len(s)-1]))%stringShards]
	sh.Lock()
	defer sh.Unlock()
	if v, ok := sh.m[s]; ok {
		return v
	}
	v := strings.Clone(s)
	sh.m[v] = v
	return v
}

func (st *stringTable) internAll(list []string) []string {
	for i, s := range list {
		list[i] = st.intern(s)
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
