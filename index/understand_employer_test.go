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

// TestShrunkPhrasesNeedTheirStopWords: a phrase that is one word once its
// stop words are out marks its intent only with them said. "işe almak"
// (to hire) is not "almak" (to take), "our company" not "company", "came on
// his own" (a child alone) not "came". Queries written for this test.
func TestShrunkPhrasesNeedTheirStopWords(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q, intent string
		want      bool
	}{
		{"randevu almak istiyorum", intentEmployer, false},
		{"my company does not pay overtime", intentEmployer, false},
		{"наем за квартира", intentEmployer, false},
		{"came to germany for work last year", intentSensitive, false},
		{"our company wants more staff", intentEmployer, true},
		// Bulgarian "ни" is "our" ("фирмата ни"), no negation: Russian
		// "не" is not it, and a worker's firm that does not pay is theirs
		{"фирма не платит зарплату", intentEmployer, false},
		{"фирмата ни търси шофьори", intentEmployer, true},
	}
	for _, tc := range tests {
		_, found := ix.vocab.match(ix.parse(tc.q))
		if got := found[tc.intent] != nil; got != tc.want {
			t.Errorf("%q: %s intent %v, want %v", tc.q, tc.intent, got, tc.want)
		}
	}
}

// TestShrunkKeywordsCountByTheirWordsSaid: a keyword left with one word by
// its stop words ("Start-up": "start") counts by the words said. "start"
// alone ("where do I start") matches only half of it: the word counts in
// part, not as a full match of the business topic.
func TestShrunkKeywordsCountByTheirWordsSaid(t *testing.T) {
	ix := mustRealIndex(t)
	for q, want := range map[string]uint8{"start": countsPart, "start-up": countsFull} {
		cms, _ := ix.vocab.match(ix.parse(q))
		got := countsNot
		for _, cm := range cms {
			if c := ix.vocab.concepts[cm.concept]; c.id == "business" && c.base() {
				got = cm.counts(0)
			}
		}
		if got != want {
			t.Errorf("%q counts %d through the business topic, want %d", q, got, want)
		}
	}
}
