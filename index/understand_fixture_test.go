package index

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// A small world for the query-understanding tests: each organization is
// the right answer to one kind of query of issue 12, and another stands
// in its way (an authority, a body for other trades, the counselling of
// workers for an employer).
const understandTopics = `[[topic]]
id = "work"
label = { de = "Arbeit" }
keywords = { de = ["Arbeit", "Job", "Ausbildung"], ar = ["عمل", "شغل"], uk = ["робота"] }

[[topic]]
id = "residence"
label = { de = "Aufenthalt" }
keywords = { de = ["Aufenthalt", "Visum", "Ausländerbehörde"], uk = ["дозвіл на роботу", "віза"], fa = ["اقامت", "تمدید اقامت"] }

[[topic]]
id = "labour-rights"
label = { de = "Rechte bei der Arbeit" }
keywords = { de = ["Arbeitsrecht"] }

[[topic]]
id = "recognition"
label = { de = "Anerkennung" }
keywords = { de = ["Anerkennung", "Abschluss anerkennen"] }

[[topic]]
id = "arrival"
label = { de = "Ankommen" }
keywords = { de = ["ankommen", "Integration"] }

[[topic]]
id = "anti-discrimination"
label = { de = "Diskriminierung" }
keywords = { de = ["Diskriminierung"] }

[[topic]]
id = "skilled-immigration"
label = { de = "Fachkräfteeinwanderung" }
keywords = { de = ["Fachkräfte aus dem Ausland"] }

[[topic]]
id = "business"
label = { de = "Unternehmen" }
keywords = { de = ["Firma gründen"] }
`

const understandGroups = `[[group]]
id = "employers"
label = { de = "Arbeitgeber" }

[[group]]
id = "everyone"
label = { de = "Alle" }

[[group]]
id = "young-people"
label = { de = "Junge Menschen" }
keywords = { de = ["Jugendliche"] }

[[group]]
id = "eu-workers"
label = { de = "Beschäftigte aus der EU" }
languages = ["pl"]
excludes = ["third-country-nationals"]

[[group]]
id = "third-country-nationals"
label = { de = "Drittstaatsangehörige" }
languages = ["ar"]
excludes = ["eu-workers"]
`

const understandAreas = `[[area]]
id = "braunschweig"
kind = "city"
name = { de = "Braunschweig", uk = "Брауншвейг" }
centre = "Braunschweig"
places = ["Braunschweig"]

[[area]]
id = "lk-peine"
kind = "district"
name = { de = "Landkreis Peine" }
centre = "Peine"
places = ["Peine", "Vechelde"]

[[area]]
id = "region-braunschweig"
kind = "region"
name = { de = "Region Braunschweig" }
centre = "Braunschweig"
includes = ["braunschweig", "lk-peine"]
`

const understandPlaces = `name,lat,lon
Braunschweig,52.26594,10.52673
Peine,52.31928,10.2352
Vechelde,52.26038,10.36491
`

const understandSituations = `[filler]
de = ["Hilfe", "brauche"]

[[situation]]
id = "unpaid-wages"
topics = ["labour-rights"]
intent = "sensitive"
[situation.phrases]
de = ["Chef zahlt nicht", "Lohn nicht bekommen"]
pl = ["szef nie płaci"]

[[situation]]
id = "no-papers"
topics = ["residence"]
intent = "sensitive"
[situation.phrases]
de = ["keine Papiere"]
en = ["no papers"]

[[situation]]
id = "child-alone"
topics = ["arrival"]
groups = ["young-people"]
intent = "sensitive"
[situation.phrases]
de = ["allein angekommen", "unbegleitet"]
en = ["came alone"]

[[situation]]
id = "discrimination"
topics = ["anti-discrimination"]
intent = "sensitive"
[situation.phrases]
de = ["Vermieter will keine Ausländer"]
tr = ["ev sahibi yabancı istemiyor"]

[[situation]]
id = "profession-health"
topics = ["recognition"]
[situation.phrases]
de = ["Apothekerin"]
en = ["pharmacist", "dentist"]
ro = ["asistentă medicală"]

[[situation]]
id = "profession-trades"
topics = ["recognition"]
organizations = ["kammer"]
[situation.phrases]
de = ["Koch", "Köchin"]
en = ["cook", "dental technician"]

[[situation]]
id = "hire"
topics = ["skilled-immigration"]
groups = ["employers"]
intent = "employer"
[situation.phrases]
de = ["Fachkräfte einstellen", "einstellen"]
en = ["hire welders"]

[[situation]]
id = "job-search"
topics = ["work"]
[situation.phrases]
fr = ["je cherche du travail"]
ti = ["ስራሕ እደሊ"]

[[situation]]
id = "interpreting"
topics = ["arrival"]
[situation.phrases]
de = ["Dolmetscher"]
uk = ["перекладач"]
`

// understandOrg is a record with one service; the tests need only what
// ranking reads.
func understandOrg(name, kind, service, topics, groups, areas, locationArea, keywords string) string {
	loc, locs := "", `online_only = true`
	if locationArea != "" {
		place := map[string]string{"braunschweig": "Braunschweig", "lk-peine": "Peine"}[locationArea]
		loc = fmt.Sprintf("\n[[locations]]\nid = \"office\"\ncity = %q\narea = %q\nplace = %q\n", place, locationArea, place)
		locs = `locations = ["office"]`
	}
	return fmt.Sprintf(`name = { de = %q }
kind = %q
description = { de = "Eine Stelle." }
source = ["https://example.org"]
verified = 2026-06-01
%s
[[services]]
id = "s"
name = { de = %q }
description = { de = "Ein Angebot." }
topics = [%s]
target_groups = [%s]
areas = [%s]
%s
keywords = { de = [%s] }
`, name, kind, loc, service, topics, groups, areas, locs, keywords)
}

var understandOrgs = map[string]string{
	"abh":                 understandOrg("Ausländerbehörde", "authority", "Aufenthaltstitel verlängern", `"residence"`, `"everyone"`, `"braunschweig"`, "braunschweig", `"Visum"`),
	"agentur":             understandOrg("Agentur für Arbeit", "authority", "Arbeit suchen", `"work"`, `"everyone"`, `"braunschweig"`, "braunschweig", `"Job"`),
	"rechte":              understandOrg("Beratung Rechte bei der Arbeit", "counselling", "Beratung bei Lohnproblemen", `"labour-rights", "work"`, `"eu-workers"`, `"braunschweig"`, "braunschweig", `"Lohn"`),
	"drittstaaten":        understandOrg("Beratung für Drittstaatsangehörige", "counselling", "Lohnberatung für Drittstaatsangehörige", `"labour-rights", "work"`, `"third-country-nationals", "everyone"`, `"braunschweig"`, "braunschweig", `"Lohn"`),
	"fluchtberatung":      understandOrg("Flüchtlingsberatung", "counselling", "Beratung zum Aufenthalt", `"residence"`, `"everyone"`, `"braunschweig"`, "braunschweig", ``),
	"iq":                  understandOrg("IQ Anerkennungsberatung", "education", "Anerkennungsberatung", `"recognition"`, `"everyone"`, `"region-braunschweig"`, "braunschweig", ``),
	"kammer":              understandOrg("Kammer", "chamber", "Anerkennung für Kammerberufe", `"recognition"`, `"everyone"`, `"region-braunschweig"`, "braunschweig", ``),
	"welcome":             understandOrg("Welcome Center", "counselling", "Beratung für Unternehmen", `"skilled-immigration"`, `"employers"`, `"region-braunschweig"`, "braunschweig", `"einstellen"`),
	"arbeitgeberservice":  understandOrg("Arbeitgeber-Service", "authority", "Arbeitgeber-Service: Personal finden", `"work", "skilled-immigration"`, `"employers"`, `"braunschweig"`, "braunschweig", `"Arbeitgeber", "einstellen"`),
	"vermittlung":         understandOrg("Arbeitsvermittlung", "authority", "Arbeit suchen und Fachkräfte finden", `"skilled-immigration", "work"`, `"everyone", "employers"`, `"braunschweig"`, "braunschweig", `"einstellen"`),
	"lotsen":              understandOrg("Integrationslotsen Peine", "counselling", "Lotsen für Neuzugewanderte", `"arrival", "work"`, `"everyone"`, `"lk-peine"`, "lk-peine", ``),
	"agentur-peine":       understandOrg("Agentur für Arbeit für Peine", "authority", "Arbeitsvermittlung", `"work"`, `"everyone"`, `"lk-peine"`, "braunschweig", ``),
	"wirtschaft":          understandOrg("Wirtschaftsförderung", "economic-development", "Service für Unternehmen", `"business"`, `"employers"`, `"braunschweig"`, "braunschweig", ``),
	"ausland":             understandOrg("Beratung vor der Einreise", "counselling", "Arbeiten in Deutschland", `"skilled-immigration"`, `"everyone"`, `"region-braunschweig"`, "braunschweig", ``),
	"antidiskriminierung": understandOrg("Antidiskriminierungsstelle", "education", "Beratung bei Diskriminierung", `"anti-discrimination"`, `"everyone"`, `"braunschweig"`, "braunschweig", ``),
	"stadt":               understandOrg("Stadt", "authority", "Integrationsbüro", `"arrival", "anti-discrimination"`, `"everyone"`, `"braunschweig"`, "braunschweig", ``),
	"jugend":              understandOrg("Jugendhilfe", "counselling", "Begleitung unbegleiteter Jugendlicher", `"arrival"`, `"young-people"`, `"braunschweig"`, "braunschweig", ``),
	"peine":               understandOrg("Migrationsberatung Peine", "counselling", "Integration in Peine", `"arrival"`, `"everyone"`, `"lk-peine"`, "lk-peine", ``),
	"dolmetsch":           understandOrg("Dolmetscherdienst", "counselling", "Dolmetscher für Termine", `"arrival"`, `"everyone"`, `"region-braunschweig"`, "braunschweig", ``),
}

// understandIndex builds the small world's index.
func understandIndex(tb testing.TB) *Index { return understandIndexWith(tb, nil) }

// understandIndexWith builds it with some organizations' records replaced
// (by id).
func understandIndexWith(tb testing.TB, replaced map[string]string) *Index {
	tb.Helper()
	files := map[string]string{
		"topics.toml": understandTopics, "groups.toml": understandGroups, "areas.toml": understandAreas,
		"geo/places.csv": understandPlaces, "situations.toml": understandSituations,
	}
	for id, text := range understandOrgs {
		if r, ok := replaced[id]; ok {
			text = r
		}
		files["organizations/"+id+".toml"] = text
	}
	fsys := fixtureFS(files)
	delete(fsys, "organizations/beispiel-amt.toml")
	d, problems := Load(fsys, testNow)
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatalf("understanding fixture has errors:\n%s", errs.Error())
	}
	ix, err := New(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// ranked returns the organizations a query finds, best first.
func ranked(tb testing.TB, ix *Index, q string) []string {
	tb.Helper()
	res, err := ix.Search(context.Background(), Query{Text: q, Lang: "de", Page: 1, Limit: 20})
	if err != nil {
		tb.Fatalf("%q: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		if !containsString(out, h.Org.ID) {
			out = append(out, h.Org.ID)
		}
	}
	return out
}

func rankOf(orgs []string, id string) int {
	for i, o := range orgs {
		if o == id {
			return i + 1
		}
	}
	return 0
}

func orgList(orgs []string) string { return strings.Join(orgs, ", ") }
