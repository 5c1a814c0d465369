package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"unicode/utf8"

	"github.com/wegweiser-braunschweig/wegweiser/server"
)

// legalFlags are the flags of one legal page: an address elsewhere or a
// Markdown file (German law asks a public site for an Impressum and a
// privacy statement).
type legalFlags struct {
	name      string // "imprint" or "privacy"
	url, file string
}

func addLegalFlags(fl *flag.FlagSet, name, what, path string) *legalFlags {
	l := &legalFlags{name: name}
	fl.StringVar(&l.url, name+"-url", "", "address of the "+what+" on another site; "+path+" redirects there")
	fl.StringVar(&l.file, name+"-file", "", "Markdown file with the "+what+", shown at "+path)
	return l
}

// page checks the flags and reads the file.
func (l *legalFlags) page() (server.LegalPage, error) {
	switch {
	case l.url != "" && l.file != "":
		return server.LegalPage{}, fmt.Errorf("--%s-url and --%s-file: give one of them", l.name, l.name)
	case l.url != "":
		u, err := url.Parse(l.url)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return server.LegalPage{}, fmt.Errorf("--%s-url %q: must be an address such as https://example.org/impressum", l.name, l.url)
		}
		return server.LegalPage{URL: l.url}, nil
	case l.file != "":
		b, err := os.ReadFile(l.file)
		if err != nil {
			return server.LegalPage{}, fmt.Errorf("--%s-file: %w", l.name, err)
		}
		if !utf8.Valid(b) {
			return server.LegalPage{}, fmt.Errorf("--%s-file %s: not UTF-8 text", l.name, l.file)
		}
		return server.LegalPage{Markdown: b}, nil
	}
	return server.LegalPage{}, nil
}
