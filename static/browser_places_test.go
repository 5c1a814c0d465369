package static_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPlacesLine: a query naming a place below the district (issue 12)
// says above the results which place comes first, as the records name it,
// with its district in the page's language ("Bad Harzburg (Landkreis
// Goslar)", "Bad Harzburg" whole), and offers the same search without the
// place's words: a real address of the page, followed by keyboard without
// reloading the page. Screen readers hear the line with the count. Right to
// left and left to right; axe-core on the view.
func TestPlacesLine(t *testing.T) {
	chromium, axe := browserTools(t)
	srv := startServer(t)
	b := newBrowser(t, chromium, axe)
	line := "document.querySelector('.places-read')"
	for _, lang := range []string{"ar", "de", "ru"} {
		t.Run(lang, func(t *testing.T) {
			words := mustStrings(t, lang)
			first := strings.ReplaceAll(words["placesFirst"].(map[string]any)["one"].(string), "{places}", "Bad Harzburg (%s)")
			want := strings.Replace(first, "%s", areaName(t, srv, "Jobcenter Bad Harzburg", lang), 1) + " " + words["searchWithoutPlace"].(map[string]any)["one"].(string)

			b.do(t, chromedp.EmulateViewport(412, 900), chromedp.Navigate(srv.URL+"/?lang="+lang+"&q=Jobcenter+Bad+Harzburg"))
			b.waitFor(t, line+" && "+idle)
			if got := eval[string](t, b, line+".textContent"); got != want {
				t.Errorf("line %q, want %q", got, want)
			}
			// Screen readers hear the line with the count of results.
			b.waitFor(t, "document.getElementById('live').textContent.endsWith('. ' + "+line+".firstChild.textContent)")
			dir := map[bool]string{true: "rtl", false: "ltr"}[lang == "ar"]
			if got := eval[string](t, b, "getComputedStyle("+line+").direction"); got != dir {
				t.Errorf("line runs %s, want %s", got, dir)
			}
			if got := eval[string](t, b, line+".querySelector('a').getAttribute('href')"); got != "/?q=Jobcenter&lang="+lang {
				t.Errorf("search without the place: href %q, want /?q=Jobcenter&lang=%s", got, lang)
			}
			if lang != "ru" {
				b.check(t, "places-"+lang)
			}

			// By keyboard, in the same page: no reload, the field and the results follow.
			eval[chromedp.Void](t, b, "window.__samePage = true; "+line+".querySelector('a').focus()")
			b.do(t, chromedp.KeyEvent(kb.Enter))
			b.waitFor(t, "new URLSearchParams(location.search).get('q') === 'Jobcenter' && !"+line+" && "+idle)
			if !eval[bool](t, b, "window.__samePage === true") {
				t.Errorf("search without the place reloaded the page")
			}
			if got := eval[string](t, b, "document.querySelector('#q').value"); got != "Jobcenter" {
				t.Errorf("search field %q after the link, want Jobcenter", got)
			}
			if n := eval[int](t, b, "document.querySelectorAll('.result').length"); n == 0 {
				t.Errorf("no results without the place")
			}
		})
	}

	// A misspelt town is named as the records write it; a query of the
	// place alone leaves nothing to search without it: no link.
	for _, c := range []struct{ q, name, without string }{
		{"Königsluter Ausländerbehörde", "Königslutter am Elm (Helmstedt district)", "/?q=Ausländerbehörde&lang=en"},
		{"Westhagen", "Westhagen (Wolfsburg)", ""},
	} {
		b.do(t, chromedp.Navigate(srv.URL+"/?lang=en&"+url.Values{"q": {c.q}}.Encode()))
		b.waitFor(t, line+" && "+idle)
		if got := eval[string](t, b, line+".textContent"); !strings.Contains(got, ": "+c.name) {
			t.Errorf("%q: line %q, want it to name %s", c.q, got, c.name)
		}
		if got := eval[string](t, b, "decodeURIComponent("+line+".querySelector('a')?.getAttribute('href') ?? '')"); got != c.without {
			t.Errorf("%q: search without the place %q, want %q", c.q, got, c.without)
		}
	}
}

// areaName is the name in lang of the area of the one place the API reads
// in q.
func areaName(tb testing.TB, srv *server, q, lang string) string {
	tb.Helper()
	var api struct {
		Places []struct {
			AreaName string `json:"area_name"`
		}
	}
	apiGet(tb, srv.URL+"/api/v1/search?"+url.Values{"q": {q}, "lang": {lang}}.Encode(), &api)
	if len(api.Places) != 1 {
		tb.Fatalf("the API reads %d places in %q, want 1", len(api.Places), q)
	}
	return api.Places[0].AreaName
}
