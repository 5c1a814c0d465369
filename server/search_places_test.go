package server

import (
	"net/url"
	"regexp"
	"testing"
)

// TestSearchSaysPlacesRead: a search answer lists the places its query
// names (issue 12): the words as typed, the town's name when they name one,
// and the area, named in the answer's language or in German, said so by
// area_name_lang. Without a place the field is left out. Fixture data: the
// areas have German and English names only.
func TestSearchSaysPlacesRead(t *testing.T) {
	e := newTestServer(t)
	places := regexp.MustCompile(`,"places":(\[.*?\]),"total":`)
	tests := []struct {
		name, q, lang string
		want          string // the places as JSON; "" for none
	}{
		{"a town", "Jobsuche Wolfsburg", "en",
			`[{"text":"Wolfsburg","area":"wolfsburg","area_name":"Wolfsburg","area_name_lang":"en"}]`},
		{"a city district", "Beratung Gartenstadt", "de",
			`[{"text":"Gartenstadt","place":"Gartenstadt","area":"braunschweig","area_name":"Braunschweig","area_name_lang":"de"}]`},
		{"misspelt", "Aufenthalt Gartenstatt", "en",
			`[{"text":"Gartenstatt","place":"Gartenstadt","area":"braunschweig","area_name":"Braunschweig","area_name_lang":"en"}]`},
		{"no name in the answer's language: German, said so", "Gartenstadt", "ar",
			`[{"text":"Gartenstadt","place":"Gartenstadt","area":"braunschweig","area_name":"Braunschweig","area_name_lang":"de"}]`},
		{"two places", "Wolfsburger Jobsuche, Gartenstadt", "de",
			`[{"text":"Wolfsburger","area":"wolfsburg","area_name":"Wolfsburg","area_name_lang":"de"},` +
				`{"text":"Gartenstadt","place":"Gartenstadt","area":"braunschweig","area_name":"Braunschweig","area_name_lang":"de"}]`},
		{"no place", "Jobsuche", "de", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			target := "/api/v1/search?" + url.Values{"q": {tc.q}, "lang": {tc.lang}}.Encode()
			rec, body := get(t, e, target)
			if rec.Code != 200 {
				t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
			}
			got := ""
			if m := places.FindSubmatch(rec.Body.Bytes()); m != nil {
				got = string(m[1])
			}
			if _, ok := body["places"]; got != tc.want || tc.want == "" && ok {
				t.Errorf("%q: got places %s, want %s (none: the field left out)", tc.q, got, tc.want)
			}
		})
	}
}
