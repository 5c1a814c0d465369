package static_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// hostSite is a partner's website on a second origin (another port) that
// embeds Wegweiser under a strict CSP: scripts, connections and frames only
// from Wegweiser's origin, styles only from the site itself.
type hostSite struct {
	*httptest.Server
	paths map[string]bool // the addresses the site serves
}

// hostCSS is the partner's own look; the widget must not change it, and
// takes from it only the font, the custom properties and ::part() rules.
const hostCSS = `body { font-family: Georgia, serif; font-size: 17px; color: rgb(20, 20, 20); margin: 8px; line-height: 1.4; }
h1 { color: rgb(120, 0, 40); font-size: 30px; margin: 0 0 12px; }
p, li { color: rgb(40, 40, 40); }
a { color: rgb(0, 60, 160); }
input, button { font-size: 15px; padding: 3px 6px; border: 1px solid rgb(90, 90, 90); border-radius: 0; background: rgb(255, 255, 255); }
ul { padding-left: 20px; }
wegweiser-search { --wegweiser-accent: rgb(128, 0, 64); --wegweiser-radius: 2px; margin-top: 16px; }
wegweiser-search::part(result) { border-bottom-color: rgb(128, 0, 64); }
`

const hostPage = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stadt Beispiel – Beratung für Zugewanderte</title>
<link rel="stylesheet" href="/host.css">
%s
</head>
<body>
<header><p class="site">Stadt Beispiel</p></header>
<main>
<h1>Beratung für Zugewanderte</h1>
<p>Hier finden Sie Beratungsstellen in der Region. <a href="/kontakt">Kontakt</a></p>
<ul><li>Sprechzeiten im Rathaus</li><li>Formulare</li></ul>
<form action="/suche"><label for="site-q">Suche auf dieser Seite</label> <input id="site-q" type="search"> <button>Suchen</button></form>
%s
</main>
</body>
</html>
`

// newHostSite serves: / (the page with the widget), /plain (the same page
// without the widget's script: the baseline of the host's styles), /framed
// (the embed page in an iframe) and /host.css.
func newHostSite(tb testing.TB, wegweiser string) *hostSite {
	tb.Helper()
	script := `<script type="module" src="` + wegweiser + `/widget.js"></script>`
	element := `<wegweiser-search limit="3"></wegweiser-search>`
	frame := `<iframe src="` + wegweiser + `/embed?q=Arbeit&amp;lang=uk&amp;limit=3" title="Wegweiser" width="100%" height="400"></iframe>`
	pages := map[string]string{
		"/":       fmt.Sprintf(hostPage, script, element),
		"/plain":  fmt.Sprintf(hostPage, "", element),
		"/framed": fmt.Sprintf(hostPage, "", frame),
	}
	csp := "default-src 'none'; script-src " + wegweiser + "; connect-src " + wegweiser + "; frame-src " + wegweiser +
		"; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'"
	h := &hostSite{paths: map[string]bool{"/host.css": true, "/favicon.ico": true}}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if r.URL.Path == "/host.css" {
			w.Header().Set("Content-Type", "text/css")
			fmt.Fprint(w, hostCSS)
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	for p := range pages {
		h.paths[p] = true
	}
	tb.Cleanup(h.Close)
	return h
}

// owns tells whether a URL is one of the host site's own addresses.
func (h *hostSite) owns(u string) bool {
	rest, ok := strings.CutPrefix(u, h.URL)
	path, _, _ := strings.Cut(rest, "?")
	return ok && h.paths[path]
}

// hostStyles is JavaScript giving the computed styles of the host's own
// elements, one line per element, for comparing before and after.
const hostStyles = `(() => {
  const props = ['color', 'background-color', 'font-family', 'font-size', 'font-weight', 'line-height', 'display',
    'margin-top', 'margin-bottom', 'margin-left', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style',
    'border-top-color', 'border-radius', 'box-sizing', 'text-align', 'direction', 'letter-spacing', 'list-style-type',
    'outline-style', 'text-decoration-line', 'text-transform', 'visibility', 'opacity'];
  const els = ['html', 'body', 'header', '.site', 'main', 'h1', 'main > p', 'main a', 'ul', 'li', 'form', 'label', '#site-q', 'form button'];
  return els.map((sel) => {
    const cs = getComputedStyle(document.querySelector(sel));
    return sel + ' ' + props.map((p) => p + ':' + cs.getPropertyValue(p)).join('; ');
  });
})()`

// coldLoad opens url with the browser cache off, waits for ready and
// returns the bytes transferred and the number of requests.
func (b *browser) coldLoad(tb testing.TB, url, ready string) (int64, int) {
	tb.Helper()
	cache := func(off bool) {
		if _, err := chromedp.Call(b.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: off}); err != nil {
			tb.Fatalf("cache: %v", err)
		}
	}
	cache(true)
	defer cache(false)
	b.do(tb, chromedp.Navigate("about:blank"))
	time.Sleep(200 * time.Millisecond) // the last page's requests finish
	b.transferred()
	start := b.requestCount()
	b.do(tb, chromedp.Navigate(url))
	b.waitFor(tb, ready)
	time.Sleep(200 * time.Millisecond)
	return b.transferred(), len(b.requestsSince(start))
}

// shadow is the JavaScript path into the first widget's shadow root.
const shadow = `document.querySelector('wegweiser-search').shadowRoot`

type apiResult struct {
	ID               string `json:"id"`
	URL              string `json:"url"` // the service's page, root-relative`
	Name             string `json:"name"`
	OrganizationName string `json:"organization_name"`
	Cost             string `json:"cost"`
	Languages        []struct {
		Name string `json:"name"`
	} `json:"languages"`
	Locations []struct {
		City     string `json:"city"`
		OpenNow  bool   `json:"open_now"`
		NextOpen string `json:"next_open"`
	} `json:"locations"`
}

// searchResults asks the API what the widget should show.
func searchResults(tb testing.TB, url string) []apiResult {
	tb.Helper()
	res, err := http.Get(url)
	if err != nil {
		tb.Fatalf("search: %v", err)
	}
	defer res.Body.Close()
	var body struct {
		Results []apiResult `json:"results"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		tb.Fatalf("search %s: %v", url, err)
	}
	return body.Results
}
