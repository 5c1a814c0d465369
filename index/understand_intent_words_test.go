package index

import "testing"

// TestIntentNotFromAnotherWord: a word that a stemmer makes one of an
// intent's words, but is another word of the language (its "without"
// differs, or the vocabulary knows it as written from phrases without that
// intent), does not show the intent; the intent's own words still do.
func TestIntentNotFromAnotherWord(t *testing.T) {
	ix := mustRealIndex(t)
	words := []struct {
		lang, query, phraseWord string
		different               bool
	}{
		{"tr", "belgesi", "belgesiz", true},   // its document / without papers
		{"tr", "sigorta", "sigortasız", true}, // insurance / uninsured
		{"tr", "Belgesiz", "belgesiz", false},
		{"tr", "kağıdım", "kağıdım", false},
		{"de", "Papier", "papierlos", true},
		{"de", "papierlose", "papierlos", false}, // both "without"
		{"de", "Papieren", "papiere", false},
		{"en", "paper", "paperless", true},
		{"en", "undocumented", "undocumented", false},
		{"hu", "papír", "papírtalan", true},
		{"fa", "مدرک", "بیمدرک", true},
		{"ru", "документов", "документы", false},
	}
	for _, w := range words {
		if got := differentWord(w.lang, w.query, w.phraseWord); got != w.different {
			t.Errorf("%s: %q another word than %q = %v, want %v", w.lang, w.query, w.phraseWord, got, w.different)
		}
	}
	queries := []struct {
		q, intent string
		want      bool
	}{
		{"elektrikçi ustalık belgesi denklik", intentSensitive, false}, // a master's certificate
		{"doğum belgesi çeviri", intentSensitive, false},               // a birth certificate
		{"belgesiz çalışıyorum", intentSensitive, true},
		{"keine Papiere, was tun", intentSensitive, true},
	}
	for _, c := range queries {
		_, in := ix.vocab.match(ix.parse(c.q))
		if got := in[c.intent] != nil; got != c.want {
			t.Errorf("%q: intent %s = %v (%v), want %v", c.q, c.intent, got, in, c.want)
		}
	}
}
