package index

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// testNow is the reference date of every fixture test.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

const fixtureTopics = `[[topic]]
id = "work"
icon = "briefcase"
label = { de = "Arbeit und Jobsuche", en = "Work and job search", ar = "العمل" }
keywords = { de = ["Job", "Arbeit suchen", "Stelle"], en = ["job", "employment"], ar = ["عمل", "شغل"] }

[[topic]]
id = "residence"
icon = "passport"
label = { de = "Aufenthalt und Visum", en = "Residence and visa", ar = "الإقامة" }
keywords = { de = ["Aufenthaltstitel", "Visum", "Arbeitserlaubnis"], en = ["visa", "residence permit", "work permit"], ar = ["إقامة", "تصريح عمل"], uk = ["віза"] }
`

const fixtureGroups = `[[group]]
id = "refugees"
label = { de = "Geflüchtete", en = "Refugees" }

[[group]]
id = "everyone"
label = { de = "Alle", en = "Everyone" }
`

const fixtureAreas = `[[area]]
id = "braunschweig"
kind = "city"
name = { de = "Braunschweig", en = "Braunschweig" }
centre = "Braunschweig"
places = ["Braunschweig", "Gartenstadt"]

[[area]]
id = "wolfsburg"
kind = "city"
name = { de = "Wolfsburg", en = "Wolfsburg" }
centre = "Wolfsburg"

[[area]]
id = "region-braunschweig"
kind = "region"
name = { de = "Region Braunschweig", en = "Braunschweig region" }
includes = ["braunschweig", "wolfsburg"]
`

const fixturePlaces = `name,lat,lon
Braunschweig,52.26594,10.52673
Gartenstadt,52.23469,10.50574
Wolfsburg,52.4236,10.77597
`

// fixtureOrg is a valid organization; tests break one thing in it at a time.
const fixtureOrg = `name = { de = "Ausländerbehörde Beispielstadt", en = "Immigration office" }
alternate_names = ["Ausländeramt"]
kind = "authority"
description = { de = "Die Behörde für Aufenthaltstitel.", en = "The office for residence permits." }
website = { url = "https://example.org", as_of = 2026-01-15, source = "https://example.org/quelle" }
email = { address = "info@example.org", as_of = 2026-01-15, source = "https://example.org/quelle" }
phones = [{ number = "0531 470-0", description = { de = "Zentrale" }, as_of = 2026-01-15, source = "https://example.org/quelle" }]
source = ["https://example.org/quelle"]
verified = 2026-01-15

[[locations]]
id = "amt"
name = { de = "Amt" }
street = "Beispielstraße 7"
postcode = "38100"
city = "Braunschweig"
area = "braunschweig"
place = "Gartenstadt"
opening_hours = "Mo-Fr 09:00-12:00"
as_of = 2026-01-15
source = "https://example.org/quelle"
hours_as_of = 2026-01-15
hours_source = "https://example.org/quelle"

[[services]]
id = "aufenthalt"
name = { de = "Aufenthaltstitel verlängern", en = "Extend a residence permit" }
description = { de = "Verlängert Aufenthaltstitel und Visa.", en = "Extends residence permits and visas." }
topics = ["residence"]
target_groups = ["refugees"]
languages = ["de", "en"]
cost = "fee"
areas = ["braunschweig"]
locations = ["amt"]

[services.contact]
phone = { number = "0531 470-1", as_of = 2026-01-15, source = "https://example.org/quelle" }
url = { url = "https://example.org/aufenthalt", as_of = 2026-01-15, source = "https://example.org/quelle" }
`

// fixtureFS returns valid data plus the given extra or replaced files.
func fixtureFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"topics.toml":                     {Data: []byte(fixtureTopics)},
		"groups.toml":                     {Data: []byte(fixtureGroups)},
		"areas.toml":                      {Data: []byte(fixtureAreas)},
		"geo/places.csv":                  {Data: []byte(fixturePlaces)},
		"organizations/beispiel-amt.toml": {Data: []byte(fixtureOrg)},
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// synthFS is a synthetic data folder of n services (wegweiser synth,
// seed 1).
func synthFS(tb testing.TB, mode synth.Mode, n int) fstest.MapFS {
	tb.Helper()
	files, err := synth.Generate(data.FS(), mode, n, 1)
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: content}
	}
	return fsys
}

// mustLoad loads fixture data and fails on any error.
func mustLoad(tb testing.TB, files map[string]string) *Directory {
	tb.Helper()
	d, problems := Load(fixtureFS(files), testNow)
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("fixture data has errors:\n%s", errs.Error())
	}
	return d
}

// breakOrg returns fixtureOrg with old replaced by new, failing when old is absent.
func breakOrg(tb testing.TB, old, new string) string {
	tb.Helper()
	if !strings.Contains(fixtureOrg, old) {
		tb.Fatalf("fixture has no %q", old)
	}
	return strings.Replace(fixtureOrg, old, new, 1)
}
