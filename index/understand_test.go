package index

import (
	"context"
	"strings"
	"testing"
)

// TestUnderstandingKinds runs one or two queries of every kind of issue 12
// against the small world of understand_fixture_test.go: the right
// organization must come first, before the one that stands in its way.
func TestUnderstandingKinds(t *testing.T) {
	ix := understandIndex(t)
	tests := []struct {
		kind, q, want, before string
	}{
		{"situation", "chef zahlt seit wochen nicht", "rechte", "agentur"},
		{"situation", "szef nie płaci", "rechte", "agentur"},
		{"sensitive", "habe keine papiere", "fluchtberatung", "abh"},
		{"sensitive", "no papers", "fluchtberatung", "abh"},
		{"sensitive", "vermieter will keine ausländer", "antidiskriminierung", "stadt"},
		{"sensitive", "ev sahibi yabancı istemiyor", "antidiskriminierung", "stadt"},
		{"sensitive", "mein sohn ist allein angekommen", "jugend", "stadt"},
		{"profession", "war apothekerin in syrien", "iq", "kammer"},
		{"profession", "asistentă medicală din românia", "iq", "kammer"},
		{"profession", "koch aus nigeria", "kammer", "iq"},
		// a word shared with a body's phrase is not the body's trade: a
		// dentist is no dental technician
		{"profession", "dentist dental practice", "iq", "kammer"},
		{"employer", "wir wollen fachkräfte einstellen", "welcome", "ausland"},
		{"employer", "we want to hire welders from abroad", "welcome", "ausland"},
		// both for employers and named for hiring: the one whose main
		// topic is hiring from abroad first, not the general employer
		// service that lists it second
		{"employer", "we want to hire welders from abroad", "welcome", "arbeitgeberservice"},
		// the employers' service about hiring, before one of theirs about
		// something else that shares a word with the query
		{"employer", "meine firma will fachkräfte einstellen", "welcome", "wirtschaft"},
		// a service for workers that names employers too, after its
		// main group: after the one for employers first of all
		{"employer", "wir wollen fachkräfte einstellen", "welcome", "vermittlung"},
		// a worker naming their employer is no employer: the services
		// only for employers come after
		{"situation", "arbeitgeber lohn", "rechte", "arbeitgeberservice"},
		{"place", "integration vechelde", "peine", "dolmetsch"},
		{"translit", "dozvil na robotu", "abh", "agentur"},
		{"translit", "3amal", "agentur", "abh"},
		{"translit", "tamdid eghamat", "abh", "agentur"},
		{"office", "Аусландербехёрде", "abh", "agentur"},
		{"office", "آوسبیلدونگ", "agentur", "abh"},
		{"other-language", "je cherche du travail", "agentur", "abh"},
		{"other-language", "ስራሕ እደሊ", "agentur", "abh"},
		{"situation", "потрібен перекладач", "dolmetsch", "peine"},
	}
	for _, tc := range tests {
		t.Run(tc.kind+"/"+tc.q, func(t *testing.T) {
			got := ranked(t, ix, tc.q)
			if len(got) == 0 || got[0] != tc.want {
				t.Fatalf("%q: got %s, want %s first", tc.q, orgList(got), tc.want)
			}
			if r := rankOf(got, tc.before); r == 1 {
				t.Errorf("%q: %s first, want it after %s", tc.q, tc.before, tc.want)
			}
		})
	}
}

func TestIntentsNeedTheirPhraseWordForWord(t *testing.T) {
	ix := understandIndex(t)
	tests := []struct {
		q, want string
	}{
		{"keine papiere", "sensitive"},
		{"welche papiere brauche ich", ""}, // "Papiere" without the negation says nothing
		{"wir wollen fachkräfte einstellen", "employer"},
		{"fachkräfte aus dem ausland", ""}, // a topic's words, not who asks
	}
	for _, tc := range tests {
		pq := ix.parse(tc.q)
		_, found := ix.vocab.match(pq)
		var got []string
		for _, name := range []string{intentSensitive, intentEmployer} {
			if found[name] != nil {
				got = append(got, name)
			}
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("intents of %q = %v, want %q", tc.q, got, tc.want)
		}
	}
}

func TestTransliterationAlternatives(t *testing.T) {
	ix := understandIndex(t)
	tests := []struct {
		word, lang, want string
	}{
		{"dozvil", "uk", "дозвіл"},
		{"robotu", "uk", "роботу"},
		{"3amal", "ar", "عمل"},
		{"sho3'ol", "ar", "شغل"},
		{"eghamat", "fa", "اقامت"},
		{"Аусландербехёрде", "de", "ausländerbehörde"},
		{"آوسبیلدونگ", "de", "ausbildung"},
	}
	for _, tc := range tests {
		alts := ix.vocab.translit.alternatives(normaliseArabizi(tc.word), false)
		if !containsString(alts[tc.lang], tc.want) {
			t.Errorf("alternatives(%q) = %v, want %s %q among them", tc.word, alts, tc.lang, tc.want)
		}
	}
	if alts := ix.vocab.translit.alternatives("Deutschkurs", false); len(alts["uk"]) > 0 {
		t.Errorf("alternatives(Deutschkurs) = %v: a German word is not Ukrainian", alts)
	}
}

func TestFillersAndStopWordsLeaveTheQuery(t *testing.T) {
	ix := understandIndex(t)
	tests := []struct{ q, want string }{
		{"brauche Hilfe Arbeitsrecht", "arbeitsrecht arbeit"},
		{"Hilfe", "hilf"}, // nothing else left: kept
		{"ich suche arbeit in der stadt", "such arbeit stadt"},
	}
	for _, tc := range tests {
		pq := ix.parse(tc.q)
		var got []string
		for _, w := range pq.words {
			got = append(got, w.forms["de"]...)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("German terms of %q = %v, want %q", tc.q, got, tc.want)
		}
	}
}

// A word whose terms are in very many keywords ("работа") only completes
// keywords other words found; alone, it still finds the keyword that is
// that word.
func TestCommonWordAloneFindsItsKeyword(t *testing.T) {
	ix := mustRealIndex(t)
	for _, q := range []string{"работа", "ishchu rabotu"} {
		cms, _ := ix.vocab.match(ix.parse(q))
		var ids []string
		for _, cm := range cms {
			ids = append(ids, ix.vocab.concepts[cm.concept].id)
		}
		if !containsString(ids, "work") {
			t.Errorf("%q refers to %v, want work among them", q, ids)
		}
	}
}

// A word read in another script asks only in the query's language:
// "tarsia" next to "rabota" is Bulgarian търся (I look for), not Persian
// ترس (fear), which would make the query sensitive.
func TestTransliteratedIntentsInTheQuerysLanguage(t *testing.T) {
	ix := mustRealIndex(t)
	res, err := ix.Search(context.Background(), Query{Text: "tarsia rabota", Lang: "bg", Page: 1, Limit: 3, Explain: true})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("tarsia rabota: %v, %d hits", err, len(res.Hits))
	}
	if strings.Contains(res.Hits[0].Explanation, "intent sensitive") {
		t.Errorf("tarsia rabota is read as sensitive:\n%s", res.Hits[0].Explanation)
	}
}

// A query's language suggests who asks (Polish: a worker from the EU); a
// service first of all for a group that excludes them (third-country
// nationals) ranks after the others, one for them before.
func TestAudienceOfTheQuerysLanguage(t *testing.T) {
	if audienceOtherWeight >= 1 || audienceWeight <= 1 {
		t.Fatalf("audience weights %.2f and %.2f: the audience's services must rank higher, the excluded lower", audienceWeight, audienceOtherWeight)
	}
	ix := understandIndex(t)
	want := ix.audienceGroups(ix.audience("pl"))
	num := func(ids ...string) []uint16 {
		var out []uint16
		for _, id := range ids {
			out = append(out, ix.facets.index[dimGroup][id])
		}
		return out
	}
	tests := []struct {
		groups []string
		fit    float64
	}{
		{[]string{"eu-workers"}, audienceWeight},
		{[]string{"third-country-nationals", "everyone"}, audienceOtherWeight},
		{[]string{"everyone", "third-country-nationals"}, 1}, // for everyone first
		{[]string{"everyone"}, 1},
	}
	for _, tc := range tests {
		if got := audienceFit(num(tc.groups...), want); got != tc.fit {
			t.Errorf("audienceFit(%v) for a Polish query = %.2f, want %.2f", tc.groups, got, tc.fit)
		}
	}
	got := ranked(t, ix, "szef nie płaci")
	if rankOf(got, "drittstaaten") < rankOf(got, "rechte") {
		t.Errorf("szef nie płaci: got %s, want rechte before drittstaaten", orgList(got))
	}
}
