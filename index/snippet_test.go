package index

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSnippetHTMLEscapesAsTheStandardLibrary checks the snippet's own
// escaping and cutting against html.EscapeString and a cut made rune by
// rune: marks before, inside and beyond the snippet, texts with every
// escaped character and with letters of several bytes.
func TestSnippetHTMLEscapesAsTheStandardLibrary(t *testing.T) {
	long := strings.Repeat("Beratung für Menschen & Familien <ohne> \"Papiere\" oder 'Arbeit' – ", 8)
	cyr := strings.Repeat("Консультація для мігрантів і біженців у Брауншвейгу ", 10)
	tests := []struct {
		name, text string
		marks      [][2]int
	}{
		{"no marks", long, nil},
		{"short", `a <b> & "c" 'd'`, [][2]int{{3, 4}}},
		{"mark at start", long, [][2]int{{0, 8}}},
		{"mark far in", long, [][2]int{{strings.Index(long[300:], "Familien") + 300, strings.Index(long[300:], "Familien") + 308}}},
		{"cyrillic far in", cyr, [][2]int{{len(cyr) / 2, len(cyr)/2 + utf8.RuneLen('і')}}},
		{"mark beyond the end", long, [][2]int{{0, 8}, {len(long) - 8, len(long) - 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := snippetHTML(tc.text, tc.marks), referenceSnippet(tc.text, tc.marks); got != want {
				t.Errorf("snippet\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// referenceSnippet is snippetHTML written plainly, with runes and the
// standard library's escaping.
func referenceSnippet(text string, marks [][2]int) string {
	start := 0
	if len(marks) > 0 && utf8.RuneCountInString(text[:marks[0][0]]) > snippetLead {
		r := []rune(text[:marks[0][0]])
		j := len(r) - snippetLead
		for j > 0 && j < len(r) && r[j-1] != ' ' {
			j++
		}
		start = len(string(r[:j]))
	}
	end := len(text)
	if r := []rune(text[start:]); len(r) > snippetRunes {
		end = start + len(string(r[:snippetRunes]))
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, m := range marks {
		if m[0] < pos || m[1] > end {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:m[0]]) + "<mark>" + html.EscapeString(text[m[0]:m[1]]) + "</mark>")
		pos = m[1]
	}
	b.WriteString(html.EscapeString(text[pos:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}
