package hsds

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Written counts what an export wrote.
type Written struct {
	Files int
	Bytes int64
}

func (w *Written) write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	w.Files++
	w.Bytes += int64(len(b))
	return nil
}

func (w *Written) writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return w.write(path, buf.Bytes())
}

// ExportJSON writes the directory as HSDS JSON, one complete data set per
// language with the same ids in each: dir/<lang>/organizations/<id>.json
// (each organization with its locations and its services in full),
// dir/<lang>/taxonomies.json and dir/<lang>/taxonomy_terms.json (every
// term in every language it is named in).
func (m *Mapper) ExportJSON(dir string, langs []string) (Written, error) {
	var w Written
	for _, lang := range langs {
		for _, o := range m.dir.Organizations {
			if err := w.writeJSON(filepath.Join(dir, lang, "organizations", o.ID+".json"), m.Organization(o, lang, orgFullService)); err != nil {
				return w, err
			}
		}
		if err := w.writeJSON(filepath.Join(dir, lang, "taxonomies.json"), m.Taxonomies()); err != nil {
			return w, err
		}
		if err := w.writeJSON(filepath.Join(dir, lang, "taxonomy_terms.json"), m.Terms("")); err != nil {
			return w, err
		}
	}
	return w, nil
}

// Langs checks a list of export languages: each one Wegweiser speaks.
func Langs(list []string) error {
	for _, l := range list {
		if !slices.Contains(index.Languages, l) {
			return fmt.Errorf("language %q: not one of %v", l, index.Languages)
		}
	}
	return nil
}
