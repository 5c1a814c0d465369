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
		{"unknown key in a later service", `[services.contact]`, "keywrods = { de = [\"x\"] }\n[services.contact]", org, 32, `unknown key "services.keywrods"`},
		{"missing German name", `name = { de = "Aufenthaltstitel verlängern", en = "Extend a residence permit" }`, `name = { en = "Extend a residence permit" }`, org, 23, "German text (de) is required"},
		{"missing source", `source = ["https://example.org/quelle"]`, `source = []`, org, 8, "source is required"},
		{"bad service id", `id = "aufenthalt"`, `id = "Aufenthalt_1"`, org, 22, `service id "Aufenthalt_1" must be lowercase`},
		{"unknown topic", `topics = ["residence"]`, `topics = ["residence", "visa"]`, org, 25, `unknown topic "visa"`},
		{"unknown target group", `target_groups = ["refugees"]`, `target_groups = ["fluechtlinge"]`, org, 26, `unknown target group "fluechtlinge"`},
		{"unknown area", `areas = ["braunschweig"]`, `areas = ["hannover"]`, org, 29, `unknown area "hannover"`},
		{"unknown location", `locations = ["amt"]`, `locations = ["rathaus"]`, org, 30, `unknown location "rathaus"`},
		{"language code", `languages = ["de", "en"]`, `languages = ["de", "english"]`, org, 27, `"english" is not an ISO 639-1 language code`},
		{"text language code", `name = { de = "Amt" }`, `name = { de = "Amt", xx = "?" }`, org, 13, `"xx" is not an ISO 639-1 language code`},
		{"url shape", `website = "https://example.org"`, `website = "www.example.org"`, org, 5, "not an http(s) URL"},
		{"email shape", `email = "info@example.org"`, `email = "info(at)example.org"`, org, 6, "not an e-mail address"},
		{"phone shape", `phone = "0531 470-1"`, `phone = "call us"`, org, 33, "not a phone number"},
		{"coordinates outside the region", `place = "Gartenstadt"`, "lat = 48.13\nlon = 11.57", org, 18, "outside the region"},
		{"unknown place", `place = "Gartenstadt"`, `place = "Atlantis"`, org, 18, `place "Atlantis" is not in geo/places.csv`},
		{"opening hours", `opening_hours = "Mo-Fr 09:00-12:00"`, `opening_hours = "Mo-Fr 9 bis 12"`, org, 19, "opening hours"},
		{"verified in the future", `verified = 2026-01-15`, `verified = 2027-01-15`, org, 9, "in the future"},
		{"enumeration", `cost = "fee"`, `cost = "cheap"`, org, 28, `cost "cheap" is not allowed`},
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
		if strings.Contains(p.Message, want) && p.Line == 37 {
			return
		}
	}
	t.Errorf("got %v, want %q at line 37", problems, want)
}

func TestLoadStaleIsAWarningOnly(t *testing.T) {
	stale := breakOrg(t, `verified = 2026-01-15`, `verified = 2024-03-01`)
	_, problems := Load(fixtureFS(map[string]string{"organizations/beispiel-amt.toml": stale}), testNow)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("got errors %v, want only a warning", errs)
	}
	if w := problems.Warnings(); len(w) != 1 || !strings.Contains(w[0].Message, "not verified for over 12 months") || w[0].Line != 9 {
		t.Errorf("got warnings %v, want one at line 9", w)
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
		"organizations/vierte.toml":  breakOrg(t, `email = "info@example.org"`, `email = "x"`),
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
	if len(errs) != 1 || errs[0].Line != 28 {
		t.Errorf("got %v, want one error on line 28", errs)
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
