package index

import (
	"context"
	"testing"
)

// A child who came alone needs the services for young people
// (Jugendmigrationsdienste, the youth welfare's partners), not every
// service for newcomers: the situation is about families and young
// people, not about arriving (data/situations.toml, child-alone).
func TestChildAloneFindsYouthServices(t *testing.T) {
	ix := mustRealIndex(t)
	youth := []string{"diakonie-goslar", "cjd-wolfsburg-aman", "caritas-braunschweig", "diakonie-wolfsburg-jmd"}
	for _, q := range []string{
		"mij syn pryjikhav sam bez batkiv",  // the whole Ukrainian phrase, romanised
		"syn pryikhav bez batkiv, 15 rokiv", // another romanisation
		"мой сын приехал один без родителей",
		"my nephew is 16 and came to germany alone",
		"ابن اختي اجا لحالو عمره ١٦",
	} {
		wantFirstOf(t, ix, q, youth)
	}
}

// The common situations asked in languages with short phrase lists, in
// their everyday words and without their letters' accents, find the
// specialised service first (data/situations.toml, session 4).
func TestCommonSituationsInShortListLanguages(t *testing.T) {
	ix := mustRealIndex(t)
	labour := []string{"arbeit-und-leben-mobile-beschaeftigte", "faire-integration-niedersachsen", "faire-mobilitaet"}
	offices := []string{"auslaenderbehoerde-braunschweig", "stadt-salzgitter-migration", "stadt-wolfsburg-integration", "welcome-center-region"}
	tests := []struct {
		q    string
		want []string
	}{
		{"visa de travail pour l'allemagne", offices},  // fr, work permit
		{"shefi ma mban pasaporten", labour},           // sq, passport kept
		{"o patrao nao me paga ha dois meses", labour}, // pt, unpaid wages
		{"मालिक ने मेरा पासपोर्ट रख लिया है", labour},  // hi, passport kept
		{"gabadhayda kaligeed ayay timid", []string{"diakonie-goslar", "cjd-wolfsburg-aman", "caritas-braunschweig", "diakonie-wolfsburg-jmd"}}, // so, a girl alone
		{"pronari nuk u jep shtepi te huajve", []string{"vhs-braunschweig", "awo-migrationsberatung-braunschweig"}},                             // sq, housing discrimination
	}
	for _, tc := range tests {
		wantFirstOf(t, ix, tc.q, tc.want)
	}
}

// Hindi and Urdu speakers mostly text in Latin letters ("Hinglish"): the
// Latin phrases of "hi" find the same services as the Devanagari ones.
func TestHinglish(t *testing.T) {
	ix := mustRealIndex(t)
	labour := []string{"arbeit-und-leben-mobile-beschaeftigte", "faire-integration-niedersachsen", "faire-mobilitaet"}
	tests := []struct {
		q    string
		want []string
	}{
		{"malik ne passport rakh liya hai", labour},
		{"makan malik ghar nahi de raha kyunki main videshi hoon", []string{"vhs-braunschweig", "awo-migrationsberatung-braunschweig"}},
		{"mujhe german seekhna hai", []string{"vhs-braunschweig", "bamf-deutschkurse"}},
	}
	for _, tc := range tests {
		wantFirstOf(t, ix, tc.q, tc.want)
	}
}

// wantFirstOf checks that a query's first organization is one of want.
func wantFirstOf(t *testing.T, ix *Index, q string, want []string) {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: q, Page: 1, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !containsString(want, res.Hits[0].Org.ID) {
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Org.ID)
		}
		t.Errorf("%q: first %v, want one of %v", q, got, want)
	}
}

// German says bringing the family over with a separable verb ("holen …
// nach", "soll nachkommen") as often as with the compound ("nachholen"):
// the reunification's services come first either way.
func TestFamilyReunificationInGermanVerbs(t *testing.T) {
	ix := mustRealIndex(t)
	want := []string{"auslaenderbehoerde-braunschweig", "refugium-braunschweig", "caritas-wolfsburg", "caritas-braunschweig", "awo-migrationsberatung-braunschweig"}
	for _, q := range []string{"ich will meine familie zu mir holen"} {
		wantFirstOf(t, ix, q, want)
	}
}

// TestEverydayWordsOfRisk: the everyday words for being undocumented
// (Turkish "kağıtsız", paperless) and for being insulted or humiliated at
// work ("wyzywają", "принижують") find the counselling for it. The queries
// are written for this test, not taken from a relevance set.
func TestEverydayWordsOfRisk(t *testing.T) {
	ix := mustRealIndex(t)
	noPapers := []string{"refugium-braunschweig", "caritas-peine"}
	discrimination := []string{"vhs-braunschweig", "awo-migrationsberatung-braunschweig"}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"kağıtsız çalışıyorum ne yapmalıyım", noPapers},
		{"kierownik wyzywa mnie w pracy", discrimination},
		{"на роботі мене принижують", discrimination},
		// grounds of discrimination, written from the AGG's grounds
		{"не ми дават квартира защото сме роми", discrimination},
		{"szef mnie wyzywa przez mój akcent", discrimination},
		{"nu mă angajează din cauza religiei", discrimination},
	} {
		wantFirstOf(t, ix, tc.q, tc.want)
	}
}

// TestAsylumRefusedByTheBAMF: people say the BAMF refused them rather than
// that their asylum was refused; counselling on the refusal comes first.
// The queries are written for this test, not taken from a relevance set.
func TestAsylumRefusedByTheBAMF(t *testing.T) {
	ix := mustRealIndex(t)
	for _, q := range []string{"البامف رفضني شو بعمل", "бамф отказал что делать"} {
		wantFirstOf(t, ix, q, []string{"refugium-braunschweig", "drk-wolfenbuettel", "caritas-peine"})
	}
}
