package hsds

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
)

// hsdsDatapackage is Open Referral's package descriptor of HSDS 3.0
// (datapackage.json of openreferral/specification, branch 3.0, commit
// 279fd2e; CC BY-SA 4.0, "Human Services Data Specification: an Open
// Referral resource"). HSDS asks publishers to use it rather than write
// their own: every table's file name and columns come from it.
//
//go:embed hsds-datapackage.json
var hsdsDatapackage []byte

// tableOf names the HSDS table of the objects under a JSON key.
var tableOf = map[string]string{
	"phones": "phone", "locations": "location", "services": "service", "organization_identifiers": "organization_identifier",
	"attributes": "attribute", "metadata": "metadata", "schedules": "schedule", "service_areas": "service_area",
	"service_at_locations": "service_at_location", "languages": "language", "organization": "organization",
	"cost_options": "cost_option", "required_documents": "required_document", "addresses": "address",
	"accessibility": "accessibility", "location": "location", "service": "service", "taxonomy_term": "taxonomy_term",
	"taxonomy_detail": "taxonomy", "contacts": "contact", "funding": "funding", "program": "program",
}

// tables collects the rows of each table, each object once (by id).
type tables struct {
	rows map[string][]map[string]any
	seen map[string]map[string]bool
}

// add flattens an object of table into rows: its scalar fields here, its
// nested objects into their own tables (they carry their foreign keys).
func (t *tables) add(table string, v any) {
	b, _ := json.Marshal(v) // the documents are plain structs
	var obj map[string]any
	if json.Unmarshal(b, &obj) != nil {
		return
	}
	t.addObject(table, obj)
}

func (t *tables) addObject(table string, obj map[string]any) {
	id, _ := obj["id"].(string)
	if t.seen[table] == nil {
		t.seen[table] = map[string]bool{}
	}
	if !t.seen[table][id] {
		t.seen[table][id] = true
		t.rows[table] = append(t.rows[table], obj)
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		child, ok := tableOf[k]
		if !ok {
			continue
		}
		switch v := obj[k].(type) {
		case map[string]any:
			t.addObject(child, v)
		case []any:
			for _, item := range v {
				if o, ok := item.(map[string]any); ok {
					t.addObject(child, o)
				}
			}
		}
	}
}

// ExportCSV writes the directory as a Frictionless tabular data package
// per language: dir/<lang>/<table>.csv and datapackage.json, whose
// resources are HSDS's own, for the tables Wegweiser fills.
func (m *Mapper) ExportCSV(dir string, langs []string) (Written, error) {
	var w Written
	var spec struct{ Resources []resource }
	if err := json.Unmarshal(hsdsDatapackage, &spec); err != nil {
		return w, fmt.Errorf("hsds-datapackage.json: %w", err)
	}
	for _, lang := range langs {
		t := &tables{rows: map[string][]map[string]any{}, seen: map[string]map[string]bool{}}
		for _, o := range m.dir.Organizations {
			t.add("organization", m.Organization(o, lang, orgFullService))
		}
		for _, tx := range m.Taxonomies() {
			t.add("taxonomy", tx)
		}
		for _, tm := range m.Terms("") {
			t.add("taxonomy_term", tm)
		}
		var resources []resource
		for _, r := range spec.Resources {
			rows := t.rows[r.Name]
			if len(rows) == 0 {
				continue
			}
			b, err := r.csv(rows)
			if err != nil {
				return w, err
			}
			if err := w.write(filepath.Join(dir, lang, r.Path), b); err != nil {
				return w, err
			}
			resources = append(resources, r.describe(rows))
		}
		if err := w.writeJSON(filepath.Join(dir, lang, "datapackage.json"), descriptor(lang, resources)); err != nil {
			return w, err
		}
	}
	return w, nil
}

// resource is a table of HSDS's descriptor; the parts Wegweiser reads are
// typed, the rest is kept as it is.
type resource struct {
	Name    string `json:"name"`
	Path    string `json:"path"`
	Profile string `json:"profile,omitempty"`
	Format  string `json:"format,omitempty"`
	Schema  struct {
		Fields      []map[string]any `json:"fields"`
		PrimaryKey  any              `json:"primaryKey,omitempty"`
		ForeignKeys any              `json:"foreignKeys,omitempty"`
	} `json:"schema"`
	Description string `json:"description,omitempty"`
	Mediatype   string `json:"mediatype,omitempty"`
	Encoding    string `json:"encoding,omitempty"`
}

func (r resource) fieldNames() []string {
	out := make([]string, len(r.Schema.Fields))
	for i, f := range r.Schema.Fields {
		out[i], _ = f["name"].(string)
	}
	return out
}

// csv writes the rows under HSDS's columns, in HSDS's order.
func (r resource) csv(rows []map[string]any) ([]byte, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	names := r.fieldNames()
	if err := cw.Write(names); err != nil {
		return nil, err
	}
	for _, row := range rows {
		rec := make([]string, len(names))
		for i, n := range names {
			rec[i] = cell(row[n])
		}
		if err := cw.Write(rec); err != nil {
			return nil, err
		}
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

// describe is the resource as this package declares it: HSDS's, except
// that a required column Wegweiser leaves empty where a fact is unknown
// (an address without street, a fact dated by no source) is declared not
// required, and says so, rather than filled with a guess.
func (r resource) describe(rows []map[string]any) resource {
	r.Encoding = "utf-8"
	fields := make([]map[string]any, len(r.Schema.Fields))
	for i, f := range r.Schema.Fields {
		f = cloneMap(f)
		c, _ := f["constraints"].(map[string]any)
		if req, _ := c["required"].(bool); req {
			empty := 0
			for _, row := range rows {
				if cell(row[f["name"].(string)]) == "" {
					empty++
				}
			}
			if empty > 0 {
				c = cloneMap(c)
				c["required"] = false
				f["constraints"] = c
				f["description"] = fmt.Sprintf("%v Wegweiser: empty where not known (%d of %d rows); HSDS requires it.", f["description"], empty, len(rows))
			}
		}
		fields[i] = f
	}
	r.Schema.Fields = fields
	return r
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// descriptor is the data package of one language.
func descriptor(lang string, resources []resource) map[string]any {
	return map[string]any{
		"profile": "tabular-data-package",
		"name":    "wegweiser-hsds-" + lang,
		"title":   "Wegweiser Region Braunschweig: support services for labour migration (HSDS 3.0, " + lang + ")",
		"description": "Organizations, services, locations and their contact facts, each fact with the date and URL of the source that states it (metadata). " +
			"Texts are in language " + lang + " where the record has them, else German. Table schemas from Open Referral's HSDS 3.0 datapackage.json.",
		"licenses": []map[string]string{{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
			"title": "Creative Commons Attribution 4.0 International (the records)"}},
		"sources": []map[string]string{{"title": "Open Referral HSDS 3.0 datapackage.json (table schemas; CC BY-SA 4.0)",
			"path": "https://github.com/openreferral/specification/blob/3.0/datapackage.json"}},
		"resources": resources,
	}
}
