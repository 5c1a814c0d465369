package index

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestDescWordsMarkAsTheAnalyzers checks the words kept for snippets
// against the language analyzers themselves (not the build's memo): for
// every description of the real data in each language, each of its terms
// alone, and its first and last terms together (marks far apart, cut where
// the snippet ends), must mark the words the analyzer gives that term;
// terms of another description that it lacks mark nothing.
func TestDescWordsMarkAsTheAnalyzers(t *testing.T) {
	ix := mustRealIndex(t)
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			seen, checked := map[string]bool{}, 0
			var before []string
			for i := range ix.entries {
				text := ix.entries[i].ref.Service.Description[lang]
				if text == "" || seen[text] {
					continue
				}
				ord := int32(i)
				seen[text] = true
				terms, words := referenceWords(ix, text, lang)
				if len(terms) == 0 {
					t.Errorf("%s: %q has no terms", lang, text)
					continue
				}
				cases := [][]string{{terms[0], terms[len(terms)-1]}}
				for _, term := range terms {
					cases = append(cases, []string{term})
				}
				// And terms of the description before that this one lacks:
				// no marks, whether its tokens are read or passed over.
				var lacks []string
				for _, term := range before {
					if !slices.Contains(terms, term) {
						lacks = append(lacks, term)
					}
				}
				if len(lacks) > 0 {
					cases = append(cases, lacks)
				}
				before = terms
				for _, want := range cases {
					var ids []uint32
					for _, term := range want {
						id, ok := ix.descWords.termIDs[term]
						if !ok {
							t.Fatalf("%s: term %q of %q is not kept", lang, term, text)
						}
						ids = append(ids, id)
					}
					got := ix.descWords.marks(nil, ord, text, lang, ids)
					if exp := referenceMarks(words, want); !slices.Equal(got, exp) {
						t.Errorf("%s: %q in %q: marks %v, want %v", lang, want, text, got, exp)
					}
					checked++
				}
			}
			if len(seen) > 0 && checked == 0 {
				t.Errorf("%s: no description checked", lang)
			}
		})
	}
}

// referenceWords analyses text with its language's analyzer: its distinct
// terms, and its words in text order (the span of each position's first
// token) with their terms.
func referenceWords(ix *Index, text, lang string) ([]string, []referenceWord) {
	var terms []string
	var words []referenceWord
	last := -1
	for _, tok := range ix.an.lang[lang].Analyze([]byte(text)) {
		if tok.Position != last {
			last = tok.Position
			words = append(words, referenceWord{span: [2]int{tok.Start, tok.End}})
		}
		term := string(tok.Term)
		words[len(words)-1].terms = append(words[len(words)-1].terms, term)
		if !slices.Contains(terms, term) {
			terms = append(terms, term)
		}
	}
	return terms, words
}

type referenceWord struct {
	span  [2]int
	terms []string
}

// referenceMarks are the spans of the words with a term of want, up to
// where a snippet around the first one can end.
func referenceMarks(words []referenceWord, want []string) [][2]int {
	var marks [][2]int
	for _, w := range words {
		if !slices.ContainsFunc(w.terms, func(t string) bool { return slices.Contains(want, t) }) {
			continue
		}
		if len(marks) > 0 && w.span[0] >= marks[0][0]+utf8.UTFMax*snippetRunes {
			break
		}
		marks = append(marks, w.span)
	}
	return marks
}

// TestKeptDescWordsReadBackOrRefused: the descriptions' words written
// beside a kept index read back the same; a damaged file, or one kept for
// other data, is refused (Build then analyses the descriptions anew).
func TestKeptDescWordsReadBackOrRefused(t *testing.T) {
	ix := mustRealIndex(t)
	dir := t.TempDir()
	path := filepath.Join(dir, descWordsPrefix+"key")
	if err := writeDescWords(dir, path, ix.descWords); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back, err := readDescWords(b, ix.entries)
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	dw := ix.descWords
	if !maps.Equal(back.termIDs, dw.termIDs) || !slices.Equal(back.ends, dw.ends) || !bytes.Equal(back.packed, dw.packed) ||
		!slices.Equal(back.langs, dw.langs) || !slices.Equal(back.first, dw.first) || !slices.Equal(back.desc, dw.desc) {
		t.Error("the words read back differ from those written")
	}
	flipped := bytes.Clone(b)
	flipped[len(flipped)-1] ^= 1
	for _, c := range []struct {
		name    string
		b       []byte
		entries []entry
	}{
		{"cut short", b[:len(b)-1], ix.entries},
		{"a byte more", append(bytes.Clone(b), 0), ix.entries},
		{"a byte changed", flipped, ix.entries},
		{"another format", append([]byte("wegweiser-words-1\n"), b[len(descWordsMagic):]...), ix.entries},
		{"other data", b, ix.entries[:len(ix.entries)-1]},
		{"empty", nil, ix.entries},
	} {
		if _, err := readDescWords(c.b, c.entries); err == nil {
			t.Errorf("%s: read without an error", c.name)
		}
	}
}

// TestDescWordsMarkOnlyInsideTheText: tokens that a damaged kept file
// could hold (a word past the text's end, an end before its start) give no
// mark rather than a slice out of range.
func TestDescWordsMarkOnlyInsideTheText(t *testing.T) {
	text := "Beratung und Hilfe"
	for _, c := range []struct {
		name   string
		tokens []descToken
		want   [][2]int
	}{
		{"inside", []descToken{{0, 0, 8}, {1, 9, 12}, {0, 13, 18}}, [][2]int{{0, 8}, {13, 18}}},
		{"past the end", []descToken{{0, 0, 8}, {0, 13, 40}}, [][2]int{{0, 8}}},
		{"end before start", []descToken{{0, 13, 12}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			dw := &descWords{descIndex: descIndex{langs: []uint16{1}, first: []uint32{0}, desc: []uint32{0}}}
			var prev descToken
			for _, tok := range c.tokens {
				dw.packed, prev = packToken(dw.packed, tok, prev), tok
			}
			dw.ends = []uint32{uint32(len(dw.packed))}
			if got := dw.marks(nil, 0, text, Languages[0], []uint32{0}); !slices.Equal(got, c.want) {
				t.Errorf("marks %v, want %v", got, c.want)
			}
		})
	}
}
