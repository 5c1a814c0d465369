package index

import "testing"

// TestWarmBuildsWhatFirstQueriesWaitFor: after Warm, the typo automata of
// the page's languages exist, so a first misspelt query does not build them.
func TestWarmBuildsWhatFirstQueriesWaitFor(t *testing.T) {
	ix := mustRealIndex(t)
	ix.Warm()
	ix.vocab.fuzzy.mu.Lock()
	defer ix.vocab.fuzzy.mu.Unlock()
	for _, lang := range Languages {
		if _, ok := ix.vocab.fuzzy.fst[lang]; !ok {
			t.Errorf("no typo automaton for %s after Warm", lang)
		}
	}
}
