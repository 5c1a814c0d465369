// Package hsdstest validates documents against the official HSDS 3.0
// schemas copied into testdata/hsds-3.0, for the tests of the packages
// that write HSDS (the mapping, the API, the export). Only tests import it.
package hsdstest

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Where the schemas live online; their relative $refs resolve against it.
const (
	base    = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
	openAPI = base + "openapi.json"
)

// Schemas are the compiled HSDS schemas by name: service, service_list,
// organization, organization_list, service_at_location,
// service_at_location_list (compiled/), taxonomy and taxonomy_term
// (schema/), page (the HSDS API's Page schema) and root (the answer of
// GET /).
type Schemas map[string]*jsonschema.Schema

// Load compiles the schemas in dir (testdata/hsds-3.0), asserting formats
// (uuid, email, uri, date-time) as well as structure.
func Load(tb testing.TB, dir string) Schemas {
	tb.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	add := func(url, file string) {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			tb.Fatal(err)
		}
		if strings.HasSuffix(file, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				tb.Fatalf("%s: %v", file, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				tb.Fatalf("%s: %v", file, err)
			}
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		if err := c.AddResource(url, doc); err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
	}
	urls := map[string]string{}
	for _, name := range []string{"service", "service_list", "organization", "organization_list", "service_at_location", "service_at_location_list"} {
		urls[name] = base + "compiled/" + name + ".json"
		add(urls[name], "compiled/"+name+".json.gz")
	}
	for _, name := range []string{"taxonomy", "taxonomy_term", "metadata"} {
		urls[name] = base + name + ".json"
		add(urls[name], "schema/"+name+".json")
	}
	add(openAPI, "openapi.json")
	urls["page"] = openAPI + "#/components/schemas/Page"
	urls["root"] = openAPI + "#/paths/~1/get/responses/200/content/application~1json/schema"
	out := Schemas{}
	for name, url := range urls {
		sch, err := c.Compile(url)
		if err != nil {
			tb.Fatalf("compiling %s: %v", name, err)
		}
		out[name] = sch
	}
	return out
}

// Validate checks one JSON document against the named schema.
func (s Schemas) Validate(name string, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s[name].Validate(v)
}
