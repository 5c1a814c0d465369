package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds/hsdstest"
)

func mustRun(tb testing.TB, args ...string) string {
	tb.Helper()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), args, &out, &errOut); err != nil {
		tb.Fatalf("wegweiser %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

// TestExportImportRoundTrip exports the real records as HSDS JSON in all
// ten languages, imports them into an empty folder and checks that the
// records are valid, that nothing was reported as unmapped, and that they
// describe the same services: every field of every organization,
// location and service, in every language.
func TestExportImportRoundTrip(t *testing.T) {
	exported, imported := t.TempDir(), t.TempDir()
	mustRun(t, "export", "--format", "hsds-json", "--out", exported)
	report := mustRun(t, "import", "--from", exported, "--out", imported)
	if strings.Contains(report, "Not mapped") {
		t.Errorf("the import of Wegweiser's own export reports unmapped facts:\n%s", report)
	}
	mustRun(t, "check", "--data", imported, "--quiet")

	orig, _ := index.Load(data.FS(), time.Now())
	back, problems := index.Load(os.DirFS(imported), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("imported records: %v", errs)
	}
	if len(back.Organizations) != len(orig.Organizations) {
		t.Fatalf("%d organizations back, %d exported", len(back.Organizations), len(orig.Organizations))
	}
	services := 0
	for i, o := range orig.Organizations {
		b := back.Organizations[i]
		if o.ID != b.ID {
			t.Fatalf("organization %d: %s back as %s", i, o.ID, b.ID)
		}
		a, z := comparable(o), comparable(b)
		if !reflect.DeepEqual(a, z) {
			t.Errorf("%s differs after the round trip:\n%s", o.ID, diff(a, z))
		}
		services += len(o.Services)
	}
	t.Logf("%d organizations and %d services survive export (10 languages) and import", len(orig.Organizations), services)
}

// comparable is a record as it describes its services: without what is
// only about the file (its name, keywords for the search) and with the
// channels as shown (stated or derived), a status "active" as the
// default, and texts that only repeat the German one left out.
func comparable(o *index.Organization) index.Organization {
	c := *o
	c.File = ""
	c.Name, c.Description, c.Notice = texts(c.Name), texts(c.Description), texts(c.Notice)
	c.Phones = slices.Clone(c.Phones)
	for i := range c.Phones {
		c.Phones[i].Description = texts(c.Phones[i].Description)
	}
	c.Locations = slices.Clone(c.Locations)
	for i := range c.Locations {
		l := &c.Locations[i]
		l.Name, l.HoursNote, l.Transport = texts(l.Name), texts(l.HoursNote), texts(l.Transport)
	}
	c.Services = slices.Clone(c.Services)
	for i := range c.Services {
		s := &c.Services[i]
		s.Channels = (index.ServiceRef{Org: o, Service: &o.Services[i]}).Channels()
		s.Keywords = nil
		if s.Status == "active" {
			s.Status = ""
		}
		s.Name, s.Description, s.CostNote = texts(s.Name), texts(s.Description), texts(s.CostNote)
		s.HowToApply, s.WhatToBring = texts(s.HowToApply), texts(s.WhatToBring)
		s.Contact.Phone.Description = texts(s.Contact.Phone.Description)
	}
	if c.Status == "active" {
		c.Status = ""
	}
	return c
}

func texts(t index.Text) index.Text {
	out := index.Text{}
	for lang, s := range t {
		if s != "" && (lang == "de" || s != t["de"]) {
			out[lang] = s
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// diff names the fields that differ, for a readable failure.
func diff(a, b index.Organization) string {
	var out []string
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, "  "+va.Type().Field(i).Name+":\n    exported "+short(va.Field(i).Interface())+"\n    imported "+short(vb.Field(i).Interface()))
		}
	}
	return strings.Join(out, "\n")
}

func short(v any) string {
	s := strings.ReplaceAll(fmt.Sprintf("%+v", v), "\n", " ")
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return s
}

// TestExportJSONValidates: every exported file is a valid HSDS document.
func TestExportJSONValidates(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "export", "--format", "hsds-json", "--out", dir, "--lang", "de,ar")
	schemas := hsdstest.Load(t, "../../testdata/hsds-3.0")
	n := 0
	for _, lang := range []string{"de", "ar"} {
		files, _ := filepath.Glob(filepath.Join(dir, lang, "organizations", "*.json"))
		if len(files) == 0 {
			t.Fatalf("%s: no organization files", lang)
		}
		for _, f := range files {
			b, _ := os.ReadFile(f)
			if err := schemas.Validate("organization", b); err != nil {
				t.Errorf("%s: %v", f, err)
			}
			n++
		}
	}
	t.Logf("%d exported organization documents validated", n)
}

// TestImportKeepsExistingRecords: an import never replaces a record file,
// and bad flags are errors that name the flag.
func TestImportKeepsExistingRecords(t *testing.T) {
	exported, imported := t.TempDir(), t.TempDir()
	mustRun(t, "export", "--format", "hsds-json", "--out", exported, "--lang", "de")
	mustRun(t, "import", "--from", filepath.Join(exported, "de"), "--out", imported)
	path := filepath.Join(imported, "organizations", "caritas-braunschweig.toml")
	if err := os.WriteFile(path, []byte("# edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"import", "--from", exported, "--out", imported}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), ".toml exists; import into a folder without it (nothing was written)") {
		t.Errorf("second import: %v, want a refusal naming the file", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "# edited\n" {
		t.Errorf("the edited record was replaced")
	}
	for args, want := range map[string]string{
		"import --out x":                      "--from and --out are required",
		"import --from x --out y --lang xx":   "--lang",
		"export --out x --format xml":         "--format xml",
		"export --format hsds-csv":            "--out",
		"export --out x --lang de,klingon":    "--lang",
		"import --from /no/such/file --out y": "--from",
	} {
		err := run(context.Background(), strings.Fields(args), &out, &errOut)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("wegweiser %s: %v, want an error about %s", args, err, want)
		}
	}
}
