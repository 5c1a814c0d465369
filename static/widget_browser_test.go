package static_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWidget embeds <wegweiser-search> in a partner's page on another
// origin under a strict CSP, in Debian's Chromium: the host's look stays as
// it was, typing finds results inside the shadow root, attribute changes
// re-render, Arabic runs right to left, axe-core finds nothing, and no
// request goes anywhere but the host and Wegweiser. Then the embed page in
// a frame and the embed builder.
func TestWidget(t *testing.T) {
	chromium, axe := browserTools(t)

	srv := startServer(t)
	w := &widgetVisit{b: newBrowser(t, chromium, axe), srv: srv, host: newHostSite(t, srv.URL)}
	steps := []struct {
		name string
		run  func(*testing.T)
	}{
		{"host page unchanged", w.hostUnchanged},
		{"typing finds results", w.typing},
		{"key facts", w.keyFacts},
		{"keyboard and suggestions", w.keyboard},
		{"attribute changes re-render", w.attributes},
		{"arabic right to left", w.arabic},
		{"places read", w.places},
		{"embed page in a frame", w.framed},
		{"embed page", w.embedPage},
		{"embed builder", w.builder},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			break // later steps build on this one
		}
	}
	w.onlyWegweiser(t)
}

type widgetVisit struct {
	b    *browser
	srv  *server
	host *hostSite
}

// hostUnchanged compares the host's computed styles and globals without
// the widget's script (/plain) and with the widget working (/).
func (w *widgetVisit) hostUnchanged(t *testing.T) {
	b := w.b
	globals := `Object.getOwnPropertyNames(window).filter((k) => k !== '__csp').sort()`
	b.do(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(w.host.URL+"/plain"))
	b.waitFor(t, "document.readyState === 'complete'")
	before := eval[[]string](t, b, hostStyles)
	beforeGlobals := eval[[]string](t, b, globals)
	bytes, requests := b.coldLoad(t, w.host.URL+"/", shadow+"?.querySelector('label')")
	t.Logf("host page with the widget, empty cache: %d bytes in %d requests (the host's page and stylesheet included)", bytes, requests)
	for i, got := range eval[[]string](t, b, hostStyles) {
		if got != before[i] {
			t.Errorf("host style changed by the widget:\n got %s\nwant %s", got, before[i])
		}
	}
	if got := eval[[]string](t, b, globals); !slices.Equal(got, beforeGlobals) {
		t.Errorf("globals: the widget added %v", diff(got, beforeGlobals))
	}
	if got := eval[string](t, b, "getComputedStyle("+shadow+".querySelector('label')).fontFamily"); got != "Georgia, serif" {
		t.Errorf("font: got %q, want the host's Georgia, serif (inherited)", got)
	}
	if got := eval[string](t, b, "getComputedStyle("+shadow+".querySelector('button')).backgroundColor"); got != "rgb(128, 0, 64)" {
		t.Errorf("--wegweiser-accent: button background got %q, want rgb(128, 0, 64)", got)
	}
	if got := eval[string](t, b, shadow+".querySelector('label').textContent"); got != "Wobei brauchen Sie Hilfe?" {
		t.Errorf("label: got %q, want German (the host's <html lang=de>)", got)
	}
}

func (w *widgetVisit) typing(t *testing.T) {
	b := w.b
	b.do(t, chromedp.SendKeys(chromedp.JSPath(shadow+".querySelector('input')"), "Arbeit\r"))
	b.waitFor(t, shadow+".querySelectorAll('[part~=result]').length === 3 && !"+shadow+".querySelector('[aria-busy]')")
	if got := eval[string](t, b, shadow+".querySelector('[role=status]').textContent"); !strings.HasSuffix(got, "Ergebnisse") {
		t.Errorf("count: got %q, want \"… Ergebnisse\" in the live region", got)
	}
	links := eval[[]string](t, b, `[...`+shadow+`.querySelectorAll('[part~=link]')].map((a) => a.href)`)
	for i, r := range searchResults(t, w.srv.URL+"/api/v1/search?q=Arbeit&lang=de&limit=3") {
		if want := w.srv.URL + r.URL; i < len(links) && links[i] != want {
			t.Errorf("result %d: link %q, want %q (the API's url on Wegweiser's origin)", i+1, links[i], want)
		}
	}
	if got := eval[string](t, b, shadow+".querySelector('[part~=more]').href"); got != w.srv.URL+"/?q=Arbeit&lang=de" {
		t.Errorf("more results: got %q, want the full page with the same search", got)
	}
	if got := eval[string](t, b, "getComputedStyle("+shadow+".querySelector('[part~=result]')).borderBottomColor"); got != "rgb(128, 0, 64)" {
		t.Errorf("::part(result): border got %q, want the host's rgb(128, 0, 64)", got)
	}
	for _, fact := range []string{mustStrings(t, "de")["languagesSpoken"].(string), "Braunschweig"} {
		if !eval[bool](t, b, shadow+".querySelector('[part~=results]').textContent.includes("+jsString(fact)+")") {
			t.Errorf("results: no %q among the key facts", fact)
		}
	}
	b.check(t, "widget")
}

// keyFacts: each result shows what the API says about it (name,
// organization, languages spoken, cost, town, open now or when it opens).
func (w *widgetVisit) keyFacts(t *testing.T) {
	b := w.b
	eval[chromedp.Void](t, b, "document.querySelector('wegweiser-search').setAttribute('q', 'Integrationsberatung')")
	b.waitFor(t, shadow+".querySelector('[part~=more]').href.includes('q=Integrationsberatung') && !"+shadow+".querySelector('[aria-busy]')")
	shown := eval[[]string](t, b, `[...`+shadow+`.querySelectorAll('[part~=result]')].map((li) => li.textContent)`)
	results := searchResults(t, w.srv.URL+"/api/v1/search?q=Integrationsberatung&lang=de&limit=3")
	if len(shown) != len(results) {
		t.Fatalf("got %d results, want %d as the API gives", len(shown), len(results))
	}
	de := mustStrings(t, "de")
	opening := 0
	for i, r := range results {
		want := []string{r.Name, r.OrganizationName}
		var langs, towns []string
		for _, l := range r.Languages {
			langs = append(langs, l.Name)
		}
		if len(langs) > 0 {
			want = append(want, de["languagesSpoken"].(string)+": "+strings.Join(langs, ", "))
		}
		if label := map[string]string{"free": "costFree", "fee": "costFee"}[r.Cost]; label != "" {
			want = append(want, de[label].(string))
		}
		open, next := false, false
		for _, l := range r.Locations {
			if !slices.Contains(towns, l.City) {
				towns = append(towns, l.City)
			}
			open, next = open || l.OpenNow, next || l.NextOpen != ""
		}
		want = append(want, strings.Join(towns, ", "))
		switch {
		case open:
			want = append(want, de["openNow"].(string))
		case next:
			want = append(want, strings.Split(de["opensAt"].(string), "{when}")[0])
		}
		if open || next {
			opening++
		}
		for _, fact := range want {
			if !strings.Contains(shown[i], fact) {
				t.Errorf("result %d (%s): %q missing in %q", i+1, r.ID, fact, shown[i])
			}
		}
	}
	if opening == 0 {
		t.Errorf("no result with opening hours: the query no longer tests \"open now\"")
	}
}

func (w *widgetVisit) keyboard(t *testing.T) {
	b := w.b
	input := chromedp.JSPath(shadow + ".querySelector('input')")
	eval[chromedp.Void](t, b, shadow+".querySelector('input').value = ''")
	b.do(t, chromedp.SendKeys(input, "Aufenth"))
	b.waitFor(t, shadow+".querySelectorAll('[role=option]').length > 0")
	if got := eval[string](t, b, shadow+".querySelector('input').getAttribute('aria-expanded')"); got != "true" {
		t.Errorf("aria-expanded: got %q, want true", got)
	}
	b.do(t, chromedp.SendKeys(input, kb.ArrowDown))
	if got := eval[string](t, b, shadow+".querySelector('input').getAttribute('aria-activedescendant')"); got != "o0" {
		t.Errorf("aria-activedescendant after ArrowDown: got %q, want o0", got)
	}
	pick := eval[string](t, b, shadow+".getElementById('o0').textContent")
	b.do(t, chromedp.SendKeys(input, "\r"))
	b.waitFor(t, shadow+".querySelector('[role=listbox]').hidden && "+shadow+".querySelectorAll('[part~=result]').length > 0")
	if got := eval[string](t, b, shadow+".querySelector('input').value"); got != pick {
		t.Errorf("after Enter: field %q, want the suggestion %q", got, pick)
	}
	b.do(t, chromedp.SendKeys(input, "\t"))
	if got := eval[string](t, b, shadow+".activeElement?.getAttribute('part')"); got != "button" {
		t.Fatalf("Tab from the field: focus on part %q, want the button", got)
	}
	if got := eval[string](t, b, "getComputedStyle("+shadow+".activeElement).outlineStyle"); got == "none" {
		t.Errorf("focused button: no visible outline")
	}
}

// attributes: the host changes the element; the widget follows.
func (w *widgetVisit) attributes(t *testing.T) {
	b := w.b
	start := b.requestCount()
	eval[chromedp.Void](t, b, "document.querySelector('wegweiser-search').setAttribute('topic', 'labour-rights')")
	b.waitFor(t, "["+shadow+".querySelector('[part~=more]')].some((a) => a.href.includes('topic=labour-rights'))")
	asked := false
	for _, u := range b.requestsSince(start) {
		asked = asked || (strings.Contains(u, "/api/v1/search?") && strings.Contains(u, "topic=labour-rights"))
	}
	if !asked {
		t.Errorf("topic attribute: no search with topic=labour-rights")
	}
	// Without a lang attribute the host page's language counts, also when it changes.
	eval[chromedp.Void](t, b, "document.documentElement.lang = 'uk'")
	want := mustStrings(t, "uk")["searchLabel"].(string)
	b.waitFor(t, shadow+".querySelector('label').textContent === "+jsString(want))
	b.waitFor(t, shadow+".querySelectorAll('[part~=result]').length > 0")
	if got := eval[string](t, b, shadow+".querySelector('[part~=link]').href"); !strings.Contains(got, "lang=uk") {
		t.Errorf("link after the host's language changed: %q, want lang=uk", got)
	}
	eval[chromedp.Void](t, b, "document.documentElement.lang = 'de'")
}

func (w *widgetVisit) arabic(t *testing.T) {
	b := w.b
	eval[chromedp.Void](t, b, "document.querySelector('wegweiser-search').setAttribute('lang', 'ar')")
	want := mustStrings(t, "ar")["searchLabel"].(string)
	b.waitFor(t, shadow+".querySelector('label').textContent === "+jsString(want)+" && "+shadow+".querySelectorAll('[part~=result]').length > 0")
	if got := eval[string](t, b, shadow+".querySelector('[part~=root]').lang + ' ' + "+shadow+".querySelector('[part~=root]').dir"); got != "ar rtl" {
		t.Errorf("lang and dir: got %q, want \"ar rtl\"", got)
	}
	if got := eval[string](t, b, "getComputedStyle("+shadow+".querySelector('input')).direction"); got != "rtl" {
		t.Errorf("input direction: got %q, want rtl", got)
	}
	if !eval[bool](t, b, `(() => { const s = `+shadow+`; return s.querySelector('button').getBoundingClientRect().right <= s.querySelector('input').getBoundingClientRect().left + 1; })()`) {
		t.Errorf("rtl: the search button is not left of the field")
	}
	if got := eval[string](t, b, "document.documentElement.lang + ' ' + getComputedStyle(document.body).direction"); got != "de ltr" {
		t.Errorf("host page: got %q, want it untouched (\"de ltr\")", got)
	}
	b.check(t, "widget-arabic")
}

// places: a query naming a town says, as on the page, which place comes
// first, named as the records name it with its district in the widget's
// language, right to left in Arabic; its link searches again inside the
// widget without the place's words, by keyboard too.
func (w *widgetVisit) places(t *testing.T) {
	b := w.b
	line := shadow + ".querySelector('[part~=places]')"
	eval[chromedp.Void](t, b, "const el = document.querySelector('wegweiser-search'); el.removeAttribute('topic'); el.setAttribute('q', 'Jobcenter Bad Harzburg')")
	b.waitFor(t, line+" && !"+shadow+".querySelector('[aria-busy]')")
	ar := mustStrings(t, "ar")
	want := strings.ReplaceAll(ar["placesFirst"].(map[string]any)["one"].(string), "{places}", "Bad Harzburg ("+areaName(t, w.srv, "Jobcenter Bad Harzburg", "ar")+")") +
		" " + ar["searchWithoutPlace"].(map[string]any)["one"].(string)
	if got := eval[string](t, b, line+".textContent"); got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	if got := eval[string](t, b, "getComputedStyle("+line+").direction"); got != "rtl" {
		t.Errorf("line runs %s, want rtl", got)
	}
	b.check(t, "widget-places")
	eval[chromedp.Void](t, b, line+".querySelector('a').focus()")
	b.do(t, chromedp.KeyEvent(kb.Enter))
	b.waitFor(t, shadow+".querySelector('input').value === 'Jobcenter' && !"+line+" && !"+shadow+".querySelector('[aria-busy]')")
	if got := eval[string](t, b, shadow+".querySelector('[part~=more]').href"); got != w.srv.URL+"/?q=Jobcenter&lang=ar" {
		t.Errorf("after the search without the place, more results leads to %q, want the page's search for Jobcenter", got)
	}
}

// onlyWegweiser: every request went to the host's own pages or to
// Wegweiser; nothing set a cookie or stored anything.
func (w *widgetVisit) onlyWegweiser(t *testing.T) {
	b := w.b
	for _, u := range b.requestsSince(0) {
		if !strings.HasPrefix(u, w.srv.URL+"/") && !w.host.owns(u) && !strings.HasPrefix(u, "data:") {
			t.Errorf("request left Wegweiser: %s", u)
		}
	}
	res, err := chromedp.Call(b.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{w.srv.URL + "/", w.host.URL + "/"}})
	if err != nil {
		t.Fatalf("cookies: %v", err)
	}
	if len(res.Cookies) > 0 {
		t.Errorf("cookies: got %d, want none", len(res.Cookies))
	}
	for _, origin := range []string{w.host.URL + "/plain", w.srv.URL + "/embed"} {
		b.do(t, chromedp.Navigate(origin))
		if n := eval[int](t, b, "localStorage.length + sessionStorage.length"); n > 0 {
			t.Errorf("%s: %d entries in web storage, want none", origin, n)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.errors) > 0 {
		t.Errorf("uncaught exceptions: %v", b.errors)
	}
}

// diff lists what got has and want lacks.
func diff(got, want []string) []string {
	var extra []string
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	return extra
}
