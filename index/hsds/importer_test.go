package hsds

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
)

func vocabulary(tb testing.TB) *index.Directory {
	tb.Helper()
	d, problems := index.Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatal(errs)
	}
	return d
}

// TestImportOfficialExamples imports documents Wegweiser did not write:
// what fits a record is taken, everything else is in the report.
func TestImportOfficialExamples(t *testing.T) {
	im := NewImporter(vocabulary(t))
	for _, f := range []string{"organization_full.json", "service_full.json", "service_list.json"} {
		b, err := os.ReadFile("../../testdata/hsds-3.0/examples/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if err := im.Add(b, "en", f); err != nil {
			t.Fatal(err)
		}
	}
	orgs := im.Organizations()
	if len(orgs) != 1 || orgs[0].Name["en"] != "Example Organization Inc." || orgs[0].ID != "example-organization-inc" {
		t.Fatalf("organizations %+v, want the one example organization", orgs)
	}
	o := orgs[0]
	if len(o.Services) != 1 || o.Services[0].ID != "community-counselling" || o.Services[0].Cost != "fee" ||
		o.Services[0].Contact.BookingURL.URL != "http://example.com" || len(o.Services[0].Locations) != 1 {
		t.Errorf("service %+v", o.Services)
	}
	if len(o.Locations) != 1 || o.Locations[0].OpeningHours != "Th,Fr 10:00-18:00" || o.Locations[0].City != "MyCity" {
		t.Errorf("location %+v", o.Locations)
	}
	report := strings.Join(im.Report(), "\n")
	for _, want := range []string{
		"service Community Counselling: contacts not mapped", "organization: funding not mapped",
		`attribute "taxonomy: name value" not mapped`, "wait_time not mapped",
		"accessibility",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	t.Logf("%d lines of report", len(im.Report()))
}

func TestImportBadInput(t *testing.T) {
	im := NewImporter(vocabulary(t))
	if err := im.Add([]byte(`{"id": `), "de", "broken.json"); err == nil || !strings.Contains(err.Error(), "broken.json") {
		t.Errorf("broken JSON: %v, want an error naming the file", err)
	}
	if err := im.Add([]byte(`"text"`), "de", "text.json"); err == nil {
		t.Error("a JSON string was taken for a document")
	}
	b := []byte(`{"id":"ac148810-d857-441c-9679-408f346de14b","name":"Lost","status":"active","organization_id":"d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"}`)
	if err := im.Add(b, "de", "lost.json"); err != nil {
		t.Fatal(err)
	}
	if len(im.Organizations()) != 0 || !strings.Contains(strings.Join(im.Report(), "\n"), `service "Lost": its organization d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610 is not in the input`) {
		t.Errorf("a service without its organization: %v", im.Report())
	}
}

// TestImportSchedules: weekly rules become opening hours; what is not a
// weekly rule is reported, and times with a zone are taken as local.
func TestImportSchedules(t *testing.T) {
	im := NewImporter(vocabulary(t))
	doc := `{"id":"d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610","name":"Org","description":"x","locations":[{"id":"a","location_type":"physical",
	"addresses":[{"id":"b","address_1":"Steinweg 1","city":"Braunschweig","state_province":"","postal_code":"38100","country":"DE","address_type":"physical"}],
	"schedules":[{"id":"1","freq":"WEEKLY","byday":"MO,TU","opens_at":"09:00Z","closes_at":"12:30:00Z"},
	{"id":"2","freq":"MONTHLY","byday":"1SA","opens_at":"10:00","closes_at":"12:00","description":"first Saturday"},
	{"id":"3","byday":"WE","opens_at":"14:00","closes_at":"13:00"}]}]}`
	if err := im.Add([]byte(doc), "de", "s.json"); err != nil {
		t.Fatal(err)
	}
	l := im.Organizations()[0].Locations[0]
	if l.OpeningHours != "Mo,Tu 09:00-12:30" || l.Area != "braunschweig" || l.Place != "Braunschweig" {
		t.Errorf("location %+v", l)
	}
	report := strings.Join(im.Report(), "\n")
	for _, want := range []string{"taken as local time in Europe/Berlin", `schedule "first Saturday" not mapped: freq MONTHLY`, `closes_at "13:00" are not a weekly opening span`} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Caritas Braunschweig e.V.":  "caritas-braunschweig-e-v",
		"Ausländerbehörde Göttingen": "auslaenderbehoerde-goettingen",
		"Café Crème – Beratung":      "cafe-creme-beratung",
		"123 Hilfe":                  "organization-123-hilfe",
		"":                           "organization",
		"مكتب":                       "organization",
	} {
		if got := slug(in, "organization"); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
