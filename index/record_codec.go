package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
	"unsafe"

	"github.com/cespare/xxhash/v2"
)

// The records kept by --index-dir are read back at every warm start. gob
// decoded them by reflection, a Go map per text, and every string was then
// interned again (generated 10k: gob and interning were two thirds of a
// warm start's CPU). This codec writes each distinct string once, in one
// table for all parts, and the records as numbers into it: reading back
// slices every string out of one block (no copy, no hashing, no
// interning) and decodes the records without reflection.
//
// A file starts with recordsMagic; a kept folder of another format is
// not read but decoded anew (readSnapshot). TestRecordCodecCoversEveryField
// fails when a field is added to a record and not to this codec.

// recordsMagic starts every file of the codec; change its version when
// the layout changes.
const recordsMagic = "wegweiser-records-3\n"

// recordWriter encodes records, collecting their strings.
type recordWriter struct {
	ids  map[string]uint64
	strs []string // by id; id 0 is the empty string
}

func newRecordWriter() *recordWriter {
	return &recordWriter{ids: map[string]uint64{"": 0}, strs: []string{""}}
}

// stringsBlock is the table of strings: their count, their lengths, then
// their bytes.
func (w *recordWriter) stringsBlock() []byte {
	n := 0
	for _, s := range w.strs {
		n += len(s)
	}
	b := make([]byte, 0, len(recordsMagic)+n+2*len(w.strs)+8)
	b = append(b, recordsMagic...)
	b = binary.AppendUvarint(b, uint64(len(w.strs)))
	for _, s := range w.strs {
		b = binary.AppendUvarint(b, uint64(len(s)))
	}
	for _, s := range w.strs {
		b = append(b, s...)
	}
	return b
}

// organizations encodes a part of the records.
func (w *recordWriter) organizations(orgs []*Organization) []byte {
	e := recordEncoder{w: w, b: []byte(recordsMagic)}
	e.uint(uint64(len(orgs)))
	for _, o := range orgs {
		e.organization(o)
	}
	return e.b
}

type recordEncoder struct {
	w *recordWriter
	b []byte
	// keys is the scratch of a map's language codes, in order: equal maps
	// are then encoded alike, and decoded into one map (byLanguage). In
	// Go's order of iteration, two equal maps of three languages were
	// encoded alike about half of the time.
	keys []string
}

func (e *recordEncoder) uint(n uint64) { e.b = binary.AppendUvarint(e.b, n) }

func (e *recordEncoder) str(s string) {
	id, ok := e.w.ids[s]
	if !ok {
		id = uint64(len(e.w.strs))
		e.w.ids[s] = id
		e.w.strs = append(e.w.strs, s)
	}
	e.uint(id)
}

func (e *recordEncoder) strs(list []string) {
	e.uint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

func (e *recordEncoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// time is kept as its binary form (zone offset included, as gob kept it),
// a string of the table: dates repeat.
func (e *recordEncoder) time(t time.Time) {
	if t.IsZero() {
		e.str("")
		return
	}
	b, err := t.MarshalBinary()
	if err != nil { // only for offsets that are not whole minutes; TOML has none
		b = nil
	}
	e.str(string(b))
}

func (e *recordEncoder) float(f *float64) {
	if f == nil {
		e.bool(false)
		return
	}
	e.bool(true)
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(*f))
}

func (e *recordEncoder) text(t Text) {
	e.uint(uint64(len(t)))
	e.keys = appendSortedKeys(e.keys[:0], t)
	for _, k := range e.keys {
		e.str(k)
		e.str(t[k])
	}
}

func (e *recordEncoder) words(w Words) {
	e.uint(uint64(len(w)))
	e.keys = appendSortedKeys(e.keys[:0], w)
	for _, k := range e.keys {
		e.str(k)
		e.strs(w[k])
	}
}

func (e *recordEncoder) dated(d Dated) {
	e.time(d.AsOf)
	e.str(d.Source)
}

func (e *recordEncoder) link(l Link) {
	e.str(l.URL)
	e.dated(l.Dated)
}

func (e *recordEncoder) email(m Email) {
	e.str(m.Address)
	e.dated(m.Dated)
}

func (e *recordEncoder) phone(p Phone) {
	e.str(p.Number)
	e.text(p.Description)
	e.dated(p.Dated)
}

func (e *recordEncoder) organization(o *Organization) {
	e.str(o.ID)
	e.str(o.File)
	e.text(o.Name)
	e.strs(o.AlternateNames)
	e.text(o.Description)
	e.str(o.Kind)
	e.str(o.Status)
	e.text(o.Notice)
	e.link(o.Website)
	e.email(o.Email)
	e.uint(uint64(len(o.Phones)))
	for _, p := range o.Phones {
		e.phone(p)
	}
	e.strs(o.Source)
	e.time(o.Verified)
	e.uint(uint64(len(o.Locations)))
	for i := range o.Locations {
		e.location(&o.Locations[i])
	}
	e.uint(uint64(len(o.Services)))
	for i := range o.Services {
		e.service(&o.Services[i])
	}
}

func (e *recordEncoder) location(l *Location) {
	e.str(l.ID)
	e.text(l.Name)
	e.str(l.Street)
	e.str(l.Postcode)
	e.str(l.City)
	e.str(l.Area)
	e.str(l.Place)
	e.float(l.Lat)
	e.float(l.Lon)
	e.str(l.Wheelchair)
	e.str(l.OpeningHours)
	e.text(l.HoursNote)
	e.text(l.Transport)
	e.time(l.AsOf)
	e.str(l.Source)
	e.time(l.HoursAsOf)
	e.str(l.HoursSource)
}

func (e *recordEncoder) service(s *Service) {
	e.str(s.ID)
	e.text(s.Name)
	e.text(s.Description)
	e.strs(s.Topics)
	e.strs(s.Groups)
	e.strs(s.Languages)
	e.str(s.Cost)
	e.text(s.CostNote)
	e.str(s.Appointment)
	e.text(s.HowToApply)
	e.text(s.WhatToBring)
	e.phone(s.Contact.Phone)
	e.email(s.Contact.Email)
	e.link(s.Contact.URL)
	e.link(s.Contact.BookingURL)
	e.strs(s.Locations)
	e.bool(s.OnlineOnly)
	e.strs(s.Channels)
	e.strs(s.Areas)
	e.strs(s.LimitedTo)
	e.words(s.Keywords)
	e.str(s.Status)
	e.strs(s.ResponsibleFor)
	e.bool(s.FirstContact)
}

// errRecords says a kept file is not of this codec or is damaged.
var errRecords = errors.New("kept records of another format or damaged")

// readStrings slices the table of strings out of one block: every string
// of the records shares it. The block is b itself, not a copy: the table
// of generated 100k is 62 MB, and a copy doubled it while the file's
// bytes waited for the collector (garbage at the moment a warm start is
// ready). So b must never be changed afterwards: its callers read it from
// a file or take it from the encoder, and drop it.
func readStrings(b []byte) ([]string, error) {
	d := recordDecoder{b: b}
	if !d.magic() {
		return nil, errRecords
	}
	n := d.uint()
	if d.err != nil || n > uint64(len(b)) {
		return nil, errRecords
	}
	lens := make([]uint64, n)
	total := uint64(0)
	for i := range lens {
		lens[i] = d.uint()
		total += lens[i]
	}
	if d.err != nil || total != uint64(len(b)-d.pos) {
		return nil, errRecords
	}
	block := unsafe.String(unsafe.SliceData(b[d.pos:]), len(b)-d.pos) // b is never written again
	strs := make([]string, n)
	at := uint64(0)
	for i, l := range lens {
		strs[i] = block[at : at+l]
		at += l
	}
	return strs, nil
}

// readOrganizations decodes a part of the records with the table of
// strings it was written with.
func readOrganizations(b []byte, strs []string) ([]*Organization, error) {
	d := recordDecoder{b: b, strs: strs}
	if !d.magic() {
		return nil, errRecords
	}
	n := d.count()
	orgs := make([]*Organization, 0, n)
	for range n {
		orgs = append(orgs, d.organization())
	}
	if d.err == nil && d.pos != len(b) {
		d.err = errRecords
	}
	if d.err != nil {
		return nil, fmt.Errorf("records: %w", d.err)
	}
	return orgs, nil
}

// recordDecoder reads what recordEncoder wrote; on damaged input it
// notes an error and returns zero values from then on.
type recordDecoder struct {
	b    []byte
	pos  int
	strs []string
	err  error
	// texts and wordLists are the maps decoded so far by their encoding
	// (byLanguage).
	texts     map[uint64]encodedMap[Text]
	wordLists map[uint64]encodedMap[Words]
}

func (d *recordDecoder) magic() bool {
	if len(d.b) < len(recordsMagic) || string(d.b[:len(recordsMagic)]) != recordsMagic {
		return false
	}
	d.pos = len(recordsMagic)
	return true
}

func (d *recordDecoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.err = errRecords
		return 0
	}
	d.pos += n
	return v
}

// count is a length, bounded by the bytes left (each element takes one at
// least), so that damaged input cannot ask for a huge allocation.
func (d *recordDecoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)-d.pos) {
		d.err = errRecords
		return 0
	}
	return int(n)
}

func (d *recordDecoder) str() string {
	id := d.uint()
	if id >= uint64(len(d.strs)) {
		if d.err == nil {
			d.err = errRecords
		}
		return ""
	}
	return d.strs[id]
}

func (d *recordDecoder) strList() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *recordDecoder) bool() bool {
	if d.err != nil || d.pos >= len(d.b) {
		d.err = errRecords
		return false
	}
	v := d.b[d.pos]
	d.pos++
	return v == 1
}

func (d *recordDecoder) time() time.Time {
	s := d.str()
	var t time.Time
	if s != "" {
		if err := t.UnmarshalBinary([]byte(s)); err != nil && d.err == nil {
			d.err = errRecords
		}
	}
	return t
}

func (d *recordDecoder) float() *float64 {
	if !d.bool() {
		return nil
	}
	if d.err != nil || len(d.b)-d.pos < 8 {
		d.err = errRecords
		return nil
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.b[d.pos:]))
	d.pos += 8
	return &f
}

// text decodes a text; its language codes are the package's own strings
// (langKey), as for records decoded from TOML.
func (d *recordDecoder) text() Text {
	if d.texts == nil {
		d.texts = map[uint64]encodedMap[Text]{}
	}
	return byLanguage(d, d.texts, d.str, func() { d.uint() })
}

func (d *recordDecoder) words() Words {
	if d.wordLists == nil {
		d.wordLists = map[uint64]encodedMap[Words]{}
	}
	return byLanguage(d, d.wordLists, d.strList, func() {
		for range d.count() {
			d.uint()
		}
	})
}

// byLanguage decodes a map by language code, nil when empty (as gob and
// the TOML decoder leave an absent one). A map encoded alike before is
// not made again but shared (seen, by a hash of its encoding, compared in
// full): records are never changed once decoded, and where texts repeat
// (a provider's standard texts, the copies of scripts/bench.sh) a map
// each took most of the records' memory (copies 100k: 163 MB of 518 MB
// live).
func byLanguage[M ~map[string]V, V any](d *recordDecoder, seen map[uint64]encodedMap[M], value func() V, skip func()) M {
	start := d.pos
	n := d.count()
	if n == 0 {
		return nil
	}
	for range n {
		d.uint()
		skip()
	}
	if d.err != nil {
		return nil
	}
	end := d.pos
	enc := d.b[start:end]
	h := xxhash.Sum64(enc)
	prev, found := seen[h]
	if found && string(d.b[prev.start:prev.end]) == string(enc) {
		return prev.m
	}
	d.pos = start
	d.count()
	m := make(M, n)
	for range n {
		k := d.str()
		m[langKey(k)] = value()
	}
	if !found && d.err == nil && d.pos == end {
		seen[h] = encodedMap[M]{start, end, m}
	}
	return m
}

// encodedMap is a map decoded from b[start:end] of its part.
type encodedMap[M any] struct {
	start, end int
	m          M
}

func (d *recordDecoder) dated() Dated {
	return Dated{AsOf: d.time(), Source: d.str()}
}

func (d *recordDecoder) link() Link {
	return Link{URL: d.str(), Dated: d.dated()}
}

func (d *recordDecoder) email() Email {
	return Email{Address: d.str(), Dated: d.dated()}
}

func (d *recordDecoder) phone() Phone {
	return Phone{Number: d.str(), Description: d.text(), Dated: d.dated()}
}

func (d *recordDecoder) organization() *Organization {
	o := &Organization{ID: d.str(), File: d.str(), Name: d.text(), AlternateNames: d.strList(),
		Description: d.text(), Kind: d.str(), Status: d.str(), Notice: d.text(), Website: d.link(), Email: d.email()}
	if n := d.count(); n > 0 {
		o.Phones = make([]Phone, n)
		for i := range o.Phones {
			o.Phones[i] = d.phone()
		}
	}
	o.Source, o.Verified = d.strList(), d.time()
	if n := d.count(); n > 0 {
		o.Locations = make([]Location, n)
		for i := range o.Locations {
			d.location(&o.Locations[i])
		}
	}
	if n := d.count(); n > 0 {
		o.Services = make([]Service, n)
		for i := range o.Services {
			d.service(&o.Services[i])
		}
	}
	return o
}

func (d *recordDecoder) location(l *Location) {
	l.ID, l.Name, l.Street, l.Postcode = d.str(), d.text(), d.str(), d.str()
	l.City, l.Area, l.Place = d.str(), d.str(), d.str()
	l.Lat, l.Lon = d.float(), d.float()
	l.Wheelchair, l.OpeningHours, l.HoursNote, l.Transport = d.str(), d.str(), d.text(), d.text()
	l.AsOf, l.Source, l.HoursAsOf, l.HoursSource = d.time(), d.str(), d.time(), d.str()
}

func (d *recordDecoder) service(s *Service) {
	s.ID, s.Name, s.Description = d.str(), d.text(), d.text()
	s.Topics, s.Groups, s.Languages = d.strList(), d.strList(), d.strList()
	s.Cost, s.CostNote, s.Appointment = d.str(), d.text(), d.str()
	s.HowToApply, s.WhatToBring = d.text(), d.text()
	s.Contact.Phone, s.Contact.Email = d.phone(), d.email()
	s.Contact.URL, s.Contact.BookingURL = d.link(), d.link()
	s.Locations, s.OnlineOnly, s.Channels, s.Areas = d.strList(), d.bool(), d.strList(), d.strList()
	s.LimitedTo = d.strList()
	s.Keywords, s.Status, s.ResponsibleFor, s.FirstContact = d.words(), d.str(), d.strList(), d.bool()
}
