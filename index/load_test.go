package index

import (
	"strings"
	"testing"
)

func TestLoadValidFixture(t *testing.T) {
	d := mustLoad(t, nil)
	if len(d.Organizations) != 1 || d.Organizations[0].ID != "beispiel-amt" {
		t.Fatalf("got %d organizations, want beispiel-amt", len(d.Organizations))
	}
	if got := len(d.Organizations[0].Services); got != 1 {
		t.Errorf("got %d services, want 1", got)
	}
}

// Each case breaks one rule in one place; the problem must name the file,
// the line and say what is wrong.
func TestLoadReportsEachProblemWithPosition(t *testing.T) {
	const org = "organizations/beispiel-amt.toml"
	tests := []struct {
		name, old, new string
		file           string
		line           int
		want           string
	}{
		{"toml syntax", `kind = "authority"`, `kind = "authority`, org, 3, "TOML syntax"},
		{"unknown key", `street = "Beispielstraße 7"`, `adress = "Beispielstraße 7"`, org, 14, `unknown key "locations.adress"`},
		{"unknown key in a later service", `[services.contact]`, "keywrods = { de = [\"x\"] }\n[services.contact]", org, 36, `unknown key "services.keywrods"`},
		{"missing German name", `name = { de = "Aufenthaltstitel verlängern", en = "Extend a residence permit" }`, `name = { en = "Extend a residence permit" }`, org, 27, "German text (de) is required"},
		{"missing source", `source = ["https://example.org/quelle"]`, `source = []`, org, 8, "source is required"},
		{"bad service id", `id = "aufenthalt"`, `id = "Aufenthalt_1"`, org, 26, `service id "Aufenthalt_1" must be lowercase`},
		{"unknown topic", `topics = ["residence"]`, `topics = ["residence", "visa"]`, org, 29, `unknown topic "visa"`},
		{"unknown target group", `target_groups = ["refugees"]`, `target_groups = ["fluechtlinge"]`, org, 30, `unknown target group "fluechtlinge"`},
		{"unknown area", `areas = ["braunschweig"]`, `areas = ["hannover"]`, org, 33, `unknown area "hannover"`},
		{"unknown location", `locations = ["amt"]`, `locations = ["rathaus"]`, org, 34, `unknown location "rathaus"`},
		{"language code", `languages = ["de", "en"]`, `languages = ["de", "english"]`, org, 31, `"english" is not an ISO 639-1 language code`},
		{"text language code", `name = { de = "Amt" }`, `name = { de = "Amt", xx = "?" }`, org, 13, `"xx" is not an ISO 639-1 language code`},
		{"url shape", `url = "https://example.org",`, `url = "www.example.org",`, org, 5, "not an http(s) URL"},
		{"email shape", `address = "info@example.org"`, `address = "info(at)example.org"`, org, 6, "not an e-mail address"},
		{"phone shape", `number = "0531 470-1"`, `number = "call us"`, org, 37, "not a phone number"},
		{"bare phone", `phone = { number = "0531 470-1", as_of = 2026-01-15, source = "https://example.org/quelle" }`, `phone = "call us"`, org, 37, "not a phone number"},
		{"fact key", `as_of = 2026-01-15, source = "https://example.org/quelle" }]`, `as_off = 2026-01-15 }]`, org, 7, `unknown key "as_off"`},
		{"fact date type", `url = "https://example.org", as_of = 2026-01-15`, `url = "https://example.org", as_of = "2026"`, org, 5, "as_of must be a date"},
		{"fact date in the future", `url = "https://example.org", as_of = 2026-01-15`, `url = "https://example.org", as_of = 2027-01-15`, org, 5, "in the future"},
		{"fact date without source", `source = "https://example.org/quelle"
hours_as_of`, `hours_as_of`, org, 20, "as_of without source"},
		{"fact source not a URL", `hours_source = "https://example.org/quelle"`, `hours_source = "example.org"`, org, 22, "not an http(s) URL"},
		{"date without its fact", `url = "https://example.org/aufenthalt", as_of`, `as_of`, org, 38, "without the fact it dates"},
		{"coordinates outside the region", `place = "Gartenstadt"`, "lat = 48.13\nlon = 11.57", org, 18, "outside the region"},
		{"unknown place", `place = "Gartenstadt"`, `place = "Atlantis"`, org, 18, `place "Atlantis" is not in geo/places.csv`},
		{"opening hours", `opening_hours = "Mo-Fr 09:00-12:00"`, `opening_hours = "Mo-Fr 9 bis 12"`, org, 19, "opening hours"},
		{"verified in the future", `verified = 2026-01-15`, `verified = 2027-01-15`, org, 9, "in the future"},
		{"enumeration", `cost = "fee"`, `cost = "cheap"`, org, 32, `cost "cheap" is not allowed`},
		{"unknown channel", `cost = "fee"`, "cost = \"fee\"\nchannels = [\"fax\"]", org, 33, `channel "fax" is not one of`},
		{"in person without a place", `locations = ["amt"]`, `channels = ["in-person"]`, org, 34, "in-person needs its locations"},
		{"a remote service on a map", `locations = ["amt"]`, "locations = [\"amt\"]\nchannels = [\"phone\"]", org, 34, "a remote service is not placed on a map"},
		{"postcode", `postcode = "38100"`, `postcode = "3810"`, org, 15, "not five digits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Load(fixtureFS(map[string]string{org: breakOrg(t, tc.old, tc.new)}), testNow)
			errs := problems.Errors()
			for _, p := range errs {
				if p.File == tc.file && p.Line == tc.line && strings.Contains(p.Message, tc.want) {
					return
				}
			}
			t.Errorf("got problems:\n%v\nwant %s:%d: …%s…", errs, tc.file, tc.line, tc.want)
		})
	}
}

func TestLoadDuplicateIDs(t *testing.T) {
	dup := fixtureOrg + `
[[services]]
id = "aufenthalt"
name = { de = "Noch einmal" }
description = { de = "Doppelt." }
topics = ["work"]
areas = ["braunschweig"]
online_only = true
`
	_, problems := Load(fixtureFS(map[string]string{"organizations/beispiel-amt.toml": dup}), testNow)
	want := `duplicate service id "aufenthalt"`
	for _, p := range problems.Errors() {
		if strings.Contains(p.Message, want) && p.Line == 41 {
			return
		}
	}
	t.Errorf("got %v, want %q at line 41", problems, want)
}

// Old, undated and long-unconfirmed facts are warnings, each once and at
// the line an editor has to look at.
func TestLoadAgeWarnings(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		line     int
		want     string
	}{
		{"facts older than 12 months", "as_of = 2026-01-15", "as_of = 2024-03-01", 5, "the oldest is the website of 2024-03-01"},
		{"undated fact", `website = { url = "https://example.org", as_of = 2026-01-15, source = "https://example.org/quelle" }`, `website = "https://example.org"`, 5, `website "https://example.org" is undated`},
		{"existence evidenced only long ago", "2026-01-15", "2021-01-15", 9, "unconfirmed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			org := strings.ReplaceAll(fixtureOrg, tc.old, tc.new)
			if org == fixtureOrg {
				t.Fatalf("fixture has no %q", tc.old)
			}
			_, problems := Load(fixtureFS(map[string]string{"organizations/beispiel-amt.toml": org}), testNow)
			if errs := problems.Errors(); len(errs) > 0 {
				t.Fatalf("got errors %v, want only a warning", errs)
			}
			for _, w := range problems.Warnings() {
				if strings.Contains(w.Message, tc.want) && w.Line == tc.line {
					return
				}
			}
			t.Errorf("got warnings %v, want one at line %d with %q", problems.Warnings(), tc.line, tc.want)
		})
	}
}

func TestLoadBadFileName(t *testing.T) {
	_, problems := Load(fixtureFS(map[string]string{"organizations/Beispiel_Amt.toml": fixtureOrg}), testNow)
	found := false
	for _, p := range problems.Errors() {
		found = found || (p.File == "organizations/Beispiel_Amt.toml" && strings.Contains(p.Message, "organization id"))
	}
	if !found {
		t.Errorf("got %v, want an error about the file name", problems)
	}
}

func TestLoadCollectsAllProblemsAcrossFiles(t *testing.T) {
	_, problems := Load(fixtureFS(map[string]string{
		"organizations/kaputt.toml":  "name = {",
		"organizations/andere.toml":  breakOrg(t, `topics = ["residence"]`, `topics = ["nope"]`),
		"organizations/dritte.toml":  breakOrg(t, `kind = "authority"`, `kind = "authority"`+"\nadress = \"x\""),
		"organizations/notes.txt":    "not a record",
		"organizations/vierte.toml":  breakOrg(t, `address = "info@example.org"`, `address = "x"`),
		"organizations/fuenfte.toml": fixtureOrg,
	}), testNow)
	files := map[string]bool{}
	for _, p := range problems.Errors() {
		files[p.File] = true
	}
	for _, f := range []string{"kaputt.toml", "andere.toml", "dritte.toml", "notes.txt", "vierte.toml"} {
		if !files["organizations/"+f] {
			t.Errorf("no problem reported for %s; got %v", f, problems)
		}
	}
	if files["organizations/fuenfte.toml"] {
		t.Errorf("valid file reported: %v", problems)
	}
}

func TestSyntaxErrorAtEndOfFileHasAPosition(t *testing.T) {
	_, problems := Load(fixtureFS(map[string]string{"organizations/kaputt.toml": "name = { de = \"x\" }\nx = \"\\"}), testNow)
	errs := problems.Errors()
	if len(errs) != 1 || errs[0].Line != 2 || errs[0].Col < 1 {
		t.Fatalf("got %v, want one error on line 2", errs)
	}
	if strings.ContainsRune(errs[0].Message, 0) {
		t.Errorf("message %q carries a NUL byte", errs[0].Message)
	}
}

func TestTypeErrorsHaveALine(t *testing.T) {
	_, problems := Load(fixtureFS(map[string]string{"organizations/typ.toml": breakOrg(t, `cost = "fee"`, `cost = 7`)}), testNow)
	errs := problems.Errors()
	if len(errs) != 1 || errs[0].Line != 32 {
		t.Errorf("got %v, want one error on line 32", errs)
	}
}

func TestEditorFilesAreNotRecords(t *testing.T) {
	_, problems := Load(fixtureFS(map[string]string{
		"organizations/.beispiel-amt.toml.swp": "\x00binary",
		"organizations/beispiel-amt.toml~":     "old",
	}), testNow)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Errorf("editor files were read as records: %v", errs)
	}
}

func TestLoadVocabularyProblems(t *testing.T) {
	dupTopic := fixtureTopics + "\n[[topic]]\nid = \"work\"\nlabel = { en = \"Work again\" }\n"
	_, problems := Load(fixtureFS(map[string]string{"topics.toml": dupTopic}), testNow)
	var got []string
	for _, p := range problems.Errors() {
		got = append(got, p.String())
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		`topics.toml:14:1: error: duplicate topic id "work"`,
		`topics.toml:15:1: error: label: German text (de) is required`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("got\n%s\nwant %s", joined, want)
		}
	}
}

// Every city and district needs its responsible offices when areas.toml
// requires them; a service for a larger area covers the areas inside it.
func TestCoverageOfRequiredOffices(t *testing.T) {
	areas := "required_offices = [\"auslaenderbehoerde\"]\n" + fixtureAreas
	local := breakOrg(t, `areas = ["braunschweig"]`, "areas = [\"braunschweig\"]\nresponsible_for = [\"auslaenderbehoerde\"]")
	_, problems := Load(fixtureFS(map[string]string{"areas.toml": areas, "organizations/beispiel-amt.toml": local}), testNow)
	var got []string
	for _, p := range problems.Errors() {
		got = append(got, p.String())
	}
	want := `areas.toml:10:1: error: area wolfsburg has no responsible auslaenderbehoerde`
	if len(got) != 1 || !strings.Contains(got[0], want) {
		t.Errorf("got %q, want one error %q", got, want)
	}

	regional := breakOrg(t, `areas = ["braunschweig"]`, "areas = [\"region-braunschweig\"]\nresponsible_for = [\"auslaenderbehoerde\"]")
	_, problems = Load(fixtureFS(map[string]string{"areas.toml": areas, "organizations/beispiel-amt.toml": regional}), testNow)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Errorf("a service for the whole region covers its cities: got %v", errs)
	}
	bad := breakOrg(t, `areas = ["braunschweig"]`, "areas = [\"braunschweig\"]\nresponsible_for = [\"konsulat\"]")
	_, problems = Load(fixtureFS(map[string]string{"organizations/beispiel-amt.toml": bad}), testNow)
	if errs := problems.Errors(); len(errs) != 1 || !strings.Contains(errs[0].Message, `"konsulat" is not one of`) {
		t.Errorf("got %v, want an unknown office", errs)
	}
}
