package static_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestOfflineLanguages: once the page has been opened, every interface
// language works without a connection, with its topic tiles, also one
// never chosen before (issue 13: it fell back to German and the tiles
// vanished).
func TestOfflineLanguages(t *testing.T) {
	chromium, axe := browserTools(t)
	srv := startServer(t)
	b := newBrowser(t, chromium, axe)
	b.do(t, chromedp.EmulateViewport(390, 800), chromedp.Navigate(srv.URL+"/?lang=de"))
	b.waitFor(t, "document.querySelectorAll('.tile').length >= 10 && navigator.serviceWorker.controller")
	srv.stop()
	for _, lang := range []string{"fa", "uk"} {
		t.Run(lang, func(t *testing.T) {
			eval[chromedp.Void](t, b, `(() => { const s = document.getElementById('ui-lang'); s.value = '`+lang+`';
				s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
			deadline := time.Now().Add(5 * time.Second)
			for eval[string](t, b, "document.documentElement.lang") != lang && time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
			}
			if got := eval[string](t, b, "document.documentElement.lang"); got != lang {
				t.Fatalf("offline switch to %s: the page is in %q", lang, got)
			}
			want := mustStrings(t, lang)["topicsTitle"].(string)
			b.waitFor(t, "document.getElementById('topics-h')?.textContent === "+jsString(want)+" && !document.querySelector('main[aria-busy]')")
			b.waitFor(t, "document.querySelectorAll('.tile').length >= 10 || document.querySelector('.tiles .notice')")
			if n := eval[int](t, b, "document.querySelectorAll('.tile').length"); n < 10 {
				t.Errorf("offline in %s: %d topic tiles, want them all", lang, n)
			}
			b.check(t, "offline-"+lang)
		})
	}
}
