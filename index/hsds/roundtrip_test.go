package hsds

import (
	"encoding/json"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// withRecord is Wegweiser's vocabularies plus one record.
func withRecord(tb testing.TB, file string) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"topics.toml", "groups.toml", "areas.toml", "geo/places.csv"} {
		b, err := fs.ReadFile(data.FS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	fsys["organizations/every-field.toml"] = &fstest.MapFile{Data: b}
	return fsys
}

// recordProblems are the problems of the record's own file (a folder with
// one record also lacks the offices every area needs).
func recordProblems(p index.Problems) []string {
	var out []string
	for _, x := range p {
		if strings.HasPrefix(x.File, "organizations/") && !x.Warning {
			out = append(out, x.String())
		}
	}
	return out
}

// TestEveryFieldRoundTrip maps a record with every field to HSDS JSON in
// three languages, imports it back, writes it as TOML, reads that, and
// expects the same record.
func TestEveryFieldRoundTrip(t *testing.T) {
	d, problems := index.Load(withRecord(t, "testdata/every-field.toml"), time.Now())
	if errs := recordProblems(problems); len(errs) > 0 {
		t.Fatalf("fixture: %v", errs)
	}
	labels, err := ReadLabels(static.FS())
	if err != nil {
		t.Fatal(err)
	}
	m := New(d, labels)
	im := NewImporter(d)
	for _, lang := range []string{"de", "en", "ar", "uk"} {
		b, _ := json.Marshal(m.Organization(d.Organizations[0], lang, orgFullService))
		if err := im.Add(b, lang, lang); err != nil {
			t.Fatal(err)
		}
	}
	if r := im.Report(); len(r) > 0 {
		t.Errorf("report: %q", r)
	}
	dir := t.TempDir()
	if _, err := WriteRecords(dir, im.Organizations()); err != nil {
		t.Fatal(err)
	}
	written, _ := os.ReadFile(dir + "/organizations/every-field.toml")
	back, problems := index.Load(withRecord(t, dir+"/organizations/every-field.toml"), time.Now())
	if errs := recordProblems(problems); len(errs) > 0 {
		t.Fatalf("written record: %v\n%s", errs, written)
	}
	want, got := *d.Organizations[0], *back.Organizations[0]
	want.Services = append([]index.Service(nil), want.Services...)
	for i := range want.Services {
		want.Services[i].Keywords = nil // search words: no HSDS field
		// Channels go out as shown (stated or derived) and come back stated.
		want.Services[i].Channels = index.ServiceRef{Org: d.Organizations[0], Service: &d.Organizations[0].Services[i]}.Channels()
	}
	if !reflect.DeepEqual(want, got) {
		for _, f := range []string{"Name", "Phones", "Locations", "Services", "Notice", "Source", "Website", "Email"} {
			if a, b := reflect.ValueOf(want).FieldByName(f).Interface(), reflect.ValueOf(got).FieldByName(f).Interface(); !reflect.DeepEqual(a, b) {
				t.Errorf("%s:\n exported %+v\n imported %+v", f, a, b)
			}
		}
		t.Errorf("the record differs after the round trip; written:\n%s", written)
	}
}

// TestClosedOrganizationRoundTrip: a defunct organization's services are
// defunct in HSDS, and come back as the organization's status, not their
// own.
func TestClosedOrganizationRoundTrip(t *testing.T) {
	d, _ := index.Load(withRecord(t, "testdata/every-field.toml"), time.Now())
	o := d.Organizations[0]
	o.Status = "defunct"
	m := New(d, nil)
	svc := m.Service(index.ServiceRef{Org: o, Service: &o.Services[1]}, "de", true)
	if svc.Status != "defunct" {
		t.Errorf("service status %q, want the organization's defunct", svc.Status)
	}
	im := NewImporter(d)
	b, _ := json.Marshal(m.Organization(o, "de", orgFullService))
	if err := im.Add(b, "de", "test"); err != nil {
		t.Fatal(err)
	}
	back := im.Organizations()[0]
	if back.Status != "defunct" || back.Services[1].Status != "" || back.Services[0].Status != "" {
		t.Errorf("back: organization %q, services %q and %q; want defunct, and the services without a status of their own",
			back.Status, back.Services[0].Status, back.Services[1].Status)
	}
	if r := im.Report(); len(r) > 0 {
		t.Errorf("report: %q", r)
	}
}
