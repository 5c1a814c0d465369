package index

import (
	"strings"
	"testing"
)

func TestAreasNamedInQueries(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct{ q, want, rest string }{
		{"Migrationsberatung Wolfsburg", "wolfsburg", "Migrationsberatung"},
		{"hilfe in Wolfsburger firma", "wolfsburg", "hilfe in firma"},
		{"مساعدة بفولفسبورغ", "wolfsburg", "مساعدة"},                       // Arabic writes "in" onto the name
		{"помощ за мигранти салцгитер", "salzgitter", "помощ за мигранти"}, // one letter off the Bulgarian name
		{"робота в брауншвайгу", "braunschweig", "робота в"},               // inflected
		{"Deutschkurs", "", "Deutschkurs"},
		{"Wolfsburg", "wolfsburg", "Wolfsburg"},                 // nothing else left: keep the word
		{"integration lebenstedt", "salzgitter", "integration"}, // a city district (localities)
		{"Лебенштедт помощь", "salzgitter", "помощь"},           // …in Cyrillic: шт is German st
		{"beratung fallersleben", "wolfsburg", "beratung"},
		{"مشاوره ولفن‌بوتل", "lk-wolfenbuettel", "مشاوره"},                  // a zero-width non-joiner inside
		{"بیکاری کونیگزلوتر", "lk-helmstedt", "بیکاری"},                     // Königslutter by its consonants
		{"استشارة في شونينغن", "lk-helmstedt", "استشارة في"},                // Schöningen: n, vowel, n is two ن
		{"lehre als koch", "", "lehre als koch"},                            // an apprenticeship, not the village
		{"ishchu rabotu v braunshveige", "braunschweig", "ishchu rabotu v"}, // Russian in Latin letters
		{"rabota volfsburg", "wolfsburg", "rabota"},
		{"integrationsberatung jürgenohl", "lk-goslar", "integrationsberatung"}, // a quarter of the town of Goslar
		{"ausländerbehörde hahnenklee", "lk-goslar", "ausländerbehörde"},        // a village of the town of Goslar
	}
	for _, tc := range tests {
		areas, rest := ix.places.areasIn(tc.q)
		if strings.Join(areas, ",") != tc.want || rest != tc.rest {
			t.Errorf("areasIn(%q) = %v, %q; want [%s], %q", tc.q, areas, rest, tc.want, tc.rest)
		}
	}
}

func TestGenericWordsAreDroppedFromQueries(t *testing.T) {
	ix := mustRealIndex(t)
	tests := map[string]string{
		"brauche Beratung Abschiebung": "Abschiebung", // "brauche": a filler of data/situations.toml
		"Beratung":                     "Beratung",    // nothing else left
		"Ausbildung":                   "Ausbildung",
		"потрібна допомога з житлом": "житлом",
		"ما عندي اوراق":              "ما اوراق", // a negation is never a filler
		"iş arıyorum":                "iş arıyorum",
		"وبدي شغل":                   "شغل", // "and I want": و written onto the filler
	}
	for q, want := range tests {
		if got := ix.generic.strip(q); got != want {
			t.Errorf("strip(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestFoldedLanguagesMatchWithoutDiacritics(t *testing.T) {
	ix := mustRealIndex(t)
	for _, pair := range [][2]string{
		{"iş arıyorum", "is ariyorum"},
		{"nie zapłacili wypłaty", "nie zaplacili wyplaty"},
		{"nu primesc salariul, fără contract", "nu primesc salariul, fara contract"},
	} {
		a, b := topOrg(t, ix, pair[0]), topOrg(t, ix, pair[1])
		if a == "" || a != b {
			t.Errorf("%q finds %q first, %q finds %q: want the same", pair[0], a, pair[1], b)
		}
	}
}

func topOrg(tb testing.TB, ix *Index, q string) string {
	tb.Helper()
	res, err := ix.Search(tb.Context(), Query{Text: q, Lang: "de", Page: 1, Limit: 1})
	if err != nil || len(res.Hits) == 0 {
		return ""
	}
	return res.Hits[0].Org.ID
}

func TestGenericWordsStayInAPhrase(t *testing.T) {
	ix := mustRealIndex(t)
	tests := map[string]string{
		"اداره خارجی ها":               "اداره خارجی ها", // "office" is generic in Persian texts, "foreigners' office" a phrase
		"brauche Beratung Abschiebung": "Abschiebung",
	}
	for q, want := range tests {
		if got := ix.generic.stripExcept(q, ix.vocab.inPhrase); got != want {
			t.Errorf("stripExcept(%q) = %q, want %q", q, got, want)
		}
	}
}
