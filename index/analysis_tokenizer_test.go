package index

import (
	"bytes"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// TestWordSegmenterIsBleves checks that the words found by wordSegmenter
// are bleve's unicode tokenizer's, term, offsets, position and type, for
// hard cases and every text of the real data.
func TestWordSegmenterIsBleves(t *testing.T) {
	texts := []string{
		"", "  ", ";", "Aufenthaltserlaubnis und Arbeitserlaubnis verlängern; Anerkennungsberatung",
		"می‌خواهم کار پیدا کنم", "İş arıyorum, Türkiye'den geldim", "Don't the workers' rights",
		"Ми не отримали зарплату", "не платят зарплату 2024", "中中中 日本語のテキスト 한국어",
		"B1-Kurs 3,5 € 10:30–12:00 Uhr", "e-mail@example.org https://example.org/a?b=c", "👩‍👩‍👧 ✅ x",
		"ደሞዝ አልተከፈለኝም", "a\u200cb", "\t\nZeile\r\nzwei",
	}
	_, data := dataTexts(t, true)
	texts = append(texts, data...)
	bleves, ours := unicode.NewUnicodeTokenizer(), newWordSegmenter()
	for _, text := range texts {
		want, got := bleves.Tokenize([]byte(text)), ours.Tokenize([]byte(text))
		if len(got) != len(want) {
			t.Errorf("%q: %d tokens, bleve %d", text, len(got), len(want))
			continue
		}
		for i := range want {
			w, g := want[i], got[i]
			if !bytes.Equal(g.Term, w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position ||
				g.Type != w.Type || g.KeyWord != w.KeyWord || cap(g.Term) != cap(w.Term) {
				t.Errorf("%q token %d: %+v, bleve %+v", text, i, *g, *w)
			}
		}
	}
}
