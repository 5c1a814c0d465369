package server

import (
	"maps"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// pagesFrontend is testFrontend with a footer to link the legal pages
// from and a few translations.
func pagesFrontend() fstest.MapFS {
	files := maps.Clone(testFrontend)
	files["index.html"] = &fstest.MapFile{Data: []byte(`<!doctype html><html lang="de"><body><footer><p>Wegweiser</p><!--LEGAL--></footer></body></html>`)}
	files["i18n/de.json"] = &fstest.MapFile{Data: []byte(`{"pageNotFound": "Seite nicht gefunden", "imprint": "Impressum", "privacy": "Datenschutz", "backHome": "Zur Startseite", "resultCount": {"one": "{n}", "other": "{n}"}}`)}
	files["i18n/ar.json"] = &fstest.MapFile{Data: []byte(`{"pageNotFound": "الصفحة غير موجودة", "imprint": "الإشعار القانوني"}`)}
	files["i18n/pl.json"] = &fstest.MapFile{Data: []byte(`{"pageNotFound": "Nie znaleziono strony"}`)}
	return files
}

func TestPages(t *testing.T) {
	imprint := Config{Imprint: LegalPage{Markdown: []byte("## Anbieter\n\nBeispiel e. V., Musterweg 1\n\n<script>alert(1)</script>\n\nhttps://example.org\n")},
		Privacy: LegalPage{URL: "https://example.org/datenschutz"}}
	tests := []struct {
		name, target, acceptLanguage string
		cfg                          Config
		status                       int
		ctype                        string
		want, wantNot                []string
		location                     string
	}{
		{name: "unknown path: a page in German", target: "/impressum", status: 404, ctype: "text/html",
			want: []string{`<html lang="de" dir="ltr">`, "<h1>Seite nicht gefunden</h1>", `action="/"`, `name="q"`, `href="/?lang=de"`}},
		{name: "unknown path in the address's language", target: "/nope/deeper?lang=ar", status: 404, ctype: "text/html",
			want: []string{`<html lang="ar" dir="rtl">`, "<h1>الصفحة غير موجودة</h1>", "Zur Startseite", `value="ar"`}},
		{name: "unknown path in the browser's language", target: "/x", acceptLanguage: "pl-PL,pl;q=0.9,en;q=0.5", status: 404,
			ctype: "text/html", want: []string{`<html lang="pl" dir="ltr">`, "<h1>Nie znaleziono strony</h1>"}},
		{name: "unknown API path: JSON", target: "/api/v1/nope", status: 404, ctype: "application/json", want: []string{`"not_found"`}},
		{name: "unknown API version: JSON", target: "/api/v2/search", status: 404, ctype: "application/json", want: []string{`"not_found"`}},
		{name: "no footer links when none is configured", target: "/", status: 200, wantNot: []string{"<!--LEGAL-->", "impressum"}},
		{name: "footer links", target: "/", cfg: imprint, status: 200,
			want: []string{`<p class="legal"><a href="/open-data" data-i18n="openData">Offene Daten und API</a> <a href="/impressum" data-i18n="imprint">Impressum</a> <a href="/datenschutz" data-i18n="privacy">Datenschutz</a></p>`}},
		{name: "imprint from Markdown", target: "/impressum?lang=ar", cfg: imprint, status: 200, ctype: "text/html",
			want: []string{`<html lang="ar" dir="rtl">`, "<h1>الإشعار القانوني</h1>", "<h2>Anbieter</h2>", "<p>Beispiel e. V., Musterweg 1</p>",
				`<a href="https://example.org">https://example.org</a>`, `<a href="/datenschutz?lang=ar">Datenschutz</a>`},
			wantNot: []string{"<script>", "alert(1)"}},
		{name: "privacy elsewhere", target: "/datenschutz", cfg: imprint, status: 302, location: "https://example.org/datenschutz"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := serverWithFiles(t, tc.cfg, nil, pagesFrontend())
			header := map[string]string{"Accept-Language": tc.acceptLanguage}
			rec := do(e, http.MethodGet, tc.target, header)
			body := readBody(t, rec)
			if rec.Code != tc.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tc.status, body)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tc.ctype) {
				t.Errorf("Content-Type = %q, want %s", got, tc.ctype)
			}
			if got := rec.Header().Get("Location"); got != tc.location {
				t.Errorf("Location = %q, want %q", got, tc.location)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s:\n%s", w, body)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(body, w) {
					t.Errorf("body has %s:\n%s", w, body)
				}
			}
		})
	}
}

// TestLegalLinksChangeTheHash: index.html is revalidated by the site's
// hash, so footer links added by a restart must not hide behind a 304.
func TestLegalLinksChangeTheHash(t *testing.T) {
	etag := func(cfg Config) string {
		return do(serverWithFiles(t, cfg, nil, pagesFrontend()), http.MethodGet, "/", nil).Header().Get("ETag")
	}
	without, with := etag(Config{}), etag(Config{Imprint: LegalPage{URL: "https://example.org/impressum"}})
	if without == with {
		t.Errorf("ETag %s with and without an Impressum, want different ones", with)
	}
}

// TestPageWordsExist: every word page.gohtml shows is in every language of
// the page's translations (a missing one would leave a gap in the page).
func TestPageWordsExist(t *testing.T) {
	words := readStrings(static.FS())
	keys := []string{"imprint", "privacy"}
	for _, m := range regexp.MustCompile(`\.T\.(\w+)`).FindAllStringSubmatch(pageTemplateText, -1) {
		keys = append(keys, m[1])
	}
	for _, lang := range index.Languages {
		for _, k := range keys {
			if words[lang][k] == "" {
				t.Errorf("%s: %q missing", lang, k)
			}
		}
	}
}
