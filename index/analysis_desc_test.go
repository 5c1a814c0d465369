package index

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// TestDescCountsAreCounted checks that a description counted from its
// words gives the index what counting its text gives (the number of
// tokens, each term and its count), for every description of the real
// data and of a small synthetic folder, and that a description whose kept
// tokens are damaged is counted from its text.
func TestDescCountsAreCounted(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys func() fstest.MapFS
	}{
		{"real data", nil},
		{"generated", func() fstest.MapFS { return synthFS(t, synth.Generated, 400) }},
		{"copies", func() fstest.MapFS { return synthFS(t, synth.Copies, 400) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := data.FS()
			if tc.fsys != nil {
				fsys = tc.fsys()
			}
			d, problems := Load(fsys, time.Now())
			if errs := problems.Errors(); len(errs) > 0 {
				t.Fatal(errs)
			}
			ix, err := New(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			memo := newMemoAnalyzers(ix.an)
			descs := newDescCounter(ix.descWords)
			damaged := *ix.descWords
			damaged.packed = damaged.packed[:len(damaged.packed)/2]
			broken := newDescCounter(&damaged)
			checked := 0
			for ord := range ix.entries {
				for lang, text := range ix.entries[ord].ref.Service.Description {
					a := memo.lang[lang]
					if a == nil || bytes.TrimSpace([]byte(text)) == nil {
						continue
					}
					want := a.field("f", text)
					want.Analyze()
					for _, c := range []*descCounter{descs, broken} {
						got := c.field("f", text, a, int32(ord), lang)
						f, ok := got.(*countedField)
						if !ok || f.desc == nil {
							t.Fatalf("entry %d, %s: the description is not counted from its words", ord, lang)
						}
						if c == descs && c.counts(f.descNo) == nil {
							t.Fatalf("entry %d, %s: the description's words cannot be read", ord, lang)
						}
						got.Analyze()
						if got.AnalyzedLength() != want.AnalyzedLength() {
							t.Fatalf("entry %d, %s, %q: %d tokens, counted from the text %d", ord, lang, text, got.AnalyzedLength(), want.AnalyzedLength())
						}
						g, w := got.AnalyzedTokenFrequencies(), want.AnalyzedTokenFrequencies()
						if len(g) != len(w) {
							t.Fatalf("entry %d, %s, %q: %d terms, counted from the text %d", ord, lang, text, len(g), len(w))
						}
						for term, wf := range w {
							if gf := g[term]; gf == nil || !bytes.Equal(gf.Term, wf.Term) || gf.Frequency() != wf.Frequency() {
								t.Fatalf("entry %d, %s, %q, term %q: %+v, counted from the text %+v", ord, lang, text, term, gf, wf)
							}
						}
					}
					checked++
				}
			}
			if checked == 0 {
				t.Fatal("no description checked")
			}
		})
	}
}
