package static_test

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"regexp"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/static"
)

// maxWidgetGzip is the widget's budget: partner pages load it on every visit.
const maxWidgetGzip = 12 << 10

// TestWidgetSize checks the budget of widget.js, compressed as the server
// sends it (gzip, best compression, once at startup).
func TestWidgetSize(t *testing.T) {
	b, err := fs.ReadFile(static.FS(), "widget/widget.js")
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if buf.Len() > maxWidgetGzip {
		t.Errorf("widget.js: got %d bytes gzip, want at most %d", buf.Len(), maxWidgetGzip)
	}
	t.Logf("widget.js: %d bytes, %d gzip (%.1f KiB; budget 12 KiB)", len(b), buf.Len(), float64(buf.Len())/1024)
}

// TestWidgetKeepsToItself reads the widget for what a host page's CSP would
// block or its visitors would not want: code from strings, markup from
// strings, inline styles, storage, cookies, addresses of other sites. The
// browser test sees the effects; this names the line.
func TestWidgetKeepsToItself(t *testing.T) {
	b, err := fs.ReadFile(static.FS(), "widget/widget.js")
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	bad := regexp.MustCompile(`\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|\.style\b|setAttribute\('style'|` +
		`localStorage|sessionStorage|indexedDB|document\.cookie|https?://|\bwindow\.\w+\s*=|globalThis`)
	for i, line := range bytes.Split(b, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("//")) {
			continue
		}
		if m := bad.Find(line); m != nil {
			t.Errorf("widget/widget.js:%d: %q", i+1, m)
		}
	}
}
