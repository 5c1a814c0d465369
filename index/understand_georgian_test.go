package index

import "testing"

// Georgian letters read back into Latin as Georgians write German sounds.
func TestGeorgianToLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ბრაუნშვაიგი", "braunshvaigi"},
		{"ვოლფსბურგი", "volfsburgi"},  // ფ is German f
		{"ჰელმშტედტი", "helmstedti"},  // შტ is German st
		{"ზალცგიტერი", "zaltsgiteri"}, // ც is ts
		{"იობცენტრი", "iobtsentri"},
		{"ok ბ", "ok b"}, // other letters as they are
	}
	for _, tc := range tests {
		if got := georgianToLatin(tc.in); got != tc.want {
			t.Errorf("georgianToLatin(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// German office words in Georgian letters are found by their consonants.
func TestGeorgianOfficeWords(t *testing.T) {
	ix := mustRealIndex(t)
	offices := []struct{ word, german string }{
		{"იობცენტრი", "jobcenter"},
		{"აუსლენდერბეჰორდე", "ausländerbehörde"},
	}
	for _, tc := range offices {
		if got := ix.vocab.translit.alternatives(tc.word, false)["de"]; !containsString(got, tc.german) {
			t.Errorf("German words for %s = %v, want %s among them", tc.word, got, tc.german)
		}
	}
}

// The Georgian analyzer gives a noun's cases and postpositions one stem,
// and leaves out function words.
func TestGeorgianAnalyzer(t *testing.T) {
	a := otherAnalyzer("ka")
	tests := []struct{ a, b string }{
		{"ნებართვა", "ნებართვის"},   // permit, of the permit
		{"ხელფასი", "ხელფასს"},      // salary, nominative and dative
		{"სამსახური", "სამსახურში"}, // job, at the job
		{"დამსაქმებელი", "დამსაქმებელმა"},
	}
	for _, tc := range tests {
		ta, tb := terms(a, tc.a), terms(a, tc.b)
		if len(ta) != 1 || len(tb) != 1 || ta[0] != tb[0] {
			t.Errorf("stems of %s and %s: %v, %v, want one", tc.a, tc.b, ta, tb)
		}
	}
	if got := terms(a, "და"); len(got) != 0 {
		t.Errorf("და (and) analysed as %v, want left out", got)
	}
}

// Function words of the languages without a bleve stop list are left out
// of phrases and queries alike; a negation is kept.
func TestOtherStopWords(t *testing.T) {
	tests := []struct {
		lang, text string
		want       int // terms left
	}{
		{"tl", "pagsasanay sa trabaho", 2},
		{"tl", "hindi ako binayaran", 2},
		{"ha", "ba a biya ni albashi ba", 3}, // ba (not) once
		{"ne", "malik le talab diyena", 3},
		{"ne", "मालिकले तलब दिएन", 3},
		{"ka", "ექთანი ვარ", 1},
	}
	for _, tc := range tests {
		if got := terms(otherAnalyzer(tc.lang), tc.text); len(got) != tc.want {
			t.Errorf("%s %q: terms %v, want %d", tc.lang, tc.text, got, tc.want)
		}
	}
}

// The common situations in languages that had no phrases before session 6
// (Georgian, Hausa, Tagalog, Nepali) or too few (Tigrinya, Amharic, Hindi
// and Urdu in Latin letters), in everyday words, find the specialised
// service first.
func TestCommonSituationsInNewLanguages(t *testing.T) {
	ix := mustRealIndex(t)
	labour := []string{"arbeit-und-leben-mobile-beschaeftigte", "faire-integration-niedersachsen", "faire-mobilitaet"}
	tests := []struct {
		q    string
		want []string
	}{
		{"ბინადრობის ბარათის გაგრძელება გიფჰორნი", []string{"landkreis-gifhorn-auslaenderbehoerde"}}, // ka, renew a residence card
		{"უფროსი ორი თვეა ხელფასს არ მიხდის", labour},                                                // ka, unpaid wages
		{"გერმანული ენის კურსი ვოლფსბურგში", []string{"integration-point-wolfsburg", "bamf-deutschkurse"}},
		{"იობცენტრი ბრაუნშვაიგი", []string{"jobcenter-braunschweig"}},
		{"maigida bai biya ni albashi ba tsawon wata biyu", labour}, // ha, unpaid wages
		{"sun karbe fasfo na a wurin aiki", labour}, // ha, passport taken
		{"ina neman aiki a braunschweig", []string{"agentur-fuer-arbeit-braunschweig-goslar", "jobcenter-braunschweig"}},
		{"hindi pa binabayaran ang sweldo ko ng dalawang buwan", labour}, // tl, unpaid wages
		{"kinuha ng amo ang pasaporte ko", labour},
		{"nars ako sa pilipinas, paano ang pagkilala ng diploma", []string{"vhs-braunschweig", "welcome-center-region"}},
		{"मालिकले दुई महिनादेखि तलब दिएन", labour},                                                      // ne, unpaid wages
		{"company ne mero passport rakhyo, firta dinna", labour},                                        // ne in Latin letters, passport kept
		{"meri biwi aur bachon ko pakistan se bulana hai", []string{"auslaenderbehoerde-braunschweig"}}, // ur/hi in Latin letters, family reunification
		{"ወደይ ንበይኑ መጺኡ 15 ዓመት", []string{"diakonie-goslar", "cjd-wolfsburg-aman"}},                      // ti, a son who came alone
		{"አሰሪዬ ለሶስት ወር ደሞዜን አልከፈለኝም", labour},                                                           // am, unpaid wages
		{"me pagan menos que a mis compañeros alemanes", labour},                                        // es, underpaid
	}
	for _, tc := range tests {
		wantFirstOf(t, ix, tc.q, tc.want)
	}
}

// Nepali, Georgian, Hausa and Tagalog are languages of people from outside
// the EU: asked in them, the counselling for third-country nationals comes
// before that for EU workers (groups.toml, third-country-nationals).
func TestNewLanguagesAskAsThirdCountryNationals(t *testing.T) {
	ix := mustRealIndex(t)
	for _, lang := range []string{"ne", "ka", "ha", "tl"} {
		if got := ix.audience(lang); !containsString(got, "third-country-nationals") {
			t.Errorf("audience(%s) = %v, want third-country-nationals", lang, got)
		}
	}
	if got := ix.audience("el"); !containsString(got, "eu-workers") {
		t.Errorf("audience(el) = %v, want eu-workers", got)
	}
}
