package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
)

// referencePath is the readable API reference and open-data page, rendered
// by the server from openapi.json: no script, no third-party request.
const referencePath = "/open-data"

//go:embed reference.gohtml
var referenceTemplateText string

var referenceTemplate = template.Must(template.New("reference").Funcs(template.FuncMap{"md": inlineMarkdown}).Parse(referenceTemplateText))

// oaDoc is the part of an OpenAPI document the reference shows.
type oaDoc struct {
	Info struct {
		Title, Summary, Description string
		License                     struct{ Name, Identifier string }
	}
	Tags       []struct{ Name, Description string }
	Paths      map[string]map[string]oaOperation
	Components struct {
		Schemas    map[string]*oaSchema
		Parameters map[string]oaParam
		Responses  map[string]oaResponse
	}
}

type oaOperation struct {
	Summary, Description string
	Tags                 []string
	Parameters           []oaParam
	Responses            map[string]oaResponse
}

type oaParam struct {
	Ref                   string `json:"$ref"`
	Name, In, Description string
	Required              bool
	Schema                *oaSchema
}

type oaResponse struct {
	Ref         string `json:"$ref"`
	Description string
	Content     map[string]struct{ Schema *oaSchema }
}

type oaSchema struct {
	Ref                  string `json:"$ref"`
	Type, Format         string
	Description, Pattern string
	Enum                 []any
	Const, Default       any
	Minimum, Maximum     *float64
	Items                *oaSchema
	Properties           map[string]*oaSchema
	Required             []string
}

// The reference page's view of the document.
type (
	refPage struct {
		Title, Summary, Description, License string
		Tags                                 []refTag
		Schemas                              []refSchema
	}
	refTag struct {
		Name, Description string
		Ops               []refOp
	}
	refOp struct {
		Path, Anchor, Summary, Description string
		Params                             []refField
		Responses                          []refField
	}
	refSchema struct {
		Name, Description string
		Fields            []refField
	}
	// refField is a row of a table: a parameter, a response or a property.
	refField struct {
		Name, Description string
		Type              template.HTML
		Required          bool
	}
)

// renderReference turns an OpenAPI document into the reference's HTML.
func renderReference(raw []byte) (template.HTML, error) {
	var doc oaDoc
	if err := json.Unmarshal(raw, &doc); err != nil {
		return "", fmt.Errorf("openapi.json: %w", err)
	}
	page := refPage{Title: doc.Info.Title, Summary: doc.Info.Summary, Description: doc.Info.Description, License: doc.Info.License.Name}
	for _, t := range doc.Tags {
		page.Tags = append(page.Tags, refTag{Name: t.Name, Description: t.Description, Ops: doc.operations(t.Name)})
	}
	for _, name := range sortedKeys(doc.Components.Schemas) {
		s := doc.Components.Schemas[name]
		page.Schemas = append(page.Schemas, refSchema{Name: name, Description: s.Description, Fields: s.fields("")})
	}
	var buf bytes.Buffer
	if err := referenceTemplate.Execute(&buf, page); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // html/template escaped every value
}

// operations lists the GET operations of a tag, in path order.
func (d *oaDoc) operations(tag string) []refOp {
	var out []refOp
	for _, path := range sortedKeys(d.Paths) {
		op, ok := d.Paths[path]["get"]
		if !ok || len(op.Tags) == 0 || op.Tags[0] != tag {
			continue
		}
		ro := refOp{Path: path, Anchor: anchor(path), Summary: op.Summary, Description: op.Description}
		for _, p := range op.Parameters {
			if p.Ref != "" {
				p = d.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
			ro.Params = append(ro.Params, refField{Name: p.Name, Description: p.Description, Type: p.Schema.typeHTML(), Required: p.Required})
		}
		for _, status := range sortedKeys(op.Responses) {
			r := op.Responses[status]
			if r.Ref != "" {
				r = d.Components.Responses[strings.TrimPrefix(r.Ref, "#/components/responses/")]
			}
			f := refField{Name: status, Description: r.Description}
			if c, ok := r.Content["application/json"]; ok {
				f.Type = c.Schema.typeHTML()
			}
			ro.Responses = append(ro.Responses, f)
		}
		out = append(out, ro)
	}
	return out
}

// fields flattens an object's properties into rows; nested objects and
// arrays of objects become dotted names (error.code, topics[].id).
func (s *oaSchema) fields(prefix string) []refField {
	var out []refField
	for _, name := range sortedKeys(s.Properties) {
		p := s.Properties[name]
		out = append(out, refField{Name: prefix + name, Description: p.Description, Type: p.typeHTML(), Required: slices.Contains(s.Required, name)})
		switch {
		case p.Properties != nil:
			out = append(out, p.fields(prefix+name+".")...)
		case p.Items != nil && p.Items.Properties != nil:
			out = append(out, p.Items.fields(prefix+name+"[].")...)
		}
	}
	return out
}

// typeHTML describes a schema in a few words, linking named schemas.
func (s *oaSchema) typeHTML() template.HTML {
	if s == nil {
		return ""
	}
	if name, ok := strings.CutPrefix(s.Ref, "#/components/schemas/"); ok {
		e := template.HTMLEscapeString(name)
		return template.HTML(`<a href="#schema-` + e + `">` + e + `</a>`)
	}
	if s.Type == "array" {
		return "array of " + s.Items.typeHTML()
	}
	words := []string{template.HTMLEscapeString(s.Type)}
	if s.Format != "" {
		words[0] += " (" + template.HTMLEscapeString(s.Format) + ")"
	}
	if s.Minimum != nil || s.Maximum != nil {
		words = append(words, template.HTMLEscapeString(bounds(s.Minimum, s.Maximum)))
	}
	if len(s.Enum) > 0 {
		var vals []string
		for _, v := range s.Enum {
			vals = append(vals, "<code>"+template.HTMLEscapeString(fmt.Sprint(v))+"</code>")
		}
		words = append(words, "one of "+strings.Join(vals, ", "))
	}
	if s.Const != nil {
		words = append(words, "always <code>"+template.HTMLEscapeString(fmt.Sprint(s.Const))+"</code>")
	}
	if s.Default != nil {
		words = append(words, "default <code>"+template.HTMLEscapeString(fmt.Sprint(s.Default))+"</code>")
	}
	return template.HTML(strings.Join(words, ", "))
}

// anchor is a fragment id for a path: /api/v1/services/{org} becomes
// api-v1-services-org.
func anchor(path string) string {
	return strings.Trim(strings.NewReplacer("/", "-", "{", "", "}", "", ".", "-").Replace(path), "-")
}

func bounds(lo, hi *float64) string {
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf("%g to %g", *lo, *hi)
	case lo != nil:
		return fmt.Sprintf("at least %g", *lo)
	}
	return fmt.Sprintf("at most %g", *hi)
}

// inlineMarkdown escapes text and shows `code` spans as code: the only
// markup the document's descriptions use.
func inlineMarkdown(s string) template.HTML {
	parts := strings.Split(template.HTMLEscapeString(s), "`")
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString("<code>" + p + "</code>")
			continue
		}
		if i%2 == 1 {
			b.WriteString("`") // an unpaired backtick stays as it is
		}
		b.WriteString(p)
	}
	return template.HTML(b.String())
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
