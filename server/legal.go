package server

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// LegalPage is one of the pages German law asks of a public site (the
// Impressum and the privacy statement): an address elsewhere, or the text
// itself in Markdown, shown at its own address here. Both empty: none.
type LegalPage struct {
	URL      string
	Markdown []byte
}

// The legal pages' addresses, the ones people type in Germany. With a URL
// they redirect there, so that the address is the same on every site.
const (
	imprintPath = "/impressum"
	privacyPath = "/datenschutz"
)

// legalLinks lists the legal pages an operator configured.
func legalLinks(cfg Config) []legalLink {
	var out []legalLink
	for _, l := range []legalLink{{Path: imprintPath, Key: "imprint", page: cfg.Imprint}, {Path: privacyPath, Key: "privacy", page: cfg.Privacy}} {
		if l.page.URL != "" || len(l.page.Markdown) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func redirectTo(url string) echo.HandlerFunc {
	return func(c echo.Context) error { return c.Redirect(http.StatusFound, url) }
}

// withLegalLinks returns files with the footer links written into
// index.html (at <!--LEGAL-->): the open-data page, then the legal pages an
// operator configured. So they are on every page, work without the page's
// script and change the site's hash when they change.
func withLegalLinks(files fs.FS, cfg Config) fs.FS {
	b, err := fs.ReadFile(files, "index.html")
	if err != nil {
		return files // registerStatic reports the missing shell
	}
	links := []string{fmt.Sprintf(`<a href="%s" data-i18n="openData">%s</a>`, referencePath, germanTitles["openData"])}
	for _, l := range legalLinks(cfg) {
		links = append(links, fmt.Sprintf(`<a href="%s" data-i18n="%s">%s</a>`, l.Path, l.Key, germanTitles[l.Key]))
	}
	html := `<p class="legal">` + strings.Join(links, " ") + `</p>`
	return overlay{files, "index.html", bytes.Replace(b, []byte("<!--LEGAL-->"), []byte(html), 1)}
}

// germanTitles are the links' words until the page's script translates them.
var germanTitles = map[string]string{"imprint": "Impressum", "privacy": "Datenschutz", "openData": "Offene Daten und API"}

// overlay is files with the content of one file replaced.
type overlay struct {
	fs.FS
	name string
	data []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.FS.Open(name)
	if err != nil || name != o.name {
		return f, err
	}
	info, err := f.Stat()
	f.Close()
	if err != nil {
		return nil, err
	}
	return memFile{bytes.NewReader(o.data), sized{info, int64(len(o.data))}}, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f memFile) Close() error               { return nil }

type sized struct {
	fs.FileInfo
	size int64
}

func (s sized) Size() int64 { return s.size }
