package index

import (
	"bytes"
	"fmt"
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
	for _, text := range texts {
		if diff := segmenterDiff(text); diff != "" {
			t.Error(diff)
		}
	}
}

// TestPlainLettersAreLetters asks the segmenter about every letter that
// spans splits without it, alone and in every context a rule looks at.
func TestPlainLettersAreLetters(t *testing.T) {
	for _, rg := range plainLetterRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			l := string(r)
			for _, text := range []string{l, "a" + l, l + "a", l + "1", "1" + l, l + "." + l, "a." + l, l + "'a",
				l + ":" + l, l + "," + l, l + "_", "(" + l + ")", l + "\u0301", "\u05d0" + l, l + "\u30a2"} {
				if diff := segmenterDiff(text); diff != "" {
					t.Errorf("%U: %s", r, diff)
				}
			}
		}
	}
}

// FuzzWordSegmenter compares wordSegmenter with bleve's unicode tokenizer
// on any text: go test ./index -run '^$' -fuzz FuzzWordSegmenter.
func FuzzWordSegmenter(f *testing.F) {
	for _, seed := range []string{"Beratung für Geflüchtete, z.B. B1-Kurs", "don't 3,5 a:b e.g. x_y", "a \u0301b",
		"  \u200d\U0001F600x", "\u2003 a", "ар‌ب", "1.000,50 €", "\v\fa\r\n", "ü.ü ü:ü 'ü'"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if diff := segmenterDiff(text); diff != "" {
			t.Error(diff)
		}
	})
}

// segmenterDiff describes the first difference between the words
// wordSegmenter and bleve's unicode tokenizer find in text, or is empty.
func segmenterDiff(text string) string {
	want, got := unicode.NewUnicodeTokenizer().Tokenize([]byte(text)), newWordSegmenter().Tokenize([]byte(text))
	if len(got) != len(want) {
		return fmt.Sprintf("%q: %d tokens, bleve %d", text, len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if !bytes.Equal(g.Term, w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position ||
			g.Type != w.Type || g.KeyWord != w.KeyWord || cap(g.Term) != cap(w.Term) {
			return fmt.Sprintf("%q token %d: %+v, bleve %+v", text, i, *g, *w)
		}
	}
	return ""
}

// BenchmarkWordSegmenter splits every text of the real data into words:
// with spans, and with the segmenter alone (as spans did before plain
// words were split without it).
func BenchmarkWordSegmenter(b *testing.B) {
	_, texts := dataTexts(b, true)
	inputs := make([][]byte, len(texts))
	size := 0
	for i, t := range texts {
		inputs[i] = []byte(t)
		size += len(t)
	}
	for _, split := range []struct {
		name string
		fn   func(input []byte, out []wordSpan) []wordSpan
	}{
		{"spans", spans},
		{"segmenter", func(input []byte, out []wordSpan) []wordSpan {
			out, _ = segmentedWords(input, 0, len(input), out, 1)
			return out
		}},
	} {
		b.Run(split.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			var out []wordSpan
			for b.Loop() {
				for _, in := range inputs {
					out = split.fn(in, out[:0])
				}
			}
		})
	}
}
