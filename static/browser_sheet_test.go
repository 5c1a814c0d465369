package static_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// sheetOnce: on the referral sheet, German text inside a right-to-left
// column keeps its punctuation (it is isolated), and a service with no
// translation prints once, in German, marked in the client's language,
// instead of two identical German columns.
func sheetOnce(t *testing.T, b *browser, srv *server, lang string) {
	plain, mixed := sheetServices(t, srv, lang)
	b.do(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/?view=sheet&lang=de&for="+lang+"&ids="+plain+","+mixed))
	b.waitFor(t, "document.querySelectorAll('.sheet-item').length === 2 && document.querySelector('.sheet .qr-code path')")
	cols := eval[[]string](t, b, "[...document.querySelectorAll('.sheet-item')].map((s) => [...s.querySelectorAll('.sheet-col')].map((c) => c.lang).join(' '))")
	if want := []string{"de", lang + " de"}; !slices.Equal(cols, want) {
		t.Errorf("sheet columns: got %q, want %q (%s has no %s translation: once, in German)", cols, want, plain, lang)
	}
	note := eval[string](t, b, "document.querySelector('.sheet-item .only-german')?.closest('[lang]').lang || ''")
	if note != lang {
		t.Errorf("the German-only service is not marked in the client's language: note lang %q, want %q", note, lang)
	}
	if dir := eval[string](t, b, "document.querySelector('.sheet-col[lang="+lang+"]').dir"); dir == "rtl" {
		// Every text that starts in Latin letters inside the right-to-left
		// column must be laid out left to right, on its own.
		flipped := eval[[]string](t, b, `(() => {
			const out = [];
			for (const col of document.querySelectorAll('.sheet-col[lang=`+lang+`]')) {
				const walk = document.createTreeWalker(col, NodeFilter.SHOW_TEXT);
				for (let n = walk.nextNode(); n; n = walk.nextNode()) {
					if (/^[^\p{L}]*\p{Script=Latin}/u.test(n.data) && !n.parentElement.matches(':dir(ltr)')) out.push(n.data);
				}
			}
			return out;
		})()`)
		if len(flipped) > 0 {
			t.Errorf("German text laid out right to left in the %s column: %q", lang, flipped)
		}
	}
	b.check(t, "sheet-"+lang)
	b.media(t, "print")
	defer b.media(t, "")
	got := eval[[]int](t, b, "[...document.querySelectorAll('.sheet-item')].map((s) => getComputedStyle(s).gridTemplateColumns.split(' ').length)")
	if !slices.Equal(got, []int{1, 2}) {
		t.Errorf("printed columns per service: got %v, want [1 2]", got)
	}
	b.screenshot(t, "sheet-print-"+lang)
}

// sheetServices finds, in the real data, a service with no translation
// into lang and one whose name is translated but whose organization's is
// not (German inside the client's column).
func sheetServices(tb testing.TB, srv *server, lang string) (plain, mixed string) {
	tb.Helper()
	res, err := http.Get(srv.URL + "/api/v1/search?limit=100&topic=work&topic=recognition&topic=residence&topic=language&lang=" + lang)
	if err != nil {
		tb.Fatalf("search: %v", err)
	}
	defer res.Body.Close()
	var body struct {
		Results []struct {
			ID           string
			Untranslated []string
		}
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		tb.Fatalf("search: %v", err)
	}
	for _, r := range body.Results {
		switch {
		case plain == "" && slices.Contains(r.Untranslated, "name") && slices.Contains(r.Untranslated, "snippet"):
			plain = r.ID
		case mixed == "" && !slices.Contains(r.Untranslated, "name") && slices.Contains(r.Untranslated, "organization_name"):
			mixed = r.ID
		}
	}
	if plain == "" || mixed == "" {
		tb.Fatalf("the data has no service untranslated into %s (%q) or half translated (%q)", lang, plain, mixed)
	}
	return plain, mixed
}

// sheetAddress: a location whose name ends with its street ("Caritasverband
// Braunschweig, Kasernenstraße" at Kasernenstraße) prints the street once,
// in every column of the sheet.
func sheetAddress(t *testing.T, b *browser, srv *server, lang string) {
	res, err := http.Get(srv.URL + "/api/v1/search?limit=100&topic=work&topic=recognition&topic=residence&topic=language&lang=de")
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	defer res.Body.Close()
	var body struct {
		Results []struct {
			ID        string
			Locations []struct{ Name, Street string }
		}
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatalf("search: %v", err)
	}
	var ids, streets []string
	for _, r := range body.Results {
		if len(r.Locations) != 1 || r.Locations[0].Street == "" || len(ids) == 3 {
			continue
		}
		if street := strings.Fields(r.Locations[0].Street)[0]; strings.HasSuffix(r.Locations[0].Name, ", "+street) {
			ids, streets = append(ids, r.ID), append(streets, street)
		}
	}
	if len(ids) == 0 {
		t.Fatalf("the data has no location whose name ends with its street")
	}
	b.do(t, chromedp.EmulateViewport(412, 900), chromedp.Navigate(srv.URL+"/?view=sheet&lang="+lang+"&for="+lang+"&ids="+strings.Join(ids, ",")))
	b.waitFor(t, "document.querySelectorAll('.sheet-item').length === "+strconv.Itoa(len(ids)))
	items := eval[[][]string](t, b, `[...document.querySelectorAll('.sheet-item')].map((s) =>
		[...s.querySelectorAll('.facts dt:first-child + dd')].map((d) => d.textContent))`)
	for i, lines := range items {
		if len(lines) == 0 {
			t.Errorf("%s: no address on the sheet", ids[i])
		}
		for _, line := range lines {
			if n := strings.Count(line, streets[i]); n != 1 {
				t.Errorf("%s: the address %q names %q %d times, want once", ids[i], line, streets[i], n)
			}
		}
	}
	// On a phone the sheet fits the screen: a long web address wraps. (It
	// widened the page to 1154 px; right to left, the screen showed the
	// empty end of it.)
	var all []string
	for _, r := range body.Results {
		all = append(all, r.ID)
	}
	long := longestWebsite(t, srv, all)
	b.do(t, chromedp.Navigate(srv.URL+"/?view=sheet&lang="+lang+"&for="+lang+"&ids="+long))
	b.waitFor(t, "document.querySelectorAll('.sheet-item').length === 1")
	if w := eval[[]int](t, b, "[document.documentElement.scrollWidth, window.innerWidth]"); w[0] > w[1] {
		t.Errorf("the sheet is %d px wide on a %d px screen", w[0], w[1])
	}
	b.check(t, "sheet-address-"+lang)
}

// longestWebsite is the service among ids whose sheet shows the longest
// web address.
func longestWebsite(tb testing.TB, srv *server, ids []string) string {
	tb.Helper()
	best, most := "", 0
	for _, id := range ids {
		res, err := http.Get(srv.URL + "/api/v1/services/" + id + "?lang=de")
		if err != nil {
			tb.Fatalf("service %s: %v", id, err)
		}
		var s struct {
			Organization struct{ Website string }
			Contact      struct{ URL string }
		}
		err = json.NewDecoder(res.Body).Decode(&s)
		res.Body.Close()
		if err != nil {
			tb.Fatalf("service %s: %v", id, err)
		}
		if n := max(len(s.Organization.Website), len(s.Contact.URL)); n > most {
			best, most = id, n
		}
	}
	return best
}
