package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// export writes the whole directory as Open Referral HSDS 3.0: JSON, or a
// tabular data package of CSV files; one data set per language.
func export(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("export", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	format := fl.String("format", "hsds-json", "hsds-json or hsds-csv (a Frictionless tabular data package)")
	out := fl.String("out", "", "folder to write into (required); one subfolder per language")
	langs := fl.String("lang", strings.Join(index.Languages, ","), "languages to export, comma-separated")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	if *out == "" {
		return fmt.Errorf("--out: name the folder to write the export into")
	}
	list := strings.Split(*langs, ",")
	if err := hsds.Langs(list); err != nil {
		return fmt.Errorf("--lang: %w", err)
	}
	m, err := mapper(*dir)
	if err != nil {
		return err
	}
	var w hsds.Written
	switch *format {
	case "hsds-json":
		w, err = m.ExportJSON(*out, list)
	case "hsds-csv":
		w, err = m.ExportCSV(*out, list)
	default:
		return fmt.Errorf("--format %s: must be hsds-json or hsds-csv", *format)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d files, %d KiB, %d languages, %d organizations\n", *out, w.Files, w.Bytes/1024, len(list), len(m.Directory().Organizations))
	return nil
}

// mapper reads and validates the data (refusing data with errors, as
// serve does) and builds its HSDS mapping with the page's words.
func mapper(dir string) (*hsds.Mapper, error) {
	_, d, err := loadValid(dir, time.Now())
	if err != nil {
		return nil, err
	}
	labels, err := hsds.ReadLabels(static.FS())
	if err != nil {
		return nil, err
	}
	return hsds.New(d, labels), nil
}
