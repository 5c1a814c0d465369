package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestHitViewsEncodeAsTheWholeStruct: an answer assembled from kept hit
// views is byte for byte what json.Marshal of the whole response gives,
// for hits seen for the first time and again, in several languages, with
// distances, with the fallback's hits and with places read.
func TestHitViewsEncodeAsTheWholeStruct(t *testing.T) {
	ix := realIndex(t)
	var live index.Live
	live.Swap(ix)
	defer live.Swap(nil)
	e, err := New(&live, testFrontend, Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, lang string
		near       *index.Point
	}{
		{"Beratung", "de", nil},
		{"Beratung Arbeit", "de", nil}, // many of the same hits, now from the cache
		{"Beratung", "ar", nil},
		{"work permit", "en", nil},
		{"Jobcenter", "uk", &index.Point{Lat: 52.26, Lon: 10.52}},
		{"Jobcenter Wolfsburg", "de", &index.Point{Lat: 52.42, Lon: 10.78}},
		{"xqzzyv", "de", nil},                         // nothing found: the first contacts
		{"مساعدة بفولفسبورغ Bad Harzburg", "ar", nil}, // places read
	}
	for _, tt := range tests {
		target := "/api/v1/search?q=" + url.QueryEscape(tt.text) + "&lang=" + tt.lang
		q := index.Query{Text: tt.text, Lang: tt.lang, Near: tt.near, Page: 1, Limit: defaultLimit}
		if tt.near != nil {
			target += "&near=" + url.QueryEscape(fmt.Sprintf("%g,%g", tt.near.Lat, tt.near.Lon))
		}
		// Twice at most: the views describe a minute, and one may begin
		// between the answer and the reference.
		var got, want []byte
		for range 2 {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", target, nil)
			req.RemoteAddr = "192.0.2.1:1234"
			e.ServeHTTP(rec, req)
			if rec.Code != 200 {
				t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
			}
			got, want = rec.Body.Bytes(), reference(t, ix, q)
			if bytes.Equal(got, want) {
				break
			}
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", target, got, want)
		}
	}
}

// realIndex is the index of the embedded data; the caller closes it (or
// its Live does).
func realIndex(tb testing.TB) *index.Index {
	tb.Helper()
	d, problems := index.Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatal(errs)
	}
	ix, err := index.New(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// reference encodes a search's answer the plain way: every view made anew
// and the whole response marshalled at once.
func reference(t *testing.T, ix *index.Index, q index.Query) []byte {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	v := newViewer(ix, q.Lang)
	out := searchResponse{searchHead: searchHead{Query: q.Text, Lang: q.Lang, DetectedLang: res.DetectedLang,
		Places: v.places(res.Places), Total: res.Total, Page: q.Page, Limit: q.Limit}, Results: []resultView{},
		searchFoot: searchFoot{Facets: v.facets(res.Facets), Suggestion: res.Suggestion, Fallback: res.Fallback}}
	for _, h := range res.Hits {
		out.Results = append(out.Results, v.result(h))
	}
	body, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return append(body, '\n')
}
