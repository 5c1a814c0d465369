package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureCopy copies the test data folder, so a test can change it.
func fixtureCopy(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/fixture")); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func TestReviewListsDueFactsAndWritesLetters(t *testing.T) {
	dir, out := fixtureCopy(t), t.TempDir()
	var stdout, stderr bytes.Buffer
	// The fixture's facts are of January and February 2026: due after 6 months.
	err := run(context.Background(), []string{"review", "--data", dir, "--older-than", "6m", "--out", out}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("review: %v\n%s", err, stderr.String())
	}
	got := stdout.String()
	for _, want := range []string{
		"## beispiel-amt — Ausländerbehörde Beispielstadt",
		"organizations/beispiel-amt.toml:7 | phone | 0531 470-0 | 2026-01-15 |",
		"organizations/beispiel-amt.toml:38 | website | https://example.org/aufenthalt | 2026-01-15 |",
		"2 letters written to " + out,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("review output lacks %q:\n%s", want, got)
		}
	}
	letter, err := os.ReadFile(filepath.Join(out, "beispiel-amt.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Bitte prüfen", "| Telefon | 0531 470-0 | 2026-01-15 | https://example.org/quelle |",
		"# Please check", "| Phone | 0531 470-0 | 2026-01-15 |", "Aufenthaltstitel verlängern"} {
		if !strings.Contains(string(letter), want) {
			t.Errorf("letter lacks %q:\n%s", want, letter)
		}
	}
}

func TestReviewNothingDueAndCSV(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"review", "--data", "../../testdata/fixture", "--older-than", "20y", "--format", "csv"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("review: %v", err)
	}
	if got := strings.TrimSpace(stdout.String()); got != "organization,file,line,key,kind,value,as_of,age_months,source" {
		t.Errorf("got %q, want only the CSV header", got)
	}
	for _, bad := range [][]string{{"review", "--older-than", "12x"}, {"review", "--format", "pdf"}} {
		if err := run(context.Background(), bad, &stdout, &stderr); err == nil {
			t.Errorf("run(%q) = nil, want an error", bad)
		}
	}
}
