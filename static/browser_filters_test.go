package static_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// filterCounts: every filter value shows how many results choosing it
// gives, a value that gives none cannot be chosen, a filter no record has
// data for is not offered as if it worked, and a search that finds nothing
// says which filter to take off, with the one just chosen as an undo.
func filterCounts(t *testing.T, b *browser, srv *server, lang string) {
	b.do(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/?lang="+lang+"&topic=recognition"))
	b.waitFor(t, "document.querySelectorAll('.result').length > 0 && "+idle)
	options := eval[[]struct {
		Value    string `json:"value"`
		Text     string `json:"text"`
		Disabled bool   `json:"disabled"`
	}](t, b, "[...document.getElementById('f-area').options].slice(1).map((o) => ({value: o.value, text: o.textContent, disabled: o.disabled}))")
	count := regexp.MustCompile(`\((\d+)\)$`)
	pick, want := "", ""
	for _, o := range options {
		m := count.FindStringSubmatch(o.Text)
		if m == nil {
			t.Fatalf("area option %q shows no count", o.Text)
		}
		if n, _ := strconv.Atoi(m[1]); (n == 0) != o.Disabled {
			t.Errorf("area option %q: disabled %v", o.Text, o.Disabled)
		} else if n > 0 && pick == "" {
			pick, want = o.Value, m[1]
		}
	}
	if pick == "" {
		t.Fatalf("no area is offered for the topic recognition: %v", options)
	}
	eval[chromedp.Void](t, b, `(() => { const s = document.getElementById('f-area'); s.value = `+jsString(pick)+`;
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	b.waitFor(t, "location.search.includes('area=') && "+idle)
	if got := eval[string](t, b, "document.getElementById('count').textContent.match(/\\d+/)?.[0] || '0'"); got != want {
		t.Errorf("area %s was offered with %s results, gives %s", pick, want, got)
	}
	coverage := apiConfig(t, srv).Coverage
	if disabled := eval[bool](t, b, "document.getElementById('f-wheelchair').disabled"); disabled != (coverage.Wheelchair == 0) {
		t.Errorf("wheelchair filter disabled %v, but %d of %d services say whether they are accessible", disabled, coverage.Wheelchair, coverage.Services)
	}
	if coverage.Wheelchair < coverage.Services && eval[string](t, b, "document.getElementById('f-wheelchair-hint')?.textContent || ''") == "" {
		t.Errorf("wheelchair filter: no word on how many services say whether they are accessible")
	}
	words := mustStrings(t, lang)
	wantHint := strings.NewReplacer("{n}", strconv.Itoa(coverage.Languages), "{total}", strconv.Itoa(coverage.Services)).Replace(words["knownForSome"].(string))
	if got := eval[string](t, b, "document.getElementById('f-language-hint')?.textContent || ''"); coverage.Languages < coverage.Services && got != wantHint {
		t.Errorf("language filter: hint %q, want %q (%d of %d services name their languages)", got, wantHint, coverage.Languages, coverage.Services)
	}
	b.check(t, "filter-counts-"+lang)

	// Choose a language no service here offers (it was offered disabled; a
	// shared link can still ask for it).
	none := languageWithout(t, srv, "/api/v1/search?topic=recognition&area="+pick)
	eval[chromedp.Void](t, b, `(() => { const s = document.getElementById('f-language'); s.value = `+jsString(none)+`;
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	b.waitFor(t, "location.search.includes('language="+none+"') && document.querySelector('.zero-help li a')")
	first := eval[string](t, b, "document.querySelector('.zero-help li a').getAttribute('href')")
	if regexp.MustCompile(`language=`).MatchString(first) || !regexp.MustCompile(`area=`+pick).MatchString(first) {
		t.Errorf("the first way out is %s, want the undo of the language just chosen", first)
	}
	b.check(t, "zero-results-"+lang)
	b.do(t, chromedp.Click(chromedp.CSS(".zero-help li a")))
	b.waitFor(t, "!location.search.includes('language=') && "+idle)
	if n := eval[int](t, b, "document.querySelectorAll('.result').length"); n == 0 {
		t.Errorf("the undo leads to no results")
	}
}

type configAnswer struct {
	Coverage struct{ Services, Wheelchair, Languages int }
}

func apiConfig(tb testing.TB, srv *server) configAnswer {
	tb.Helper()
	var c configAnswer
	res, err := http.Get(srv.URL + "/api/v1/config")
	if err == nil {
		defer res.Body.Close()
		err = json.NewDecoder(res.Body).Decode(&c)
	}
	if err != nil {
		tb.Fatalf("config: %v", err)
	}
	return c
}

// languageWithout is a language the page offers that no result of search names.
func languageWithout(tb testing.TB, srv *server, search string) string {
	tb.Helper()
	var body struct {
		Facets map[string][]struct{ ID string }
	}
	res, err := http.Get(srv.URL + search)
	if err == nil {
		defer res.Body.Close()
		err = json.NewDecoder(res.Body).Decode(&body)
	}
	if err != nil {
		tb.Fatalf("search: %v", err)
	}
	for _, code := range []string{"ti", "so", "ps", "sq", "ku", "bg", "ro"} {
		if !slices.ContainsFunc(body.Facets["language"], func(f struct{ ID string }) bool { return f.ID == code }) {
			return code
		}
	}
	tb.Fatalf("%s: every language is offered", search)
	return ""
}
