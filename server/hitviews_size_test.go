package server

import (
	"context"
	"strings"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestAnswerSizeBound: the body of an answer is made at answerSize and
// never grows (it is kept with the answer), nor is it made much larger
// than needed: at most half again and 1 KiB. Answers of many hits, of
// long snippets, in scripts escaped in JSON, with distances, of none, and
// of many places named.
func TestAnswerSizeBound(t *testing.T) {
	ix := realIndex(t)
	defer ix.Close()
	tests := []struct {
		text, lang string
		limit      int
		near       *index.Point
	}{
		{"Beratung", "de", maxLimit, nil},
		{"Beratung Arbeit Aufenthalt Anerkennung Sprache", "de", maxLimit, nil},
		{"мій роботодавець не платить зарплату", "uk", defaultLimit, nil},
		{"أبحث عن عمل في براونشفايغ", "ar", maxLimit, nil},
		{`"<b>" & 'Jobcenter'`, "en", defaultLimit, nil},
		{"Jobcenter", "fa", defaultLimit, &index.Point{Lat: 52.26, Lon: 10.52}},
		{strings.Repeat("Sprachkurs ", 12), "de", 1, nil},
		{"xqzzyv", "de", defaultLimit, nil},
		{"Peine&&&&&&&&&&&&&&&&&&& Bad Harzburg Königslutter Westhagen Lebenstedt Gifhorn Vechelde Goslar Wolfenbüttel", "ar", 1, nil},
	}
	views := newHitViews()
	for _, tc := range tests {
		q := index.Query{Text: tc.text, Lang: tc.lang, Near: tc.near, Page: 1, Limit: tc.limit}
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", tc.text, err)
		}
		v := newViewer(ix, q.Lang)
		head := searchHead{Query: q.Text, Lang: q.Lang, DetectedLang: res.DetectedLang, Places: v.places(res.Places),
			Total: res.Total, Page: q.Page, Limit: q.Limit}
		foot := searchFoot{Facets: v.facets(res.Facets), Suggestion: res.Suggestion, Fallback: res.Fallback}
		body, err := views.encodeSearch(nil, v, head, res.Hits, foot)
		if err != nil {
			t.Fatalf("%q: %v", tc.text, err)
		}
		parts := make([]*hitJSON, len(res.Hits))
		for i, h := range res.Hits {
			if parts[i], err = hitParts(nil, v, h); err != nil {
				t.Fatal(err)
			}
		}
		size := answerSize(head, res.Hits, parts, foot)
		if len(body) > size || cap(body) != size {
			t.Errorf("%q: %d bytes, in a body made for %d (grown to %d)", tc.text, len(body), size, cap(body))
		}
		if size > len(body)*3/2+1024 {
			t.Errorf("%q: %d bytes, in a body made for %d", tc.text, len(body), size)
		}
	}
}
