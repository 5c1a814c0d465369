package index

import (
	"strings"
	"unicode/utf8"
)

// snippetRunes is the length of a snippet; snippetLead is how much text
// stands before the first highlighted word when the snippet does not start
// at the beginning of the description.
const (
	snippetRunes = 200
	snippetLead  = 60
	// plainCacheSize bounds the snippets without marks kept.
	plainCacheSize = 8192
)

// addSnippets highlights the query's words in the descriptions of one page
// of hits (page: their entries). A word is marked when one of its terms,
// as its description's language's analyzer made them when the index was
// built (descWords), is among the query's terms in that language; marks
// are set on the original text's words, whatever the analyzer folded (ł,
// ş, ä) or split (German compounds).
func (ix *Index) addSnippets(hits []Hit, page []scored, q *parsedQuery, lang string) {
	// A page's few languages and marks fit here, on the stack.
	var wantedBuf [2]queryTermsIn
	var marksBuf [16][2]int
	wanted, marks := wantedBuf[:0], marksBuf[:0]
	for i := range hits {
		text, tl := hits[i].Service.Description.In(lang)
		marks = marks[:0]
		if q != nil {
			var want []uint32
			if want, wanted = ix.wantedIn(wanted, q, tl); len(want) > 0 {
				marks = ix.descWords.marks(marks, page[i].ord, text, tl, want)
			}
		}
		if len(marks) == 0 { // found through its topics, or in another language
			hits[i].Snippet = ix.plainSnippet(text, tl)
			continue
		}
		hits[i].Snippet = snippetHTML(text, marks)
	}
}

// queryTermsIn are the numbers of a query's terms in one language.
type queryTermsIn struct {
	lang string
	ids  []uint32
}

// wantedIn is the query's terms in lang, found once per page.
func (ix *Index) wantedIn(wanted []queryTermsIn, q *parsedQuery, lang string) ([]uint32, []queryTermsIn) {
	for _, w := range wanted {
		if w.lang == lang {
			return w.ids, wanted
		}
	}
	ids := ix.descWords.queryTerms(nil, q, lang)
	return ids, append(wanted, queryTermsIn{lang, ids})
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
