package static_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOnlyGermanNotice: wherever a result's name or text falls back to
// German, the result says so in the page's language, in every interface
// language, left to right and right to left.
func TestOnlyGermanNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chromium, err := chromiumPath()
	need(t, "chromium not found", err)
	axe, err := axeSource()
	need(t, "axe-core not installed", err)
	srv := startServer(t)
	b := newBrowser(t, chromium, axe)
	notices := 0
	for _, lang := range []string{"ar", "fa", "en", "uk", "ru", "tr", "pl", "ro", "bg"} {
		t.Run(lang, func(t *testing.T) {
			words := mustStrings(t, lang)
			b.do(t, chromedp.EmulateViewport(412, 900), chromedp.Navigate(srv.URL+"/?lang="+lang+"&q=Arbeit"))
			b.waitFor(t, "document.querySelectorAll('.result').length > 0 && "+idle)
			silent := eval[[]string](t, b, `[...document.querySelectorAll('.result')]
				.filter((r) => r.querySelector('h3[lang=de], .snippet[lang=de]') && !r.querySelector('.only-german'))
				.map((r) => r.querySelector('h3').textContent)`)
			if len(silent) > 0 {
				t.Errorf("German text without a notice in %d results, e.g. %q", len(silent), silent[0])
			}
			got := eval[[]string](t, b, `[...document.querySelectorAll('.result .only-german')]
				.map((p) => p.closest('[lang]').lang + ' ' + getComputedStyle(p).direction + ' ' + p.textContent)`)
			dir := "ltr"
			if lang == "ar" || lang == "fa" {
				dir = "rtl"
			}
			for _, g := range got {
				if g != lang+" "+dir+" "+words["onlyGerman"].(string) && g != lang+" "+dir+" "+words["untranslated"].(string) {
					t.Errorf("notice %q, want it in %s (%s)", g, lang, dir)
				}
			}
			notices += len(got)
			if lang == "ar" || lang == "pl" {
				b.check(t, "only-german-"+lang)
			}
		})
	}
	if notices == 0 {
		t.Errorf("no result in any language falls back to German: the test checks nothing")
	}
}
