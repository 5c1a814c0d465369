package hsds

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Importer builds Wegweiser records from HSDS JSON documents: organization
// and service documents, pages of them, or arrays. Documents in several
// languages (the same ids in each) add texts per language; import German
// first, so that a text that only repeats the German fallback is not
// taken for a translation. What has no place in a record is reported.
type Importer struct {
	vocab  *index.Directory // topics, groups, areas and places to match against
	orgs   map[string]*draft
	order  []string // HSDS organization ids, in the order met
	ids    map[string]bool
	report []string
	// Wegweiser's taxonomies: code by HSDS id, the codes of their terms,
	// and taxonomy and code by a term's HSDS id (in any language).
	taxonomyIDs map[string]string
	terms       map[string]map[string]bool
	termIDs     map[string][2]string
}

// draft is an organization being built, with its parts by HSDS id.
type draft struct {
	org       *index.Organization
	locations map[string]int // HSDS id -> index in org.Locations
	services  map[string]int
}

// NewImporter starts an import; vocab gives the vocabularies the records
// refer to (Wegweiser's own data).
func NewImporter(vocab *index.Directory) *Importer {
	im := &Importer{vocab: vocab, orgs: map[string]*draft{}, ids: map[string]bool{},
		taxonomyIDs: map[string]string{}, terms: map[string]map[string]bool{}, termIDs: map[string][2]string{}}
	for _, tx := range taxonomies(vocab, nil) {
		im.taxonomyIDs[ID("taxonomy", tx.code)] = tx.code
		im.terms[tx.code] = map[string]bool{}
		for _, t := range tx.terms {
			im.terms[tx.code][t.code] = true
			for _, lang := range index.Languages {
				im.termIDs[ID("taxonomy_term", tx.code, t.code, lang)] = [2]string{tx.code, t.code}
			}
		}
	}
	return im
}

// Add reads one JSON file in lang; where names it in the report.
func (im *Importer) Add(b []byte, lang, where string) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%s: not JSON: %w", where, err)
	}
	var docs []any
	switch v := v.(type) {
	case []any:
		docs = v
	case map[string]any:
		if contents, ok := v["contents"].([]any); ok {
			docs = contents // a page of the HSDS API
		} else {
			docs = []any{v}
		}
	default:
		return fmt.Errorf("%s: neither a document nor a list of them", where)
	}
	for i, d := range docs {
		raw, ok := d.(map[string]any)
		if !ok {
			im.notef("%s[%d]: not an object", where, i)
			continue
		}
		im.addDoc(raw, lang, where)
	}
	return nil
}

// addDoc takes an organization document (with its services) or a service
// document (with its organization, or the id of one already read).
func (im *Importer) addDoc(raw map[string]any, lang, where string) {
	switch {
	case raw["status"] != nil:
		var s Service
		im.decode(raw, &s, where+": service "+str(raw["name"]))
		if s.Organization == nil {
			d, ok := im.orgs[s.OrganizationID]
			if !ok {
				im.notef("%s: service %q: its organization %s is not in the input; not imported", where, s.Name, s.OrganizationID)
				return
			}
			im.service(d, s, lang, where)
			return
		}
		d := im.organization(*s.Organization, lang, where)
		im.service(d, s, lang, where)
	case raw["service_id"] != nil || raw["code"] != nil || raw["taxonomy_id"] != nil:
		im.notef("%s: %q is not an organization or a service document; skipped", where, str(raw["id"]))
	default:
		var o Organization
		im.decode(raw, &o, where+": organization "+str(raw["name"]))
		d := im.organization(o, lang, where)
		for _, s := range o.Services {
			im.service(d, s, lang, where)
		}
	}
}

// decode fills v from raw and reports the fields v has no place for, at
// every level of nesting.
func (im *Importer) decode(raw map[string]any, v any, where string) {
	b, _ := json.Marshal(raw)
	if err := json.Unmarshal(b, v); err != nil {
		im.notef("%s: %v", where, err)
	}
	im.unknownFields(raw, reflect.TypeOf(v).Elem(), where)
}

func (im *Importer) unknownFields(raw map[string]any, t reflect.Type, where string) {
	known := map[string]reflect.Type{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		known[name] = t.Field(i).Type
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		ft, ok := known[k]
		switch {
		case isEmpty(v) || k == "taxonomy_term":
			// A term that is not Wegweiser's is reported as a whole by its attribute.
		case !ok:
			im.notef("%s: %s not mapped (no such field in a Wegweiser record): %s", where, k, preview(v))
		default:
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct {
				continue
			}
			for _, item := range objects(v) {
				im.unknownFields(item, ft, where+" "+k)
			}
		}
	}
}

func objects(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

func isEmpty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

func preview(v any) string {
	b, _ := json.Marshal(v)
	if s := string(b); len(s) <= 80 {
		return s
	}
	return string(b[:77]) + "…"
}

func str(v any) string { s, _ := v.(string); return s }

func (im *Importer) notef(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !slices.Contains(im.report, msg) {
		im.report = append(im.report, msg)
	}
}

// Report lists what could not be mapped, in the order met.
func (im *Importer) Report() []string { return im.report }

// Organizations returns the records built, by id.
func (im *Importer) Organizations() []*index.Organization {
	var out []*index.Organization
	for _, id := range im.order {
		out = append(out, im.orgs[id].org)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
