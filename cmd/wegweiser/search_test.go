package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

// TestSearchCommand: search takes --lang by the API's rules and says which
// language it answered in and which places it read, refuses an empty query and a --lang that names
// no language (naming them), and explains in words, not bit masks.
func TestSearchCommand(t *testing.T) {
	fixture := []string{"search", "--data", "../../testdata/fixture"}
	tests := []struct {
		name   string
		args   []string
		err    string         // in the error; empty: none
		out    []string       // in the output
		notOut *regexp.Regexp // never in the output
	}{
		{name: "empty query", args: append(fixture, "--explain", ""), err: "QUERY argument is empty"},
		{name: "blank query", args: append(fixture, "  ", " "), err: "QUERY argument is empty"},
		{name: "unknown language", args: append(fixture, "--lang", "xx", "work permit"), err: `--lang "xx": not a known language tag`},
		{name: "malformed language", args: append(fixture, "--lang", "!!", "work permit"), err: `--lang "!!"`},
		{name: "language matched", args: append(fixture, "--lang", "ar-SY", "work permit"), out: []string{"answer language ar (from --lang ar-SY"}},
		{name: "language falls back", args: append(fixture, "--lang", "fr", "work permit"), out: []string{"answer language de (from --lang fr"}},
		{name: "language as asked", args: append(fixture, "--lang", "en", "work permit"), out: []string{"answer language en\n"}},
		{name: "explain names the words", args: append(fixture, "--explain", "work permit"),
			out: []string{`topic residence`, `(words "work", "permit")`}, notOut: regexp.MustCompile(`\(words [01]+\)`)},
		{name: "places read, on the first lines", args: append(fixture, "--lang", "ar", "Jobsuche Gartenstadt Wolfsburger"),
			out: []string{"answer language ar\nplace \"Gartenstadt\": Gartenstadt, area braunschweig \"Braunschweig\" (in de: no name in ar)\n" +
				"place \"Wolfsburger\": area wolfsburg \"Wolfsburg\" (in de: no name in ar)\n 1. "}},
		{name: "explain names situations", args: []string{"search", "--explain", "Chef zahlt nicht"},
			out: []string{"situation unpaid-wages"}, notOut: regexp.MustCompile(`topic unpaid-wages|\(words [01]+\)`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tc.args, &out, &errOut)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q; output:\n%.300s", err, tc.err, out.String())
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v; %s", err, errOut.String())
			}
			for _, want := range tc.out {
				if !strings.Contains(out.String(), want) {
					t.Errorf("output lacks %q:\n%.1500s", want, out.String())
				}
			}
			if tc.notOut != nil && tc.notOut.MatchString(out.String()) {
				t.Errorf("output has %q:\n%.1500s", tc.notOut.FindString(out.String()), out.String())
			}
		})
	}
}
