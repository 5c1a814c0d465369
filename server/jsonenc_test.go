package server

import (
	"encoding/json"
	"math"
	"testing"
)

// TestJSONByHandAsEncodingJSON: strings and numbers encoded by hand are
// what json.Marshal gives, for every kind of character it escapes and
// every form of number it writes.
func TestJSONByHandAsEncodingJSON(t *testing.T) {
	strings := []string{"", "Beratung", `<mark>Arbeit</mark> & "Leben" 'hier'`, "a\\b/c", "\b\f\n\r\t\x00\x1f\x7f",
		"Übersetzung – für Geflüchtete", "تصريح عمل", "line\u2028sep\u2029", "bad \xff\xfe utf-8 \xe2\x82", "€ 😀"}
	for _, s := range strings {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("string %q: got %s, want %s", s, got, want)
		}
	}
	floats := []float64{0, 1, -1, 0.5, 1.0 / 3, 9.271846650929033, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.2e22,
		-3.5e-8, 123456789.125, math.SmallestNonzeroFloat64, math.MaxFloat64, 0.0001}
	for _, f := range floats {
		want, _ := json.Marshal(f)
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("float %v: got %s, want %s", f, got, want)
		}
	}
	heads := []searchHead{{Query: "a<b", Lang: "de", Total: 3, Page: 1, Limit: 20}, {Query: "", Lang: "ar", DetectedLang: "fa", Total: 0, Page: 1000, Limit: 100},
		{Query: "Jobcenter Peine<", Lang: "ar", Places: []placeView{{Text: "Peine<", Place: "Peine", Area: "lk-peine", AreaName: "مقاطعة باينه", AreaNameLang: "ar"},
			{Text: "вольфсбург", Area: "wolfsburg", AreaName: "Wolfsburg", AreaNameLang: "de"}}, Total: 1, Page: 1, Limit: 20}}
	for _, h := range heads {
		want, _ := json.Marshal(h)
		if got := append(appendSearchHead(nil, h), '}'); string(got) != string(want) {
			t.Errorf("head: got %s, want %s", got, want)
		}
	}
	foots := []searchFoot{
		{Facets: map[string][]facet{"topic": {{ID: "arbeit", Label: "Arbeit & Beruf", Count: 3}}, "area": {}, "group": nil, "language": {{ID: "ar", Label: "عربي", Count: 1}, {ID: "de", Label: "Deutsch", Count: 0}}}},
		{Facets: map[string][]facet{}, Suggestion: "Deutschkurs", Fallback: true},
		{},
	}
	for _, f := range foots {
		want, _ := json.Marshal(f)
		if got := appendSearchFoot([]byte{'{'}, f); string(got) != string(want) {
			t.Errorf("foot: got %s, want %s", got, want)
		}
	}
}

// FuzzJSONByHand: any string, and any finite number, encoded by hand is
// what json.Marshal gives (a query is whatever a client sends).
func FuzzJSONByHand(f *testing.F) {
	f.Add("Beratung <b>&</b>", 0.5)
	f.Add("bad \xff utf-8 \u2028", 1e21)
	f.Add("\x00\x1f\"\\", -9.99e-7)
	f.Fuzz(func(t *testing.T, s string, x float64) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("string %q: got %s, want %s", s, got, want)
		}
		if !finite(x) {
			return
		}
		want, _ = json.Marshal(x)
		if got := appendJSONFloat(nil, x); string(got) != string(want) {
			t.Errorf("float %v: got %s, want %s", x, got, want)
		}
	})
}
