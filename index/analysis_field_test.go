package index

import (
	"bytes"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
)

// TestCountedFieldsAreBleves checks that a counted field gives the index
// what bleve's TextField with the same analyzer gives it (the number of
// tokens, each term and its count), for every text of the real data in
// every language's analyzer and the plain one, the first time and again.
func TestCountedFieldsAreBleves(t *testing.T) {
	an, texts := dataTexts(t, false)
	texts = append(texts, "", "  ", "Aufenthaltserlaubnis Aufenthaltserlaubnis und Arbeit, Arbeit; arbeit",
		"می‌خواهم کار پیدا کنم", "İş arıyorum, Türkiye'den geldim", "Don't the workers' rights", "中中中")
	memo := newMemoAnalyzers(an)
	check := func(name string, direct analysis.Analyzer, memo *memoAnalyzer) {
		for round := range 2 {
			for _, text := range texts {
				want := document.NewTextFieldCustom("f", nil, []byte(text), bindex.IndexField, direct)
				got := memo.field("f", text)
				want.Analyze()
				got.Analyze()
				if got.AnalyzedLength() != want.AnalyzedLength() {
					t.Fatalf("%s, round %d, %q: %d tokens, bleve %d", name, round, text, got.AnalyzedLength(), want.AnalyzedLength())
				}
				g, w := got.AnalyzedTokenFrequencies(), want.AnalyzedTokenFrequencies()
				if len(g) != len(w) {
					t.Fatalf("%s, round %d, %q: %d terms, bleve %d", name, round, text, len(g), len(w))
				}
				for term, wf := range w {
					gf := g[term]
					if gf == nil || !bytes.Equal(gf.Term, wf.Term) || gf.Frequency() != wf.Frequency() || len(gf.Locations) != len(wf.Locations) {
						t.Fatalf("%s, round %d, %q, term %q: %+v, bleve %+v", name, round, text, term, gf, wf)
					}
				}
				if got.NumPlainTextBytes() != want.NumPlainTextBytes() || got.EncodedFieldType() != want.EncodedFieldType() ||
					got.Options() != want.Options() || len(got.ArrayPositions()) != len(want.ArrayPositions()) {
					t.Fatalf("%s, %q: the field differs from bleve's", name, text)
				}
			}
		}
	}
	for _, lang := range Languages {
		check(lang, an.lang[lang], memo.lang[lang])
	}
	check("plain", an.plain, memo.plain)
}
