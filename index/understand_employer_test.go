package index

import "testing"

// TestEmployerIntentInManyLanguages: a company asking is recognised by the
// words employers use (hiring verbs, "our company", apprentices for the
// firm) in many languages, from the real vocabulary of data/situations.toml;
// a worker naming their employer is not one. The queries are written for
// this test, not taken from a relevance set.
func TestEmployerIntentInManyLanguages(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q        string
		employer bool
	}{
		{"wir möchten zwei Köche einstellen", true},
		{"we are hiring drivers", true},
		{"наша фірма шукає зварювальників", true},
		{"мы хотим нанять водителей", true},
		{"chcemy zatrudnić kierowców", true},
		{"vrem să angajăm bucătari", true},
		{"nous embauchons des cuisiniers", true},
		{"contratar camareros para nuestro restaurante", true},
		{"assumere camerieri", true},
		{"công ty chúng tôi cần thợ hàn", true},
		{"apprentis pour la boulangerie", true},
		{"mein Arbeitgeber zahlt nicht", false},
		{"pracodawca nie płaci", false},
		{"my employer keeps my passport", false},
		{"шукаю роботу", false},
	}
	for _, tc := range tests {
		pq := ix.parse(tc.q)
		_, found := ix.vocab.match(pq)
		if got := found[intentEmployer] != nil; got != tc.employer {
			t.Errorf("%q: employer intent %v, want %v", tc.q, got, tc.employer)
		}
	}
}
