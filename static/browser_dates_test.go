package static_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// datedService is what the dates step needs from the API: one service with
// a dated phone, and one of an organization last confirmed long ago.
type datedService struct {
	ID          string `json:"id"`
	Unconfirmed bool   `json:"unconfirmed"`
	Confirmed   string `json:"confirmed"`
}

func apiGet(tb testing.TB, url string, v any) {
	tb.Helper()
	res, err := http.Get(url)
	if err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
}

// unconfirmedService finds, in the real data, a service of an organization
// whose newest evidence is over five years old.
func unconfirmedService(tb testing.TB, base string) datedService {
	for _, area := range []string{"wolfsburg", "salzgitter", "lk-wolfenbuettel", "braunschweig", "lk-gifhorn", "lk-helmstedt", "lk-peine", "lk-goslar"} {
		var body struct{ Results []datedService }
		apiGet(tb, base+"/api/v1/search?limit=100&area="+area, &body)
		for _, r := range body.Results {
			if r.Unconfirmed && r.Confirmed != "" {
				return r
			}
		}
	}
	tb.Fatalf("no unconfirmed organization in the data to test the notice with")
	return datedService{}
}

// dates: every contact fact shows the year of its source ("Stand 2015"), in
// the reader's language; an organization last confirmed long ago carries a
// notice on the detail page, in the results and on both columns of the
// referral sheet.
func (j *journey) dates(t *testing.T) {
	b := j.b
	var svc struct {
		Organization struct {
			Phones []struct {
				Number string `json:"number"`
				AsOf   string `json:"as_of"`
			} `json:"phones"`
		} `json:"organization"`
	}
	const phoneID = "arbeit-und-leben-mobile-beschaeftigte/arbeitsrechte"
	apiGet(t, j.srv.URL+"/api/v1/services/"+phoneID, &svc)
	if len(svc.Organization.Phones) == 0 || svc.Organization.Phones[0].AsOf == "" {
		t.Fatalf("%s: the API gives no dated phone: %+v", phoneID, svc)
	}
	year := svc.Organization.Phones[0].AsOf[:4]
	for lang, want := range map[string]string{"de": "Stand " + year, "ar": "معلومة من عام " + year} {
		b.do(t, chromedp.Navigate(j.srv.URL+"/?lang="+lang+"&service="+phoneID))
		b.waitFor(t, "document.querySelector('.detail .contact-button')")
		got := eval[string](t, b, "document.querySelector('.detail .contact-button[href^=\"tel:\"] .as-of')?.textContent || ''")
		if !strings.Contains(got, want) {
			t.Errorf("%s: phone date got %q, want %q", lang, got, want)
		}
	}

	old := unconfirmedService(t, j.srv.URL)
	year = old.Confirmed[:4]
	b.do(t, chromedp.Navigate(j.srv.URL+"/?lang=ar&service="+old.ID))
	b.waitFor(t, "document.querySelector('.detail h1')")
	if got := eval[string](t, b, "document.querySelector('.detail .unconfirmed')?.textContent || ''"); !strings.Contains(got, "آخر تأكيد في عام "+year) {
		t.Errorf("detail of %s: notice got %q, want the Arabic notice with %s", old.ID, got, year)
	}
	b.check(t, "unconfirmed-detail")

	b.do(t, chromedp.Navigate(j.srv.URL+"/?lang=uk&view=sheet&for=uk&ids="+old.ID))
	// A record without a Ukrainian translation prints once, in German, with
	// the notice also in the client's language above it.
	b.waitFor(t, "document.querySelector('.sheet-item [lang=uk]') && document.querySelector('.sheet-col[lang=de]')")
	for lang, want := range map[string]string{"uk": "Востаннє підтверджено в " + year, "de": "Zuletzt " + year + " bestätigt"} {
		got := eval[string](t, b, "document.querySelector('.sheet-item [lang="+lang+"] .unconfirmed')?.textContent || ''")
		if !strings.Contains(got, want) {
			t.Errorf("sheet, %s column: notice got %q, want %q", lang, got, want)
		}
	}
	if !eval[bool](t, b, "[...document.querySelectorAll('.sheet-col[lang=de] .facts dd')].some((dd) => dd.textContent.includes('(Stand '))") {
		t.Errorf("sheet: no contact fact in the German column carries its date (\"Stand …\")")
	}
	b.check(t, "unconfirmed-sheet")
}

// channels: an outreach service says that they come to people, in the
// reader's language, and has no place on a map; it is found from every area
// it serves.
func (j *journey) channels(t *testing.T) {
	b := j.b
	const id = "arbeit-und-leben-mobile-beschaeftigte/vor-ort"
	for _, area := range []string{"braunschweig", "wolfsburg", "salzgitter"} {
		var body struct{ Results []datedService }
		apiGet(t, j.srv.URL+"/api/v1/search?limit=100&topic=labour-rights&area="+area, &body)
		found := false
		for _, r := range body.Results {
			found = found || r.ID == id
		}
		if !found {
			t.Errorf("%s: the outreach service is not found from the area %s it serves", id, area)
		}
	}
	b.do(t, chromedp.Navigate(j.srv.URL+"/?lang=pl&service="+id))
	b.waitFor(t, "document.querySelector('.detail h1')")
	if got := eval[string](t, b, "document.querySelector('.detail .facts')?.textContent || ''"); !strings.Contains(got, "przychodzą do ciebie") {
		t.Errorf("channels: facts %q do not say that they come to you (Polish)", got)
	}
	if got := eval[string](t, b, "document.querySelector('.detail .facts')?.textContent || ''"); strings.Contains(got, "Tylko online") {
		t.Errorf("channels: an outreach service is called online only: %q", got)
	}
	if eval[bool](t, b, "Boolean(document.querySelector('.detail .map-slot, #locations-h'))") {
		t.Errorf("channels: an outreach service shows a place or a map")
	}
}
