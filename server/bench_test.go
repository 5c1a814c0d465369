package server

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/index/cputime"
)

// BenchmarkSearchHTTP measures a repeated search through the whole HTTP
// stack on the real data: routing, middleware, the answer cache, the JSON
// view. What a cached search costs beside the search itself.
func BenchmarkSearchHTTP(b *testing.B) {
	e, _ := realServer(b, true)
	// The tail: searches that are all different, so no cache helps.
	b.Run("tail", func(b *testing.B) {
		defer cputime.Report(b, cputime.Used())
		for i := 0; b.Loop(); i++ {
			q := tailWords[i%len(tailWords)] + " " + tailWords[(i/len(tailWords))%len(tailWords)] + " " + tailWords[(i/len(tailWords)/len(tailWords))%len(tailWords)]
			req := httptest.NewRequest("GET", "/api/v1/search?q="+url.QueryEscape(q), nil)
			req.RemoteAddr = "192.0.2.1:1234"
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("%s: %d", q, rec.Code)
			}
		}
	})
	for _, target := range []string{"/healthz", "/api/v1/search?q=Deutschkurs", "/api/v1/suggest?q=Aufent"} {
		b.Run(target, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest("GET", target, nil)
				req.RemoteAddr = "192.0.2.1:1234"
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("%s: %d", target, rec.Code)
				}
			}
		})
	}
}

// tailWords are common queries combined by the tail benchmark.
var tailWords = []string{"Aufenthaltstitel verlängern", "Arbeit suchen", "Deutschkurs", "Jobcenter", "Beratung",
	"Anerkennung", "work permit", "Ausländerbehörde", "Integrationskurs", "Migrationsberatung", "تصريح عمل", "робота",
	"iş arıyorum", "praca", "Bürgergeld", "Welcome Center", "Lohn nicht bezahlt", "Blaue Karte", "Ausbildung", "Wohnung"}
