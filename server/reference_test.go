package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestReferencePage checks the open-data page: every route of openapi.json
// and every schema is on it, it links the document and it needs no script
// or inline style (the CSP allows neither).
func TestReferencePage(t *testing.T) {
	e := newTestServer(t)
	rec := do(e, http.MethodGet, referencePath+"?lang=ar", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	page := rec.Body.String()
	var doc struct {
		Paths      map[string]any
		Components struct{ Schemas map[string]any }
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	want := []string{`href="/api/v1/openapi.json"`, `lang="ar" dir="rtl"`, `<div class="reference" lang="en"`, "Creative Commons Attribution 4.0"}
	for p := range doc.Paths {
		want = append(want, "<code>GET "+p+"</code>")
	}
	for name := range doc.Components.Schemas {
		want = append(want, `id="schema-`+name+`"`)
	}
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("the page lacks %q", w)
		}
	}
	for _, bad := range []string{"<script", "style=", "<style", "http://", "https://cdn"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	if got := strings.Count(page, `href="/open-data?lang=ar"`); got != 1 {
		t.Errorf("footer links to the page %d times, want 1", got)
	}
}

func TestInlineMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"use `lang`":     "use <code>lang</code>",
		"<b> & `x<y>`":   "&lt;b&gt; &amp; <code>x&lt;y&gt;</code>",
		"one ` unpaired": "one ` unpaired",
		"`a` and `b` `c": "<code>a</code> and <code>b</code> `c",
	} {
		if got := string(inlineMarkdown(in)); got != want {
			t.Errorf("inlineMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
