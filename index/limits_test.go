package index

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Each case makes one field or list of the fixture too long; the problem
// names the file and the field's line, and the data is invalid.
func TestLoadRejectsOversizedFields(t *testing.T) {
	const org = "organizations/beispiel-amt.toml"
	long := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name, old, new string
		line           int
		want           string
	}{
		{"description", `description = { de = "Die Behörde für Aufenthaltstitel.", en`,
			`description = { de = "` + long(maxDescription+1) + `", en`, 4, "description (de): 8.0 KiB, more than the 8.0 KiB allowed"},
		{"service description in Arabic", `description = { de = "Verlängert Aufenthaltstitel und Visa.",`,
			`description = { ar = "` + strings.Repeat("ع", 5000) + `", de = "Verlängert Aufenthaltstitel und Visa.",`, 28, "description (ar): 9.8 KiB"},
		{"name", `name = { de = "Ausländerbehörde Beispielstadt", en`, `name = { de = "` + long(maxText+1) + `", en`, 1, "name (de): 2.0 KiB, more than the 2.0 KiB allowed"},
		{"how to apply", `topics = ["residence"]`, "topics = [\"residence\"]\nhow_to_apply = { de = \"" + long(maxText+10) + "\" }", 30, "how_to_apply (de)"},
		{"street", `street = "Beispielstraße 7"`, `street = "` + long(maxString+1) + `"`, 14, "street: 1.0 KiB, more than the 1.0 KiB allowed"},
		{"a dated fact's URL", `url = "https://example.org",`, `url = "https://example.org/` + long(maxString) + `",`, 5, "website: 1.0 KiB"},
		{"sources", `source = ["https://example.org/quelle"]`, `source = [` + strings.Repeat(`"https://example.org/quelle", `, maxList+1) + `]`, 8, "source: 101 entries, more than the 100 allowed"},
		{"keywords of one language", `topics = ["residence"]`, "topics = [\"residence\"]\nkeywords = { de = [" + strings.Repeat(`"Visum", `, 201) + "] }", 30, "keywords (de): 201 entries, more than the 200 allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Load(fixtureFS(map[string]string{org: breakOrg(t, tc.old, tc.new)}), testNow)
			for _, p := range problems.Errors() {
				if p.File == org && p.Line == tc.line && strings.Contains(p.Message, tc.want) {
					return
				}
			}
			t.Errorf("got problems:\n%v\nwant %s:%d: …%s…", problems, org, tc.line, tc.want)
		})
	}
}

// endless is a file of `key = 1` lines that never ends, for a file far
// larger than any limit: Load must not try to read it whole.
type endless struct{ read int }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "k = 1\n"[(e.read+i)%6]
	}
	e.read += len(p)
	return len(p), nil
}
func (e *endless) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (e *endless) Close() error               { return nil }

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "huge.toml" }
func (endlessInfo) Size() int64        { return 50 << 20 }
func (endlessInfo) Mode() fs.FileMode  { return 0o644 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

// hugeFS is the fixture with one endless file at name.
type hugeFS struct {
	fstest.MapFS
	name string
	file *endless
}

func (h hugeFS) Open(name string) (fs.File, error) {
	if name == h.name {
		return h.file, nil
	}
	return h.MapFS.Open(name)
}

func TestLoadRejectsOversizedFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		limit int
	}{{"organizations/huge.toml", maxOrgFileBytes}, {"topics.toml", maxVocabFileBytes}, {"geo/places.csv", maxVocabFileBytes}} {
		t.Run(tc.name, func(t *testing.T) {
			h := hugeFS{MapFS: fixtureFS(nil), name: tc.name, file: &endless{}}
			if tc.name == "organizations/huge.toml" {
				h.MapFS[tc.name] = &fstest.MapFile{} // listed by Glob; opened through h
			}
			_, problems := Load(h, testNow)
			want := fmt.Sprintf("%s:%d:1: error: the file is 50.0 MiB, more than the %s allowed", tc.name, tc.limit/6+1, kib(tc.limit))
			if !strings.Contains(fmt.Sprint(problems), want) {
				t.Errorf("got problems:\n%v\nwant %s", problems, want)
			}
			if h.file.read > tc.limit+64<<10 {
				t.Errorf("read %d bytes of the file, want about the limit %d", h.file.read, tc.limit)
			}
		})
	}
}

func TestLoadCapsProblemsPerFile(t *testing.T) {
	const org = "organizations/beispiel-amt.toml"
	var unknown strings.Builder
	for i := range 500 {
		fmt.Fprintf(&unknown, "unknown_%d = 1\n", i)
	}
	_, problems := Load(fixtureFS(map[string]string{org: unknown.String() + fixtureOrg}), testNow)
	var inFile Problems
	for _, p := range problems {
		if p.File == org {
			inFile = append(inFile, p)
		}
	}
	if len(inFile) != maxProblemsPerFile+1 {
		t.Fatalf("got %d problems listed for the file, want %d and a count:\n%v", len(inFile), maxProblemsPerFile, inFile)
	}
	if first := inFile[0]; first.Line != 1 || !strings.Contains(first.Message, `unknown key "unknown_0"`) {
		t.Errorf("first listed problem %v, want the unknown key on line 1", first)
	}
	last := inFile[maxProblemsPerFile]
	if last.Warning || !strings.Contains(last.Message, "480 more problems in this file are not listed (480 errors, 0 warnings)") {
		t.Errorf("last line %v, want the count of the 480 others", last)
	}
	if errs, _ := problems.Count(); errs != 500 {
		t.Errorf("Count() = %d errors, want 500", errs)
	}
}

// TestCapPrefersErrors: a file's errors are listed before its warnings,
// each in line order.
func TestCapPrefersErrors(t *testing.T) {
	var ps Problems
	for line := 1; line <= 6; line++ {
		ps = append(ps, Problem{File: "a.toml", Line: line, Warning: line <= 4, Message: fmt.Sprint(line)})
	}
	got := ps.capPerFile(3)
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%d:%v", p.Line, p.Warning))
	}
	if want := "1:true 5:false 6:false 0:true"; strings.Join(lines, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(lines, " "), want)
	}
	if errs, warns := got.Count(); errs != 2 || warns != 4 {
		t.Errorf("Count() = %d, %d, want 2 errors, 4 warnings", errs, warns)
	}
}

var _ io.Reader = (*endless)(nil)

// TestOversizedTextsReportedInOrder: every language over the limit is
// reported, in the order of the languages, whatever the map's order.
func TestOversizedTextsReportedInOrder(t *testing.T) {
	const org = "organizations/beispiel-amt.toml"
	long := strings.Repeat("x", maxText+1)
	src := breakOrg(t, `name = { de = "Ausländerbehörde Beispielstadt", en = "Immigration office" }`,
		`name = { uk = "`+long+`", de = "`+long+`", en = "Immigration office", ar = "`+long+`" }`)
	for range 5 {
		_, problems := Load(fixtureFS(map[string]string{org: src}), testNow)
		var got []string
		for _, p := range problems.Errors() {
			if p.File == org && p.Line == 1 {
				got = append(got, p.Message[:strings.Index(p.Message, ":")])
			}
		}
		if want := []string{"name (ar)", "name (de)", "name (uk)"}; !slices.Equal(got, want) {
			t.Fatalf("reported %q, want %q (all problems:\n%v)", got, want, problems)
		}
	}
}
