package static_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// maxFirstView is the budget for the first view on a cheap phone.
const maxFirstView = 100 << 10

// TestBrowser drives the real binary in Debian's Chromium through the views
// people use, runs axe-core on each, and checks that nothing but the site
// (and, after "show map", the configured tile server) is ever asked for.
// WEGWEISER_SCREENSHOTS=dir keeps a screenshot of every view at 390 and 1280 px.
func TestBrowser(t *testing.T) {
	chromium, axe := browserTools(t)

	tiles := tileServer(t)
	srv := startServer(t, "--report-email", "daten@example.org", "--tile-url", tiles.URL+"/{z}/{x}/{y}.png")
	b := newBrowser(t, chromium, axe)
	st := &journey{b: b, srv: srv, tiles: tiles.URL}

	steps := []struct {
		name string
		run  func(*testing.T)
	}{
		{"first view", st.home},
		{"keyboard only", st.keyboard},
		{"suggestions", st.suggestions},
		{"search", st.search},
		{"nearest first", st.nearest},
		{"filters", st.filters},
		{"detail", st.detail},
		{"back and forward", st.backForward},
		{"map after a click", st.mapOnClick},
		{"my list", st.myList},
		{"referral sheet", st.sheet},
		{"dates and unconfirmed notice", st.dates},
		{"only for one town", st.onlyForTown},
		{"contact channels", st.channels},
		{"shared list", st.sharedList},
		{"nothing found", st.nothingFound},
		{"query language offered", st.offerLanguage},
		{"arabic right to left", st.arabic},
		{"offline reload", st.offline},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			break // later steps build on this one
		}
	}
	st.onlyOwnOrigin(t)
}

// journey is one person's visit; each step starts where the last ended.
type journey struct {
	b          *browser
	srv        *server
	tiles      string
	detailURL  string
	detailName string
	mapStart   int // requests before "show map"; tiles before it are a leak
}

func (j *journey) home(t *testing.T) {
	b := j.b
	b.transferred()
	start := b.requestCount()
	b.do(t, chromedp.EmulateViewport(390, 800), chromedp.Navigate(j.srv.URL+"/?lang=de"))
	b.waitFor(t, "document.querySelectorAll('.tile').length >= 10")
	time.Sleep(500 * time.Millisecond) // let the service worker settle
	if got := b.transferred(); got > maxFirstView {
		t.Errorf("first view: got %d bytes transferred, want at most %d", got, maxFirstView)
	} else {
		t.Logf("first view: %d bytes (%.1f KiB) transferred in %d requests", got, float64(got)/1024, len(b.requestsSince(start)))
	}
	if got := eval[string](t, b, "document.querySelector('label[for=q]').textContent"); got != "Wobei brauchen Sie Hilfe?" {
		t.Errorf("search label: got %q, want the German label", got)
	}
	b.check(t, "home")
}

func (j *journey) keyboard(t *testing.T) {
	b := j.b
	// From the search field: Tab to the button, Tab to the first topic, Enter.
	b.do(t, chromedp.SendKeys(chromedp.ID("q"), "\t\t"))
	if got := eval[string](t, b, "document.activeElement.className"); got != "tile" {
		t.Fatalf("after two tabs: focus on %q, want the first topic tile", got)
	}
	if got := eval[string](t, b, "getComputedStyle(document.activeElement).outlineStyle"); got == "none" {
		t.Errorf("focused tile: no visible outline")
	}
	b.do(t, chromedp.SendKeys(chromedp.CSS(".tile"), "\r"))
	b.waitFor(t, "location.search.includes('topic=') && document.querySelectorAll('.result').length > 0")
	eval[chromedp.Void](t, b, "history.back()")
	b.waitFor(t, "document.querySelectorAll('.tile').length >= 10")
}

func (j *journey) suggestions(t *testing.T) {
	b := j.b
	b.do(t, chromedp.SendKeys(chromedp.ID("q"), "Arbe"))
	b.waitFor(t, "document.querySelectorAll('#q-list li').length > 0 && !document.querySelector('#q-list').hidden")
	if got := eval[string](t, b, "document.getElementById('q').getAttribute('aria-expanded')"); got != "true" {
		t.Errorf("aria-expanded: got %q, want true", got)
	}
	b.check(t, "suggestions")
	b.do(t, chromedp.SendKeys(chromedp.ID("q"), kb.ArrowDown))
	if got := eval[string](t, b, "document.getElementById('q').getAttribute('aria-activedescendant')"); got != "q-opt-0" {
		t.Errorf("aria-activedescendant after ArrowDown: got %q, want q-opt-0", got)
	}
	b.do(t, chromedp.SendKeys(chromedp.ID("q"), kb.Escape))
	b.waitFor(t, "document.getElementById('q-list').hidden")
}

func (j *journey) search(t *testing.T) {
	b := j.b
	eval[chromedp.Void](t, b, "document.getElementById('q').value = ''")
	b.do(t, chromedp.SendKeys(chromedp.ID("q"), "Arbeit\r"))
	b.waitFor(t, "location.search.includes('q=Arbeit') && document.querySelectorAll('.result').length > 0")
	if got := eval[string](t, b, "document.activeElement.tagName"); got != "H1" {
		t.Errorf("focus after search: got %s, want the new heading", got)
	}
	b.check(t, "results")
}

func (j *journey) nearest(t *testing.T) {
	b := j.b
	b.allowLocation(t, j.srv.URL, 52.2647, 10.5237) // Braunschweig, Kohlmarkt
	b.do(t, chromedp.Click(chromedp.CSS(".near button")))
	b.waitFor(t, "document.querySelectorAll('.result .distance').length > 0 && !document.querySelector('.results-main[aria-busy]')")
	km := eval[[]float64](t, b, `[...document.querySelectorAll('.result .distance')].map((d) => parseFloat(d.textContent.replace(',', '.')))`)
	for i := 1; i < len(km); i++ {
		if km[i] < km[i-1] {
			t.Errorf("distances not ascending: %v", km)
			break
		}
	}
	if got := eval[string](t, b, "location.search"); strings.Contains(got, "52.26") {
		t.Errorf("the location is in the address: %s", got)
	}
	b.check(t, "nearest")
}

func (j *journey) filters(t *testing.T) {
	b := j.b
	b.do(t, chromedp.EmulateViewport(1280, 900))
	eval[chromedp.Void](t, b, `(() => { const s = document.getElementById('f-language'); s.value = 'en';
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	b.waitFor(t, "location.search.includes('language=en') && !document.querySelector('.results-main[aria-busy]')")
	b.waitFor(t, "document.querySelectorAll('.result').length > 0")
	missing := eval[int](t, b, `[...document.querySelectorAll('.result')].filter((r) => !r.querySelector('a[href*="language=en"]')).length`)
	if missing > 0 {
		t.Errorf("language filter: %d results do not list English", missing)
	}
	b.do(t, chromedp.Click(chromedp.ID("f-free")))
	b.waitFor(t, "location.search.includes('free=1') && !document.querySelector('.results-main[aria-busy]')")
	b.waitFor(t, "document.querySelectorAll('.result').length > 0 || document.querySelector('.results-main .notice')")
	b.check(t, "filters")
}

// onlyOwnOrigin checks every request the page made.
func (j *journey) onlyOwnOrigin(t *testing.T) {
	for i, u := range j.b.requestsSince(0) {
		switch {
		case strings.HasPrefix(u, j.srv.URL+"/"), strings.HasPrefix(u, "data:"):
		case strings.HasPrefix(u, j.tiles+"/") && j.mapStart > 0 && i >= j.mapStart:
		default:
			t.Errorf("request left the site: %s", u)
		}
	}
	j.b.mu.Lock()
	defer j.b.mu.Unlock()
	if len(j.b.errors) > 0 {
		t.Errorf("uncaught exceptions: %v", j.b.errors)
	}
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// searchIDs asks the API for the first n service ids of a search.
func searchIDs(tb testing.TB, url string, n int) []string {
	tb.Helper()
	res, err := http.Get(url)
	if err != nil {
		tb.Fatalf("search: %v", err)
	}
	defer res.Body.Close()
	var body struct {
		Results []struct {
			ID string `json:"id"`
		} `json:"results"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || len(body.Results) < n {
		tb.Fatalf("search %s: got %d results (%v), want %d", url, len(body.Results), err, n)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = body.Results[i].ID
	}
	return ids
}
