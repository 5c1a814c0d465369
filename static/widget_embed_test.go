package static_test

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The embed page in a partner's frame and on its own, and the builder.

// framed: the embed page in a partner's iframe posts its height.
func (w *widgetVisit) framed(t *testing.T) {
	b := w.b
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'wegweiser:height') __heights.push({origin: e.origin, height: e.data.height}); });`,
	})
	if err != nil {
		t.Fatalf("listen for messages: %v", err)
	}
	b.do(t, chromedp.Navigate(w.host.URL+"/framed"))
	// A frame blocked by frame-ancestors would never post anything.
	b.waitFor(t, "window.__heights?.some((m) => m.height > 500)")
	for _, origin := range eval[[]string](t, b, "__heights.map((m) => m.origin)") {
		if origin != w.srv.URL {
			t.Errorf("height message from %q, want %q", origin, w.srv.URL)
		}
	}
}

func (w *widgetVisit) embedPage(t *testing.T) {
	b := w.b
	bytes, requests := b.coldLoad(t, w.srv.URL+"/embed?q=Arbeit&lang=ar&area=wolfsburg", shadow+"?.querySelectorAll('[part~=result]').length > 0")
	t.Logf("embed page with results, empty cache: %d bytes in %d requests", bytes, requests)
	if got := eval[string](t, b, "document.documentElement.lang + ' ' + document.documentElement.dir"); got != "ar rtl" {
		t.Errorf("embed page: got %q, want \"ar rtl\"", got)
	}
	if got := eval[string](t, b, shadow+".querySelector('[part~=link]').target"); got != "_top" {
		t.Errorf("embed page links: target %q, want _top (open Wegweiser in place of the framing page)", got)
	}
	b.check(t, "embed")
}

func (w *widgetVisit) builder(t *testing.T) {
	b := w.b
	b.do(t, chromedp.Navigate(w.srv.URL+"/embed-builder"))
	b.waitFor(t, "document.querySelectorAll('#b-topic option').length > 5 && document.querySelectorAll('#b-area option').length > 5")
	b.check(t, "builder")
	eval[chromedp.Void](t, b, `(() => { for (const [id, v] of [['b-lang', 'ar'], ['b-topic', 'labour-rights'], ['b-area', 'wolfsburg']]) {
		const s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event('change', {bubbles: true})); } })()`)
	wantScript := `<script src="` + w.srv.URL + `/widget.js" type="module"></script>` + "\n" +
		`<wegweiser-search lang="ar" topic="labour-rights" area="wolfsburg" limit="5"></wegweiser-search>`
	if got := eval[string](t, b, "document.getElementById('snippet').value"); got != wantScript {
		t.Errorf("script snippet:\n got %s\nwant %s", got, wantScript)
	}
	b.waitFor(t, shadow+"?.querySelector('[part~=root]')?.dir === 'rtl' && "+shadow+".querySelectorAll('[part~=result]').length > 0")
	b.do(t, chromedp.Click(chromedp.ID("b-iframe")))
	wantFrame := `<iframe src="` + w.srv.URL + `/embed?lang=ar&amp;topic=labour-rights&amp;area=wolfsburg&amp;limit=5"`
	if got := eval[string](t, b, "document.getElementById('snippet').value"); !strings.HasPrefix(got, wantFrame) {
		t.Errorf("iframe snippet:\n got %s\nwant it to start with %s", got, wantFrame)
	}
	b.waitFor(t, "Number(document.querySelector('#preview iframe')?.height) > 400") // fitted to the height it posted
	b.do(t, chromedp.Click(chromedp.ID("copy")))
	b.waitFor(t, "document.getElementById('copied').textContent !== ''")
	b.check(t, "builder-iframe")
}
