package index

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// snippetRunes is the length of a snippet; snippetLead is how much text
// stands before the first highlighted word when the snippet does not start
// at the beginning of the description.
const (
	snippetRunes = 200
	snippetLead  = 60
	// analysedCacheSize bounds the analysed descriptions kept for snippets.
	analysedCacheSize = 8192
)

// addSnippets highlights the query's words in the descriptions of one page
// of hits. Each description is analysed with its language's analyzer and a
// word is marked when one of its terms is among the query's terms in that
// language; marks are set on the original text's words, whatever the
// analyzer folded (ł, ş, ä) or split (German compounds).
func (ix *Index) addSnippets(hits []Hit, q *parsedQuery, lang string) {
	var wanted map[string][]string // language -> the query's terms in it
	var marks [][2]int
	var found []int32 // highlights' working space
	for i := range hits {
		text, tl := hits[i].Service.Description.In(lang)
		var want []string
		if q != nil {
			var ok bool
			if want, ok = wanted[tl]; !ok {
				if wanted == nil {
					wanted = map[string][]string{}
				}
				want = q.termsIn(tl)
				wanted[tl] = want
			}
		}
		marks = marks[:0]
		if len(want) > 0 {
			if at := ix.analysedText(text, tl); at != nil {
				marks, found = at.highlights(marks, found[:0], want)
			}
		}
		if len(marks) == 0 { // found through its topics, or in another language
			hits[i].Snippet = ix.plainSnippet(text, tl)
			continue
		}
		hits[i].Snippet = snippetHTML(text, marks)
	}
}

// termsIn is the query's distinct terms in one language.
func (q *parsedQuery) termsIn(lang string) []string {
	var want []string
	for _, w := range q.words {
		for _, t := range w.forms[lang] {
			if !containsString(want, t) {
				want = append(want, t)
			}
		}
	}
	return want
}

// highlights appends to marks the byte ranges of the words of the text
// that have a term of want, in text order, up to where a snippet around
// the first one can end (snippetHTML: at most snippetRunes runes of up to
// 4 bytes from a start before the first mark); the rest would not be shown.
// found is working space, returned for the next call.
func (at *analysedDesc) highlights(marks [][2]int, found []int32, want []string) ([][2]int, []int32) {
	for _, t := range want { // found: the words with a wanted term, by their index
		found = append(found, at.words[t]...)
	}
	slices.Sort(found)
	found = slices.Compact(found)
	for _, wi := range found {
		span := at.spans[wi]
		if len(marks) > 0 && span[0] >= marks[0][0]+utf8.UTFMax*snippetRunes {
			break
		}
		marks = append(marks, span)
	}
	return marks, found
}

// analysedDesc is a text's words (their byte offsets) and, for each term
// its analyzer made, the words that have it, in text order: a snippet
// looks up the query's few terms instead of comparing every word's terms.
type analysedDesc struct {
	spans [][2]int
	words map[string][]int32
}

// descKey is a text in a language, the key of an analysed description.
type descKey struct{ lang, text string }

// analysedText is a text's analysis, kept in a bounded cache: the same
// descriptions come up again and again, and analysing German
// (decompounding) costs far more than the search. Nil for a language
// without an analyzer.
func (ix *Index) analysedText(text, lang string) *analysedDesc {
	key := descKey{lang, text}
	if at, ok := ix.analysed.Get(key); ok {
		return at
	}
	an := ix.an.lang[lang]
	if an == nil {
		return nil
	}
	at := &analysedDesc{words: map[string][]int32{}}
	at.spans = make([][2]int, 0, len(text)/6)
	// A position's first token is the word itself (stemmed or not);
	// decompounding adds its parts after it, at the same position, so the
	// word of a token is the last span begun, or a new one.
	last := -1
	for _, tok := range an.Analyze([]byte(text)) {
		if tok.Position != last {
			last = tok.Position
			at.spans = append(at.spans, [2]int{tok.Start, tok.End})
		}
		wi := int32(len(at.spans) - 1)
		if ws := at.words[string(tok.Term)]; !slices.Contains(ws, wi) {
			at.words[string(tok.Term)] = append(ws, wi)
		}
	}
	at.spans = slices.Clip(at.spans)
	ix.analysed.Add(key, at)
	return at
}

// plainSnippet is the snippet of a text without marks, kept in a bounded
// cache: most hits of a page have none (found through their topics, or
// asked in another language than the page's), and the same services come
// up again and again.
func (ix *Index) plainSnippet(text, lang string) string {
	key := descKey{lang, text}
	if s, ok := ix.plain.Get(key); ok {
		return s
	}
	s := snippetHTML(text, nil)
	ix.plain.Add(key, s)
	return s
}

// snippetHTML cuts text to a snippet around its first mark and returns it
// as escaped HTML with <mark> around the marked words.
func snippetHTML(text string, marks [][2]int) string {
	start := 0
	if len(marks) > 0 && utf8.RuneCountInString(text[:marks[0][0]]) > snippetLead {
		start = wordStartBefore(text, marks[0][0], snippetLead)
	}
	end := start + len(truncateRunes(text[start:], snippetRunes))
	var b strings.Builder
	b.Grow(end - start + len(marks)*len("<mark></mark>") + 2*len("…") + 32)
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, m := range marks {
		if m[0] < pos || m[1] > end {
			continue
		}
		writeHTMLEscaped(&b, text[pos:m[0]])
		b.WriteString("<mark>")
		writeHTMLEscaped(&b, text[m[0]:m[1]])
		b.WriteString("</mark>")
		pos = m[1]
	}
	writeHTMLEscaped(&b, text[pos:end])
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// writeHTMLEscaped writes s escaped as html.EscapeString escapes it.
func writeHTMLEscaped(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, `<>&'"`)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		}
		s = s[i+1:]
	}
}

// wordStartBefore is the byte offset of a word start about n runes before i.
func wordStartBefore(text string, i, n int) int {
	p := i // n runes back
	for k := 0; k < n && p > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:p])
		p -= size
	}
	for p > 0 && p < i && text[p-1] != ' ' {
		_, size := utf8.DecodeRuneInString(text[p:])
		p += size
	}
	return p
}

// excerpt is the beginning of a service's description in lang.
func excerpt(ref ServiceRef, lang string) string {
	text, _ := ref.Service.Description.In(lang)
	if utf8.RuneCountInString(text) > snippetRunes {
		return truncateRunes(text, snippetRunes) + "…"
	}
	return text
}
