package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/index/hsds"
)

// importHSDS turns HSDS JSON (a file, a folder of files, or an export with
// a folder per language) into records in a data folder, and prints what
// could not be mapped.
func importHSDS(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("import", stderr)
	from := fl.String("from", "", "HSDS JSON file or folder (required); a folder per language (de/, en/ …) as export writes it")
	out := fl.String("out", "", "data folder to write the records into (required); missing vocabularies are copied there")
	lang := fl.String("lang", "de", "language of the texts of an input without language folders")
	dir := fl.String("data", "", "data folder whose vocabularies the records use (default: the embedded records)")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	if *from == "" || *out == "" {
		return errors.New("--from and --out are required")
	}
	if err := hsds.Langs([]string{*lang}); err != nil {
		return fmt.Errorf("--lang: %w", err)
	}
	vocabFS, err := dataFS(*dir)
	if err != nil {
		return err
	}
	vocab, problems := index.Load(vocabFS, time.Now())
	if len(problems.Errors()) > 0 {
		return errors.New("the vocabularies' data has errors; run wegweiser check")
	}
	im := hsds.NewImporter(vocab)
	if err := readHSDS(im, *from, *lang); err != nil {
		return err
	}
	orgs := im.Organizations()
	if err := refuseOverwrite(*out, orgs); err != nil {
		return err
	}
	if _, err := hsds.WriteRecords(*out, orgs); err != nil {
		return err
	}
	if err := copyVocabularies(vocabFS, *out); err != nil {
		return err
	}
	return summarize(stdout, *out, orgs, im.Report())
}

// readHSDS adds every JSON file of from: per language folder, German
// first, when it has them.
func readHSDS(im *hsds.Importer, from, lang string) error {
	st, err := os.Stat(from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	if !st.IsDir() {
		b, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		return im.Add(b, lang, from)
	}
	var langs []string
	for _, l := range index.Languages {
		if st, err := os.Stat(filepath.Join(from, l)); err == nil && st.IsDir() {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return readFolder(im, from, lang)
	}
	for _, l := range langs {
		if err := readFolder(im, filepath.Join(from, l), l); err != nil {
			return err
		}
	}
	return nil
}

// readFolder adds the JSON files under dir, in name order; the taxonomy
// lists of an export describe Wegweiser's own vocabularies and are skipped.
func readFolder(im *hsds.Importer, dir, lang string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".json" || strings.HasPrefix(d.Name(), "taxonom") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return im.Add(b, lang, path)
	})
}

// refuseOverwrite keeps records that are already there: an import never
// replaces an editor's file.
func refuseOverwrite(out string, orgs []*index.Organization) error {
	for _, o := range orgs {
		path := filepath.Join(out, "organizations", o.ID+".toml")
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s exists; import into a folder without it (nothing was written)", path)
		}
	}
	return nil
}

// copyVocabularies makes out a complete data folder: the topics, groups,
// areas and places the records refer to, where out has none.
func copyVocabularies(vocab fs.FS, out string) error {
	for _, name := range []string{"topics.toml", "groups.toml", "areas.toml", "geo/places.csv"} {
		dst := filepath.Join(out, filepath.FromSlash(name))
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		b, err := fs.ReadFile(vocab, name)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// summarize prints the report and what check says of the records.
func summarize(stdout io.Writer, out string, orgs []*index.Organization, report []string) error {
	services := 0
	for _, o := range orgs {
		services += len(o.Services)
	}
	if len(report) > 0 {
		fmt.Fprintf(stdout, "Not mapped (%d):\n", len(report))
		for _, line := range report {
			fmt.Fprintln(stdout, "  "+line)
		}
	}
	_, problems := index.Load(os.DirFS(out), time.Now())
	errs, warns := problems.Count()
	fmt.Fprintf(stdout, "%s: %d organizations, %d services written; wegweiser check --data %s: %d errors, %d warnings\n",
		out, len(orgs), services, out, errs, warns)
	if errs > 0 {
		fmt.Fprintln(stdout, "Fix the errors before using the records (they name file and line).")
	}
	return nil
}
