package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// TestWordTokensAsAnalyzers: a query word split once (tokenizeWord) gets
// from every analyzer the terms the analyzer itself finds, for every word
// of the relevance sets' queries and words with a zero-width non-joiner,
// apostrophes, digits and mixed scripts.
func TestWordTokensAsAnalyzers(t *testing.T) {
	ix := mustRealIndex(t)
	words := []string{"می\u200cخواهم", "don't", "İşçi'nin", "16a", "B1-Kurs", "Ausländerbehörde", "Straße", "ŁÓDŹ", "l'emploi", "x\u200cy"}
	for _, set := range relevanceSets {
		for _, q := range loadRelevanceQueries(t, set.dir) {
			words = append(words, splitWords(q.Q)...)
		}
	}
	analyzers := []analysis.Analyzer{ix.an.plain}
	for _, lang := range Languages {
		analyzers = append(analyzers, ix.an.lang[lang])
	}
	for _, lang := range sortedKeys(ix.vocab.others) {
		analyzers = append(analyzers, ix.vocab.others[lang])
	}
	compared := 0
	for _, w := range words {
		tw := tokenizeWord(w)
		for i, an := range analyzers {
			if got, want := tw.terms(an), terms(an, w); !slices.Equal(got, want) {
				t.Errorf("%q, analyzer %d: %q, the analyzer finds %q", w, i, got, want)
			}
			compared++
		}
	}
	t.Logf("%d words and analyzers compared", compared)
}
