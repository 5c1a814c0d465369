package static_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browser is one headless Chromium tab and what it did.
type browser struct {
	ctx   context.Context
	axe   string
	shots string // folder for screenshots; empty: none are written

	mu       sync.Mutex
	requests []string         // every URL the page asked for
	bytes    map[string]int64 // encoded bytes per finished request
	errors   []string         // uncaught exceptions
}

var chromiumFlags = []chromedp.ExecAllocatorOption{
	chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
	chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
}

func newBrowser(tb testing.TB, chromium, axe string) *browser {
	tb.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.UserDataDir(tb.TempDir()))
	opts = append(opts, chromiumFlags...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browser{ctx: ctx, axe: axe, shots: os.Getenv("WEGWEISER_SCREENSHOTS"), bytes: map[string]int64{}}
	if err := chromedp.Do(ctx); err != nil {
		need(tb, "chromium does not start", err)
	}
	if err := chromedp.Listen(ctx, b.record); err != nil {
		tb.Fatalf("listen: %v", err)
	}
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	if err == nil {
		// Record CSP violations: an inline script or style would show up here.
		_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
		})
	}
	if err != nil {
		tb.Fatalf("set up tab: %v", err)
	}
	return b
}

func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, e.Request.URL)
	case *network.EventLoadingFinished:
		b.bytes[string(e.RequestID)] = int64(e.EncodedDataLength)
	case *runtime.EventExceptionThrown:
		b.errors = append(b.errors, e.ExceptionDetails.Text+" "+description(e.ExceptionDetails.Exception))
	}
}

func description(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

// do runs actions with a time limit.
func (b *browser) do(tb testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.Fatalf("browser: %v", err)
	}
}

// eval returns the value of a JavaScript expression (promises are awaited).
func eval[T any](tb testing.TB, b *browser, js string) T {
	tb.Helper()
	v, err := tryEval[T](b, js)
	if err != nil {
		tb.Fatalf("eval %q: %v", js, err)
	}
	return v
}

func tryEval[T any](b *browser, js string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// waitFor polls a JavaScript condition until it is true. A poll that
// meets a page being replaced (after a click on a link) counts as false:
// the browser then answers that the page it asked navigated away, or that
// its context is gone.
func (b *browser) waitFor(tb testing.TB, cond string) {
	tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !b.holds(tb, "Boolean("+cond+")") {
		if time.Now().After(deadline) {
			tb.Fatalf("waited 15 s for %s; page is %s showing %q", cond, eval[string](tb, b, "location.href"),
				eval[string](tb, b, "(document.querySelector('main') || document.body).innerText.slice(0, 300)"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// holds evaluates cond, false while the page is being replaced.
func (b *browser) holds(tb testing.TB, cond string) bool {
	tb.Helper()
	v, err := tryEval[bool](b, cond)
	if err != nil {
		if msg := err.Error(); strings.Contains(msg, "navigated or closed") || strings.Contains(msg, "context was destroyed") ||
			strings.Contains(msg, "Cannot find context") {
			return false
		}
		tb.Fatalf("eval %q: %v", cond, err)
	}
	return v
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// check runs axe-core on the view at 390 and 1280 px, checks that no
// inline script or style was blocked, and takes screenshots.
func (b *browser) check(tb testing.TB, view string) {
	tb.Helper()
	for _, width := range []int64{390, 1280} {
		b.do(tb, chromedp.EmulateViewport(width, 900), chromedp.Sleep(150*time.Millisecond))
		if !eval[bool](tb, b, "typeof axe !== 'undefined'") {
			eval[chromedp.Void](tb, b, b.axe)
		}
		raw := eval[[]byte](tb, b, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
			.then((r) => ({violations: r.violations, passes: r.passes.length}))`)
		var res struct {
			Violations []axeViolation `json:"violations"`
			Passes     int            `json:"passes"`
		}
		if err := json.Unmarshal(raw, &res); err != nil {
			tb.Fatalf("axe result: %v", err)
		}
		if res.Passes < 10 {
			tb.Fatalf("%s: axe checked only %d rules; is it working?", view, res.Passes)
		}
		for _, v := range res.Violations {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, fmt.Sprint(n.Target...))
			}
			tb.Errorf("%s at %d px: axe %s: %s (%s)", view, width, v.ID, v.Help, strings.Join(where, "; "))
		}
		if w := eval[int](tb, b, "document.documentElement.scrollWidth"); w > int(width) {
			tb.Errorf("%s at %d px: page is %d px wide (scrolls sideways)", view, width, w)
		}
		if csp := eval[[]string](tb, b, "window.__csp || []"); len(csp) > 0 {
			tb.Errorf("%s: content security policy blocked %v", view, csp)
		}
		b.screenshot(tb, fmt.Sprintf("%s-%d", view, width))
	}
	// 320 CSS px is 1280 px at 400 % zoom: the page must still reflow (WCAG 1.4.10).
	b.do(tb, chromedp.EmulateViewport(320, 900), chromedp.Sleep(150*time.Millisecond))
	if w := eval[int](tb, b, "document.documentElement.scrollWidth"); w > 320 {
		tb.Errorf("%s at 320 px: page is %d px wide (scrolls sideways)", view, w)
	}
	b.do(tb, chromedp.EmulateViewport(1280, 900))
}

func (b *browser) screenshot(tb testing.TB, name string) {
	tb.Helper()
	if b.shots == "" {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644)
	}
	if err != nil {
		tb.Errorf("screenshot %s: %v", name, err)
	}
}

// allowLocation grants geolocation to origin and places the browser at lat, lon.
func (b *browser) allowLocation(tb testing.TB, origin string, lat, lon float64) {
	tb.Helper()
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "geolocation"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: origin,
	})
	if err == nil {
		accuracy := 10.0
		_, err = chromedp.Call(b.ctx, emulation.SetGeolocationOverride, emulation.SetGeolocationOverrideParams{
			Latitude: &lat, Longitude: &lon, Accuracy: &accuracy,
		})
	}
	if err != nil {
		tb.Fatalf("geolocation: %v", err)
	}
}

// media switches between "print" and "" (screen).
func (b *browser) media(tb testing.TB, media string) {
	tb.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		tb.Fatalf("media %q: %v", media, err)
	}
}

// requestsSince returns the URLs asked for after the first n.
func (b *browser) requestsSince(n int) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests[n:]...)
}

func (b *browser) requestCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.requests)
}

// transferred sums the encoded bytes of all finished requests and resets the sum.
func (b *browser) transferred() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	var sum int64
	for _, n := range b.bytes {
		sum += n
	}
	b.bytes = map[string]int64{}
	return sum
}

// browserTools skips a browser test in -short mode and otherwise finds
// Debian's Chromium and axe-core, failing with how to install what is missing.
func browserTools(tb testing.TB) (chromium, axe string) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("browser test skipped in -short mode")
	}
	chromium, err := chromiumPath()
	need(tb, "chromium not found", err)
	axe, err = axeSource()
	need(tb, "axe-core not installed", err)
	return chromium, axe
}
