package index

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"
)

const secondOrg = `name = { de = "Jobhilfe Wolfsburg", en = "Job help Wolfsburg" }
kind = "counselling"
description = { de = "Hilft bei der Arbeitssuche.", en = "Helps finding work." }
source = ["https://example.org/jobhilfe"]
verified = 2026-02-01

[[locations]]
id = "buero"
city = "Wolfsburg"
area = "wolfsburg"
place = "Wolfsburg"
wheelchair = "yes"
opening_hours = "We 14:00-17:00"

[[services]]
id = "jobsuche"
name = { de = "Beratung zur Jobsuche", en = "Job search counselling", ar = "استشارة البحث عن عمل" }
description = { de = "Wir helfen beim Bewerben <und> bei der Suche nach einer Stelle.", en = "We help with applications." }
topics = ["work"]
target_groups = ["everyone"]
languages = ["de", "ar"]
cost = "free"
areas = ["region-braunschweig"]
locations = ["buero"]
first_contact = true
`

func mustIndex(tb testing.TB) *Index {
	tb.Helper()
	d := mustLoad(tb, map[string]string{"organizations/jobhilfe.toml": secondOrg})
	ix, err := New(context.Background(), d)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

func ids(hits []Hit) string {
	var out []string
	for _, h := range hits {
		out = append(out, h.DocID())
	}
	return strings.Join(out, ",")
}

func TestSearchRanking(t *testing.T) {
	ix := mustIndex(t)
	// 2026-11-25 is a Wednesday; the Wolfsburg office opens at 14:00.
	wednesday := time.Date(2026, 11, 25, 15, 0, 0, 0, Berlin())
	tests := []struct {
		name  string
		q     Query
		first string
		total int
	}{
		{"german words", Query{Text: "Aufenthaltstitel verlängern"}, "beispiel-amt/aufenthalt", -1},
		{"umlauts typed as ae", Query{Text: "Aufenthaltstitel verlaengern"}, "beispiel-amt/aufenthalt", -1},
		{"umlauts without dots", Query{Text: "Auslanderamt"}, "beispiel-amt/aufenthalt", -1},
		{"typo", Query{Text: "Aufenthaltstitle"}, "beispiel-amt/aufenthalt", -1},
		{"english via topic keywords", Query{Text: "work permit"}, "beispiel-amt/aufenthalt", -1},
		{"arabic via topic keywords", Query{Text: "تصريح عمل"}, "beispiel-amt/aufenthalt", -1},
		{"prefix while typing", Query{Text: "Jobsu"}, "jobhilfe/jobsuche", -1},
		{"compound split", Query{Text: "Stellensuche"}, "jobhilfe/jobsuche", -1},
		{"filter by topic, empty text", Query{Topics: []string{"work"}}, "jobhilfe/jobsuche", 1},
		{"region service found in its towns", Query{Areas: []string{"braunschweig"}, Topics: []string{"work"}}, "jobhilfe/jobsuche", 1},
		{"town service not found elsewhere", Query{Areas: []string{"wolfsburg"}, Topics: []string{"residence"}}, "", 0},
		{"free only", Query{FreeOnly: true}, "jobhilfe/jobsuche", 1},
		{"language spoken", Query{Languages: []string{"ar"}}, "jobhilfe/jobsuche", 1},
		{"group", Query{Groups: []string{"refugees"}}, "beispiel-amt/aufenthalt", 1},
		{"wheelchair", Query{Wheelchair: true}, "jobhilfe/jobsuche", 1},
		{"open now", Query{OpenNow: true, Now: wednesday}, "jobhilfe/jobsuche", 1},
		{"near Wolfsburg", Query{Near: &Point{52.42, 10.78}}, "jobhilfe/jobsuche", 2},
		{"near Braunschweig", Query{Near: &Point{52.23, 10.50}}, "beispiel-amt/aufenthalt", 2},
		{"empty lists by name", Query{}, "beispiel-amt/aufenthalt", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.q.Lang, tc.q.Page, tc.q.Limit = "de", 1, 10
			res, err := ix.Search(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if tc.total >= 0 && res.Total != tc.total {
				t.Errorf("total = %d (%s), want %d", res.Total, ids(res.Hits), tc.total)
			}
			if tc.first == "" {
				return
			}
			if len(res.Hits) == 0 || res.Hits[0].DocID() != tc.first || res.Fallback {
				t.Errorf("got %s (fallback %v), want %s first", ids(res.Hits), res.Fallback, tc.first)
			}
		})
	}
}

func TestSearchNearGivesDistances(t *testing.T) {
	ix := mustIndex(t)
	res, err := ix.Search(context.Background(), Query{Lang: "de", Page: 1, Limit: 10, Near: &Point{52.4236, 10.77597}})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Hits[0].DistanceKM; d == nil || *d != 0 {
		t.Errorf("distance to the place itself = %v, want 0", d)
	}
	if d := res.Hits[1].DistanceKM; d == nil || *d < 20 || *d > 30 {
		t.Errorf("Wolfsburg–Gartenstadt = %v km, want about 25", d)
	}
}

func TestSearchNothingFoundIsNoDeadEnd(t *testing.T) {
	ix := mustIndex(t)
	res, err := ix.Search(context.Background(), Query{Text: "Stellensuhce Aufenthaltstietl", Lang: "de", Page: 1, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		// Fuzzy matching may already find it; then there is no dead end either.
		if !res.Fallback || ids(res.Hits) != "jobhilfe/jobsuche" {
			t.Errorf("got %s fallback=%v, want the first contacts", ids(res.Hits), res.Fallback)
		}
	}
	// "Bewerbxn" is one letter off "Bewerben", a word of a description;
	// descriptions are not matched fuzzily, so only the speller finds it.
	res, err = ix.Search(context.Background(), Query{Text: "Bewerbxn", Lang: "de", Page: 1, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || res.Suggestion != "bewerben" {
		t.Errorf("got total %d, suggestion %q; want no hits and the suggestion \"bewerben\"", res.Total, res.Suggestion)
	}
	res, err = ix.Search(context.Background(), Query{Text: "qqqqqqq zzzzzz", Lang: "de", Page: 1, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || !res.Fallback || ids(res.Hits) != "jobhilfe/jobsuche" {
		t.Errorf("got total %d %s fallback=%v, want first contacts as fallback", res.Total, ids(res.Hits), res.Fallback)
	}
}

func TestSearchRejectsUnknownFilterValues(t *testing.T) {
	ix := mustIndex(t)
	for _, q := range []Query{{Topics: []string{"nope"}}, {Groups: []string{"x"}}, {Areas: []string{"hannover"}}, {Languages: []string{"xx"}}} {
		q.Page, q.Limit = 1, 10
		_, err := ix.Search(context.Background(), q)
		var qe *QueryError
		if err == nil || !errors.As(err, &qe) {
			t.Errorf("Search(%+v) = %v, want a QueryError", q, err)
		}
	}
}

func TestSnippetIsEscapedHTML(t *testing.T) {
	ix := mustIndex(t)
	res, err := ix.Search(context.Background(), Query{Text: "Bewerben", Lang: "de", Page: 1, Limit: 10})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("got %v %v", res.Hits, err)
	}
	s := res.Hits[0].Snippet
	if !strings.Contains(s, "<mark>") || strings.Contains(s, "<und>") || !strings.Contains(s, "&lt;und&gt;") {
		t.Errorf("snippet %q: want <mark> and the text's own <und> escaped", s)
	}
}

func TestDetectLanguage(t *testing.T) {
	ix := mustIndex(t)
	tests := map[string]string{
		"تصريح عمل": "ar", "کار پیدا کنم": "fa", "віза": "uk", "работа ищу": "ru",
		"Aufenthaltserlaubnis verlängern": "de", "work permit": "en", "iş arıyorum": "tr", "": "",
	}
	for text, want := range tests {
		if got := ix.DetectLanguage(text); got != want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestPreferFresh(t *testing.T) {
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	hits := []struct {
		id       string
		verified time.Time
		score    float64
	}{
		{"ancient", now.AddDate(-8, 0, 0), 1.0},
		{"older", now.AddDate(-3, 0, 0), 0.95},
		{"fresh", now.AddDate(0, -6, 0), 0.9},
		{"weak", now, 0.5},
	}
	for i := range hits {
		ref := ServiceRef{Org: &Organization{Verified: hits[i].verified}, Service: &Service{}}
		cols := newColumns([]entry{{ref: ref, freshness: ref.Freshness(), confirmed: now}}, nil) // evidence apart
		hits[i].score *= newAgeWeights(now).of(&cols, 0)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	var got []string
	for _, h := range hits {
		got = append(got, h.id)
	}
	if strings.Join(got, ",") != "fresh,older,ancient,weak" {
		t.Errorf("order = %v, want fresh,older,ancient,weak (a close match confirmed recently first; a much weaker one stays last)", got)
	}
}

// TestUnconfirmedRanksBelowConfirmed: of two offices for the same need, the
// one whose existence is only evidenced more than five years ago comes
// second, even with the better text match (issue 13, point 1).
func TestUnconfirmedRanksBelowConfirmed(t *testing.T) {
	// The old office names the need twice (name and keywords), the
	// confirmed one once: by text alone the old one would be first.
	old := strings.Replace(secondOrg, `verified = 2026-02-01`, `verified = 2016-02-01`, 1)
	old = strings.Replace(old, `first_contact = true`, `keywords = { de = ["Jobsuche", "Stellensuche"] }`, 1)
	d := mustLoad(t, map[string]string{"organizations/jobhilfe.toml": secondOrg, "organizations/alte-jobhilfe.toml": old})
	ix, err := New(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	res, err := ix.Search(context.Background(), Query{Text: "Jobsuche", Lang: "de", Page: 1, Limit: 10, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 2 || res.Hits[0].Org.ID != "jobhilfe" {
		t.Errorf("got %s, want jobhilfe (confirmed 2026) before alte-jobhilfe (last evidence 2016)", ids(res.Hits))
	}
}

// TestSearchPageBounds checks that a page before the first is the first
// and a negative page size gives no hits, never a slice out of range.
func TestSearchPageBounds(t *testing.T) {
	ix := mustIndex(t)
	first, err := ix.Search(context.Background(), Query{Text: "Beratung", Page: 1, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		page, limit int
		hits        int
	}{
		{"page 0", 0, 3, len(first.Hits)},
		{"a negative page", -4, 3, len(first.Hits)},
		{"a negative limit", 1, -2, 0},
		{"both", -1, -1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: "Beratung", Page: tc.page, Limit: tc.limit})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) != tc.hits || res.Total != first.Total {
				t.Fatalf("%d hits of %d, want %d of %d", len(res.Hits), res.Total, tc.hits, first.Total)
			}
			for i := range res.Hits {
				if res.Hits[i].DocID() != first.Hits[i].DocID() {
					t.Errorf("hit %d is %s, want %s", i, res.Hits[i].DocID(), first.Hits[i].DocID())
				}
			}
		})
	}
}
