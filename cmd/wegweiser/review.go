package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// dueFact is a contact fact due for a check, with where it is written.
type dueFact struct {
	index.ContactFact
	Line   int
	Months int // age in whole months; -1 when undated
}

// review lists the contact facts that are older than --older-than or
// undated, per organization, and with --out writes a letter per provider
// asking it to confirm its facts as shown.
func review(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("review", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	olderThan := fl.String("older-than", "12m", "age from which a fact is due: 90d, 12m or 2y")
	format := fl.String("format", "md", "output format: md or csv")
	out := fl.String("out", "", "folder to write a letter per provider into (<id>.md, German and English)")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	now := time.Now()
	cutoff, err := ageCutoff(*olderThan, now)
	if err != nil {
		return fmt.Errorf("--older-than %s: %w", *olderThan, err)
	}
	if *format != "md" && *format != "csv" {
		return fmt.Errorf("--format %s: must be md or csv", *format)
	}
	fsys, d, err := loadValid(*dir, now)
	if err != nil {
		return err
	}
	due := map[string][]dueFact{}
	for _, o := range d.Organizations {
		due[o.ID] = dueFacts(fsys, o, cutoff, now)
	}
	if *format == "csv" {
		err = writeReviewCSV(stdout, *dir, d.Organizations, due)
	} else {
		err = writeReviewMarkdown(stdout, *dir, *olderThan, d.Organizations, due)
	}
	if err != nil || *out == "" {
		return err
	}
	return writeLetters(*out, d.Organizations, due, now, stdout)
}

// ageCutoff turns "12m", "2y" or "90d" into the date before which a fact is due.
func ageCutoff(s string, now time.Time) (time.Time, error) {
	if len(s) < 2 {
		return time.Time{}, errors.New("want a number and a unit: 90d, 12m, 2y")
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 {
		return time.Time{}, errors.New("want a number and a unit: 90d, 12m, 2y")
	}
	switch s[len(s)-1] {
	case 'd':
		return now.AddDate(0, 0, -n), nil
	case 'm':
		return now.AddDate(0, -n, 0), nil
	case 'y':
		return now.AddDate(-n, 0, 0), nil
	}
	return time.Time{}, errors.New("unit must be d, m or y")
}

// dueFacts returns the organization's contact facts that are undated or
// dated before cutoff, each with the line it is written on.
func dueFacts(fsys fs.FS, o *index.Organization, cutoff, now time.Time) []dueFact {
	src, _ := fs.ReadFile(fsys, o.File)
	var out []dueFact
	for _, f := range o.ContactFacts() {
		if !f.AsOf.IsZero() && !f.AsOf.Before(cutoff) {
			continue
		}
		months := -1
		if !f.AsOf.IsZero() {
			months = monthsBetween(f.AsOf, now)
		}
		out = append(out, dueFact{ContactFact: f, Line: index.KeyLine(string(src), f.Key), Months: months})
	}
	return out
}

func monthsBetween(from, to time.Time) int {
	m := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
	if to.Day() < from.Day() {
		m--
	}
	return max(m, 0)
}

// lineOf is the first line of src, outside comments, that contains s, or 0.
func lineOf(src, s string) int {
	if s == "" {
		return 0
	}
	for i, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") && strings.Contains(line, s) {
			return i + 1
		}
	}
	return 0
}

func age(months int) string {
	switch {
	case months < 0:
		return "undated"
	case months < 24:
		return fmt.Sprintf("%d months", months)
	}
	return fmt.Sprintf("%d years %d months", months/12, months%12)
}

func writeReviewMarkdown(w io.Writer, dir, olderThan string, orgs []*index.Organization, due map[string][]dueFact) error {
	total, n := 0, 0
	fmt.Fprintf(w, "# Contact facts due for a check (older than %s, or undated)\n", olderThan)
	for _, o := range orgs {
		facts := due[o.ID]
		if len(facts) == 0 {
			continue
		}
		n++
		total += len(facts)
		name, _ := o.Name.In("de")
		fmt.Fprintf(w, "\n## %s — %s\n\n| where | fact | as shown | as of | age | source |\n| --- | --- | --- | --- | --- | --- |\n", o.ID, name)
		for _, f := range facts {
			fmt.Fprintf(w, "| %s:%d | %s | %s | %s | %s | %s |\n", withRoot(dir, index.Problem{File: o.File}).File, f.Line,
				f.Kind, mdCell(f.Value), day(f.AsOf), age(f.Months), mdCell(f.Source))
		}
	}
	_, err := fmt.Fprintf(w, "\n%d facts of %d organizations are due.\n", total, n)
	return err
}

func writeReviewCSV(w io.Writer, dir string, orgs []*index.Organization, due map[string][]dueFact) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"organization", "file", "line", "key", "kind", "value", "as_of", "age_months", "source"})
	for _, o := range orgs {
		for _, f := range due[o.ID] {
			_ = cw.Write([]string{o.ID, withRoot(dir, index.Problem{File: o.File}).File, strconv.Itoa(f.Line), f.Key, f.Kind,
				f.Value, day(f.AsOf), strconv.Itoa(f.Months), f.Source})
		}
	}
	cw.Flush()
	return cw.Error()
}

// mdCell keeps a value inside one Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// writeLetters writes one letter per organization with facts due.
func writeLetters(dir string, orgs []*index.Organization, due map[string][]dueFact, now time.Time, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--out %s: %w", dir, err)
	}
	n := 0
	for _, o := range orgs {
		if len(due[o.ID]) == 0 {
			continue
		}
		text, err := letter(o, now)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, o.ID+".md")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		n++
	}
	_, err := fmt.Fprintf(stdout, "%d letters written to %s\n", n, dir)
	return err
}
