package static_test

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// badLinks: a link that asks for what does not exist (a page past the
// last, an unknown filter value) says so in the page's language and offers
// the way back, never "try again later" and never a raw id; a real
// transient failure (a 503) still says "try again later".
func badLinks(t *testing.T, b *browser, srv *server, lang string) {
	words := mustStrings(t, lang)
	word := func(key string, vars ...string) string {
		s := words[key].(string)
		for i := 0; i+1 < len(vars); i += 2 {
			s = strings.ReplaceAll(s, "{"+vars[i]+"}", vars[i+1])
		}
		return s
	}
	notice := "document.querySelector('.results-main .notice')"
	cases := []struct {
		name, query      string
		say, way         string
		wantAfter, notIn string // the address after following the way back has, and has not
	}{
		{"page past the API's limit", "q=Arbeit&page=99999", word("noSuchPage", "page", "99999"), word("toFirstPage"), "q=Arbeit", "page="},
		{"page past the last", "q=Arbeit&page=50", word("noSuchPage", "page", "50"), word("toFirstPage"), "q=Arbeit", "page="},
		{"unknown topic beside a known one", "topic=nope&topic=work", word("unknownFilter", "filter", word("filterTopic")), word("removeUnknownFilter"), "topic=work", "nope"},
		{"unknown area", "q=Arbeit&area=atlantis", word("unknownFilter", "filter", word("filterArea")), word("removeUnknownFilter"), "q=Arbeit", "atlantis"},
		{"unknown language", "q=Arbeit&language=zz", word("unknownFilter", "filter", word("filterLanguage")), word("removeUnknownFilter"), "q=Arbeit", "zz"},
		{"unknown group", "q=Arbeit&group=nobody", word("unknownFilter", "filter", word("filterGroup")), word("removeUnknownFilter"), "q=Arbeit", "nobody"},
	}
	for _, c := range cases {
		b.do(t, chromedp.EmulateViewport(412, 900), chromedp.Navigate(srv.URL+"/?lang="+lang+"&"+c.query))
		b.waitFor(t, notice+" && !document.querySelector('.results-main[aria-busy]')")
		if got := eval[string](t, b, notice+".querySelector('p').textContent"); got != c.say {
			t.Errorf("%s: notice %q, want %q", c.name, got, c.say)
		}
		chips := eval[string](t, b, "[...document.querySelectorAll('.active-filters a')].map((a) => a.textContent).join(' | ')")
		for _, raw := range []string{"nope", "atlantis", "zz", "nobody"} {
			if strings.Contains(chips, raw) {
				t.Errorf("%s: a filter shows its raw id %q: %q", c.name, raw, chips)
			}
		}
		if c.name == "unknown topic beside a known one" {
			b.check(t, "bad-link-topic-"+lang)
		}
		if got := eval[string](t, b, notice+".querySelector('a')?.textContent || ''"); got != c.way {
			t.Errorf("%s: way back %q, want %q", c.name, got, c.way)
			continue
		}
		b.do(t, chromedp.Click(chromedp.CSS(".results-main .notice a")))
		b.waitFor(t, "!location.search.includes('"+c.notIn+"') && document.querySelectorAll('.result').length > 0 && "+idle)
		if got := eval[string](t, b, "decodeURIComponent(location.search)"); !strings.Contains(got, c.wantAfter) || !strings.Contains(got, "lang="+lang) {
			t.Errorf("%s: the way back leads to %q, want %q kept in %s", c.name, got, c.wantAfter, lang)
		}
	}

	// A server that fails for now is not a bad link. (The service worker
	// would fetch the search itself, out of the page's sight: bypass it.)
	bypass := func(on bool) {
		if _, err := chromedp.Call(b.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: on}); err != nil {
			t.Fatalf("bypass the service worker: %v", err)
		}
	}
	bypass(true)
	defer bypass(false)
	held := holdRequests(t, b, "*/api/v1/search*")
	b.do(t, chromedp.Navigate(srv.URL+"/?lang="+lang+"&q=Arbeit"))
	id := held.next(t)
	if _, err := chromedp.Call(b.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: 503,
		ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "application/json"}},
		Body:            []byte(`{"error":{"code":"busy","message":"busy"}}`)}); err != nil {
		t.Fatalf("answer 503: %v", err)
	}
	held.stop(t)
	b.waitFor(t, notice)
	if got := eval[string](t, b, notice+".textContent"); got != word("loadError") {
		t.Errorf("a 503: notice %q, want %q", got, word("loadError"))
	}
}
