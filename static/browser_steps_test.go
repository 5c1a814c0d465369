package static_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The second half of the journey: one service, saving, printing, other
// languages, and losing the connection.

func (j *journey) detail(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Click(chromedp.CSS(".result h3 a")))
	b.waitFor(t, "location.search.includes('service=') && document.querySelector('.detail h1')")
	j.detailURL = eval[string](t, b, "location.href")
	j.detailName = eval[string](t, b, "document.querySelector('.detail h1').textContent")
	for what, sel := range map[string]string{
		"report an error": `a[href^="mailto:daten@example.org?subject="]`,
		"route link":      `a[href^="https://www.openstreetmap.org/directions?"]`,
		"referral sheet":  `a[href*="view=sheet"]`,
		"verified date":   `#source-h`,
	} {
		if !eval[bool](t, b, "Boolean(document.querySelector('"+strings.ReplaceAll(sel, "'", "\\'")+"'))") {
			t.Errorf("detail: no %s (%s)", what, sel)
		}
	}
	b.check(t, "detail")
}

func (j *journey) backForward(t *testing.T) {
	b := j.b
	eval[chromedp.Void](t, b, "history.back()")
	b.waitFor(t, "location.search.includes('free=1') && document.querySelectorAll('.result').length > 0")
	if !eval[bool](t, b, "document.getElementById('f-free').checked") {
		t.Errorf("back: the free filter is not checked any more")
	}
	eval[chromedp.Void](t, b, "history.forward()")
	b.waitFor(t, "location.href === "+jsString(j.detailURL)+" && document.querySelector('.detail h1')")
}

func (j *journey) mapOnClick(t *testing.T) {
	b := j.b
	b.waitFor(t, "document.querySelector('.map-box button')")
	for _, u := range b.requestsSince(0) {
		if strings.HasPrefix(u, j.tiles) {
			t.Fatalf("a tile was loaded before the click: %s", u)
		}
	}
	j.mapStart = b.requestCount()
	b.do(t, chromedp.Click(chromedp.CSS(".map-box button")))
	b.waitFor(t, "document.querySelector('.leaflet-container') && document.querySelector('.leaflet-tile-loaded')")
	b.check(t, "map")
}

func (j *journey) myList(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Click(chromedp.CSS(".detail .save")))
	b.waitFor(t, "document.querySelector('.detail .save').getAttribute('aria-pressed') === 'true'")
	b.waitFor(t, "document.getElementById('list-count').textContent === '1'")
	b.do(t, chromedp.Click(chromedp.CSS(".top-nav a")))
	b.waitFor(t, "location.search.includes('view=list') && document.querySelectorAll('.saved li').length === 1")
	if got := eval[string](t, b, "document.documentElement.lang + ' ' + new URLSearchParams(location.search).get('lang')"); got != "de de" {
		t.Errorf("language after following a link: got %q, want German kept (\"de de\")", got)
	}
	if got := eval[string](t, b, "document.querySelector('.saved li a').textContent"); got != j.detailName {
		t.Errorf("my list: got %q, want %q", got, j.detailName)
	}
	b.check(t, "my-list")
}

func (j *journey) sheet(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Click(chromedp.CSS(`.actions a[href*="view=sheet"]`)))
	b.waitFor(t, "document.querySelector('.sheet .qr-code path')")
	eval[chromedp.Void](t, b, `(() => { const s = document.getElementById('client-lang'); s.value = 'uk';
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	b.waitFor(t, "document.querySelector('.sheet-col[lang=uk]') && document.querySelector('.sheet-col[lang=de]')")
	b.check(t, "sheet")
	b.media(t, "print")
	defer b.media(t, "")
	if got := eval[string](t, b, "getComputedStyle(document.querySelector('.top')).display"); got != "none" {
		t.Errorf("print: header display got %q, want none", got)
	}
	if got := eval[int](t, b, "getComputedStyle(document.querySelector('.sheet-item')).gridTemplateColumns.split(' ').length"); got != 2 {
		t.Errorf("print: got %d columns, want 2 (client language and German)", got)
	}
	b.screenshot(t, "sheet-print")
}

func (j *journey) sharedList(t *testing.T) {
	b := j.b
	ids := searchIDs(t, j.srv.URL+"/api/v1/search?q=Deutschkurs&lang=tr", 2)
	b.do(t, chromedp.Navigate(j.srv.URL+"/?view=list&lang=tr&ids="+strings.Join(ids, ",")))
	b.waitFor(t, "document.querySelectorAll('.saved li').length === 2")
	b.do(t, chromedp.Click(chromedp.CSS(".actions .button.primary")))
	b.waitFor(t, "Number(document.getElementById('list-count').textContent) >= 2")
	b.check(t, "shared-list")
}

func (j *journey) nothingFound(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Navigate(j.srv.URL+"/?lang=pl&q=qqxxzzqq"))
	b.waitFor(t, "document.querySelector('.results-main .notice') && !document.querySelector('.results-main[aria-busy]')")
	b.check(t, "nothing-found")
}

// offerLanguage: an Arabic query on the German page offers the Arabic page.
func (j *journey) offerLanguage(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Navigate(j.srv.URL+"/?lang=de&q="+url.QueryEscape("تصريح عمل")))
	b.waitFor(t, "document.querySelector('.offer-lang a')")
	if got := eval[string](t, b, "document.querySelector('.offer-lang').lang + ' ' + new URL(document.querySelector('.offer-lang a').href).searchParams.get('lang')"); got != "ar ar" {
		t.Errorf("offer: got %q, want \"ar ar\" (an Arabic link to the Arabic page)", got)
	}
	b.check(t, "language-offer")
	b.do(t, chromedp.Click(chromedp.CSS(".offer-lang a")))
	b.waitFor(t, "document.documentElement.lang === 'ar' && !document.querySelector('.offer-lang')")
}

func (j *journey) arabic(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Navigate(j.srv.URL+"/?lang=ar&q=Aufenthalt"))
	b.waitFor(t, "document.querySelectorAll('.result').length > 0")
	if got := eval[string](t, b, "document.documentElement.lang + ' ' + document.documentElement.dir"); got != "ar rtl" {
		t.Errorf("html lang and dir: got %q, want \"ar rtl\"", got)
	}
	if !eval[bool](t, b, "document.querySelector('.brand').getBoundingClientRect().left > innerWidth / 2") {
		t.Errorf("rtl: the brand is not on the right")
	}
	b.check(t, "arabic")
}

func (j *journey) offline(t *testing.T) {
	b := j.b
	b.do(t, chromedp.Navigate(j.detailURL))
	b.waitFor(t, "navigator.serviceWorker.controller && document.querySelector('.detail h1')")
	j.srv.stop()
	b.do(t, chromedp.Reload())
	b.waitFor(t, "document.querySelector('.detail h1')")
	if got := eval[string](t, b, "document.querySelector('.detail h1').textContent"); got != j.detailName {
		t.Errorf("offline: got %q, want %q", got, j.detailName)
	}
	b.do(t, chromedp.Navigate(strings.SplitN(j.detailURL, "?", 2)[0]+"?view=list"))
	b.waitFor(t, "[...document.querySelectorAll('.saved li a')].some((a) => a.textContent === "+jsString(j.detailName)+")")
	_, err := chromedp.Call(b.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	})
	if err != nil {
		t.Fatalf("go offline: %v", err)
	}
	b.waitFor(t, "!document.getElementById('offline').hidden")
	b.check(t, "offline")
}
