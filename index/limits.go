package index

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Size limits of the data (docs/data-format.md, "Limits"). Every replica
// loads the same files, so one oversized file or field would take all of
// them down at once; the limits are far above anything a record needs
// (today's largest organization file is 17 KiB, the largest description
// under 1 KiB, topics.toml 140 KiB) and far below what hurts.
const (
	maxOrgFileBytes   = 256 << 10 // one organization file
	maxVocabFileBytes = 1 << 20   // topics.toml, groups.toml, areas.toml, situations.toml, geo/places.csv
	maxDescription    = 8 << 10   // a description, per language
	maxText           = 2 << 10   // any other text (name, notice, how_to_apply, …), per language
	maxString         = 1 << 10   // any other value: id, address, URL, phone number, keyword, …
	maxList           = 100       // entries of a list (services, locations, sources, topics, …)
)

// listLimits are the lists allowed more entries than maxList.
var listLimits = map[string]int{
	"keywords": 200,  // search keywords of one language
	"places":   1000, // the places an area contains
}

// readLimited reads a data file, or its first limit bytes and a problem at
// the line where the limit is passed: a huge file is never read whole.
func readLimited(fsys fs.FS, file string, limit int) ([]byte, *Problem) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, &Problem{File: file, Message: fmt.Sprintf("cannot read: %v", err)}
	}
	defer f.Close()
	// Read into a buffer of the file's size: reading in growing chunks
	// allocated twice the data (a tenth of loading's bytes).
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() >= 0 && st.Size() <= int64(limit) {
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, int64(limit)+1)); err != nil {
		return nil, &Problem{File: file, Message: fmt.Sprintf("cannot read: %v", err)}
	}
	src := buf.Bytes()
	if len(src) > limit {
		size := "more than " + kib(limit)
		if st, err := f.Stat(); err == nil {
			size = kib(int(st.Size()))
		}
		return nil, &Problem{File: file, Line: bytes.Count(src[:limit], []byte("\n")) + 1, Col: 1,
			Message: fmt.Sprintf("the file is %s, more than the %s allowed (the limit is passed on this line; see docs/data-format.md)", size, kib(limit))}
	}
	return src, nil
}

// limits reports every string, text and list in v (a record or a
// vocabulary entry, found at key) that is longer than its limit.
func (f file) limits(key string, v any) {
	// Room for keys deeper than a record's: the walk appends its parts
	// without allocating.
	at := spot{parts: make([]string, 0, 12), max: maxString}
	if key != "" {
		at.parts = append(at.parts, key)
	}
	f.walkLimits(at, reflect.ValueOf(v), true)
}

// spot is where walkLimits is in a record: the key's parts (for the line),
// the field's TOML name (which chooses a list's limit and names it in a
// message), the language of a text's entry, and the limit of a string
// there. The key and the label are joined only for a message: joining
// them for every field and language was most of the walk's cost.
type spot struct {
	parts      []string
	name, lang string
	max        int
}

// in is the spot of a part below at. The parts of every spot share one
// array, which holds the path of the value being walked: a spot's own
// parts are not written while it is in use, as the walk goes depth first.
func (at spot) in(part string) spot {
	at.parts = append(at.parts, part)
	return at
}

func (at spot) key() string { return strings.Join(at.parts, ".") }

func (at spot) label() string {
	if at.lang != "" {
		return at.name + " (" + at.lang + ")"
	}
	return at.name
}

// walkLimits reports (when report) what in v passes its limit, and says
// whether all of v is within. A map's entries are first checked without
// reporting, in any order; only a map with a value over its limit is
// walked again, in the order of its keys, so that its messages come in a
// stable order.
func (f file) walkLimits(at spot, v reflect.Value, report bool) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return f.walkLimits(at, v.Elem(), report)
		}
	case reflect.Struct:
		t := v.Type()
		ok := true
		for i := range t.NumField() {
			field := t.Field(i)
			tag := field.Tag.Get("toml")
			switch {
			case !field.IsExported() || tag == "-":
			case tag == "":
				// A part of a dated fact: reported at the fact's key.
				ok = f.walkLimits(at, v.Field(i), report) && ok
			default:
				in := at.in(tag)
				in.name, in.lang, in.max = tag, "", maxString
				ok = f.walkLimits(in, v.Field(i), report) && ok
			}
			if !ok && !report {
				return false
			}
		}
		return ok
	case reflect.Map:
		if v.Type() == textType {
			at.max = maxText
			if at.name == "description" {
				at.max = maxDescription
			}
		}
		// One key and one value for the whole map: MapIter's Key and
		// Value allocate a copy of each entry.
		key, value := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for it := v.MapRange(); it.Next(); {
			key.SetIterKey(it)
			value.SetIterValue(it)
			in := at
			in.lang = key.String()
			if !f.walkLimits(in, value, false) {
				if report {
					f.reportMapLimits(at, v)
				}
				return false
			}
		}
	case reflect.Slice:
		if limit := listLimit(at.name); v.Len() > limit {
			if report {
				f.errorf(at.key(), "%s: %d entries, more than the %d allowed (see docs/data-format.md)", at.label(), v.Len(), limit)
			}
			return false
		}
		ok := true
		for i := range v.Len() {
			in := at
			if v.Index(i).Kind() == reflect.Struct {
				in = at.in(strconv.Itoa(i)) // an array of tables, as keyPositions counts them
			}
			ok = f.walkLimits(in, v.Index(i), report) && ok
			if !ok && !report {
				return false
			}
		}
		return ok
	case reflect.String:
		if v.Len() > at.max {
			if report {
				f.errorf(at.key(), "%s: %s, more than the %s allowed (see docs/data-format.md)", at.label(), kib(v.Len()), kib(at.max))
			}
			return false
		}
	}
	return true
}

// reportMapLimits reports what in a map (at its spot, with its limit set)
// passes its limit, in the order of the map's keys.
func (f file) reportMapLimits(at spot, v reflect.Value) {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, lang := range keys {
		in := at
		in.lang = lang.String()
		f.walkLimits(in, v.MapIndex(lang), true)
	}
}

var textType = reflect.TypeFor[Text]()

func listLimit(name string) int {
	if n, ok := listLimits[name]; ok {
		return n
	}
	return maxList
}

// kib writes a size for a person: "9.5 KiB", "50.0 MiB".
func kib(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
}
