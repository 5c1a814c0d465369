package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzSearchParams sends arbitrary query strings through the real router:
// whatever the parameters hold, the answer is never a server error.
// Run long with: go test ./server -run '^$' -fuzz FuzzSearchParams -fuzztime 10m
func FuzzSearchParams(f *testing.F) {
	for _, seed := range []string{
		"q=Aufenthaltstitel+verl%C3%A4ngern&lang=de",
		"q=%22*~:%5C+AND+OR+NOT+(+)+%7B%7D",
		"q=work&topic=work&topic=residence&area=braunschweig&free=true&open=now",
		"near=52.42,10.78&limit=100&page=1000",
		"page=99999999999999999999&limit=-1",
		"lang=ar-SY&q=%D8%B9%D9%85%D9%84",
		"q=%ff%fe&lang=%%%",
		"q=a%00b&language=de,en,ar&group=refugees",
	} {
		f.Add(seed)
	}
	e := newTestServer(f)
	f.Fuzz(func(t *testing.T, rawQuery string) {
		for _, path := range []string{"/api/v1/search", "/api/v1/suggest"} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.URL.RawQuery = rawQuery
			req.RequestURI = path + "?" + rawQuery
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s?%s: status %d, body %s", path, rawQuery, rec.Code, rec.Body)
			}
		}
	})
}
