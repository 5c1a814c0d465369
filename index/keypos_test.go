package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyPositions names the line of keys after the values that span
// lines or hold what looks like TOML: the scanner must not lose count.
func TestKeyPositions(t *testing.T) {
	src := `id = "a"
name = { de = "Beratung [offen]", en = "Advice {open}" } # a comment with [
keywords = [
  "Lohn ]",
  'Arbeit [',
  "Ärger \" ] {",
]
description = """
key = "inside a string"
[not.a.table]
"""
note = "Straße # 1 ]"

[[services]]
id = "s1"
topics = ["work",
  "residence"]
text = "النص [ عربي"

[[services]]
id = "s2"
hours = [{ days = "Mo",
  from = "09:00" }]

[services.contact]
phone = "0531"
zones = [
  [1, 2],
  ["a]", "b"],
]
after = true
`
	kp := scanKeyPositions(src)
	for key, want := range map[string]int{
		"id":                         1,
		"name":                       2,
		"keywords":                   3,
		"description":                8,
		"note":                       12,
		"services.0":                 14,
		"services.0.id":              15,
		"services.0.topics":          16,
		"services.0.text":            18,
		"services.1.id":              21,
		"services.1.hours":           22,
		"services.1.contact":         25,
		"services.1.contact.phone":   26,
		"key":                        1, // inside a string: not a key, so the file's start
		"services.1.contact.missing": 25,
		"services.1.from":            20, // in an inline table that spans lines
		"services.1.contact.zones":   27,
		"services.1.contact.after":   31,
	} {
		if got := kp.line(key); got != want {
			t.Errorf("line(%q) = %d, want %d", key, got, want)
		}
	}
}

// TestKeyPositionsOfTheRecords checks every key the scanner finds in the
// records against the line it names: the key (or its table's header)
// must be written there.
func TestKeyPositionsOfTheRecords(t *testing.T) {
	files, err := filepath.Glob("../data/organizations/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no records found: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		kp := scanKeyPositions(string(src))
		for key, n := range kp.lines {
			last := key[strings.LastIndex(key, ".")+1:]
			if strings.Trim(last, "0123456789") == "" { // an array table: its header names its parent
				parent := parentKey(key)
				last = parent[strings.LastIndex(parent, ".")+1:]
			}
			if !strings.Contains(lines[n-1], last) {
				t.Errorf("%s:%d: key %q is not on this line: %q", file, n, key, lines[n-1])
			}
		}
	}
}

// BenchmarkKeyPositions scans every data file, as a data warning in
// each would.
func BenchmarkKeyPositions(b *testing.B) {
	srcs := tomlFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			scanKeyPositions(src)
		}
	}
}

// balanceByteByByte is bracketBalance written as the rule reads, one byte
// after the other: the oracle that FuzzBracketBalance holds the fast one to.
func balanceByteByByte(s string) int {
	bal, quote, escaped := 0, byte(0), false
	for i := range len(s) {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case quote == '"' && c == '\\':
			escaped = true
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return bal
		case c == '[' || c == '{':
			bal++
		case c == ']' || c == '}':
			bal--
		}
	}
	return bal
}

var bracketCases = []struct {
	value string
	want  int
}{
	{`[`, 1},
	{`["a", "b"]`, 0},
	{`["a]", 'b[', "c\"]"`, 1},
	{`{ de = "x { y", en = 'z' } # [`, 0},
	{`[{ a = "\\" }, {`, 2},
	{`["\\\"]"`, 1},
	{`"unclosed [`, 0},
	{`'unclosed [`, 0},
	{`["Straße ]", "النص ["`, 1},
	{`[[1, 2], [`, 2},
}

func TestBracketBalance(t *testing.T) {
	for _, c := range bracketCases {
		if got := bracketBalance(c.value); got != c.want {
			t.Errorf("bracketBalance(%q) = %d, want %d", c.value, got, c.want)
		}
		if got := balanceByteByByte(c.value); got != c.want {
			t.Errorf("balanceByteByByte(%q) = %d, want %d", c.value, got, c.want)
		}
	}
}

func FuzzBracketBalance(f *testing.F) {
	for _, c := range bracketCases {
		f.Add(c.value)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bracketBalance(s), balanceByteByByte(s); got != want {
			t.Errorf("bracketBalance(%q) = %d, byte by byte %d", s, got, want)
		}
	})
}
