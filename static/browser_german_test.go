package static_test

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOnlyGermanNotice: wherever a result's name or text falls back to
// German, the result says so in the page's language, in every interface
// language, left to right and right to left.
func TestOnlyGermanNotice(t *testing.T) {
	chromium, axe := browserTools(t)
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

	// On a service's page, German texts are marked as German (screen
	// readers switch voice), the organization's notice too, and the page
	// says, in its language, that some texts are only in German.
	id := serviceWithUntranslated(t, srv, "ar", "organization.notice")
	b.do(t, chromedp.Navigate(srv.URL+"/?lang=ar&service="+id))
	b.waitFor(t, "document.querySelector('.detail .callout')")
	if got := eval[string](t, b, "document.querySelector('.detail .callout').lang"); got != "de" {
		t.Errorf("%s in Arabic: the German notice is marked lang %q, want de", id, got)
	}
	var svc struct{ Untranslated []string }
	apiGet(t, srv.URL+"/api/v1/services/"+id+"?lang=ar", &svc)
	if got := eval[string](t, b, "document.querySelector('.detail .location h3')?.lang ?? 'none'"); slices.Contains(svc.Untranslated, "locations.name") && got != "de" {
		t.Errorf("%s in Arabic: the German name of a place is marked lang %q, want de", id, got)
	}
	if got := eval[string](t, b, "document.querySelector('.detail .note')?.textContent || ''"); got != mustStrings(t, "ar")["untranslated"].(string) {
		t.Errorf("%s in Arabic: note %q, want the untranslated note in Arabic", id, got)
	}
}

// serviceWithUntranslated finds a service whose field is shown in German
// in lang.
func serviceWithUntranslated(tb testing.TB, srv *server, lang, field string) string {
	tb.Helper()
	var list struct{ Results []struct{ ID string } }
	apiGet(tb, srv.URL+"/api/v1/search?limit=100&topic=residence,work,recognition,language&lang="+lang, &list)
	for _, r := range list.Results {
		var s struct{ Untranslated []string }
		apiGet(tb, srv.URL+"/api/v1/services/"+r.ID+"?lang="+lang, &s)
		if slices.Contains(s.Untranslated, field) {
			return r.ID
		}
	}
	tb.Fatalf("no service shows its %s in German in %s", field, lang)
	return ""
}
