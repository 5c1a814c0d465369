package static_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// onlyForTown: a service limited to one town of its district (limited_to)
// says, where the area served is shown, that it is only for the people
// living there, in the reader's language.
func (j *journey) onlyForTown(t *testing.T) {
	b := j.b
	const id = "stadt-goslar-integration/integration-beratung"
	for lang, want := range map[string]string{
		"de": "Nur für Menschen, die hier wohnen: Goslar (nicht im übrigen Gebiet: Landkreis Goslar)",
		"en": "Only for people living in: Goslar (not elsewhere in: Goslar district)",
		"ar": "فقط لمن يسكن في: Goslar",
	} {
		b.do(t, chromedp.Navigate(j.srv.URL+"/?lang="+lang+"&service="+id))
		b.waitFor(t, "document.querySelector('.detail dl.facts')")
		got := eval[string](t, b, "document.querySelector('.detail dl.facts').textContent")
		if !strings.Contains(got, want) {
			t.Errorf("%s: facts %q, want them to contain %q", lang, got, want)
		}
	}
}
