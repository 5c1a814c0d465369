package index

import (
	"html"
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
	wanted := map[string]map[string]bool{} // language -> the query's terms in it
	for i := range hits {
		text, tl := hits[i].Service.Description.In(lang)
		var marks [][2]int
		if q != nil {
			want, ok := wanted[tl]
			if !ok {
				want = q.termsIn(tl)
				wanted[tl] = want
			}
			marks = ix.highlights(text, tl, want)
		}
		hits[i].Snippet = snippetHTML(text, marks)
	}
}

// termsIn is the set of the query's terms in one language.
func (q *parsedQuery) termsIn(lang string) map[string]bool {
	want := map[string]bool{}
	for _, w := range q.words {
		for _, t := range w.forms[lang] {
			want[t] = true
		}
	}
	return want
}

// highlights returns the byte ranges of the words of text (in language
// lang) that have a term of want, up to where a snippet around the first
// one can end (snippetHTML: at most snippetRunes runes of up to 4 bytes
// from a start before the first mark); the rest would not be shown.
func (ix *Index) highlights(text, lang string, want map[string]bool) [][2]int {
	if len(want) == 0 {
		return nil
	}
	var marks [][2]int
	for _, w := range ix.analysedText(text, lang) {
		if len(marks) > 0 && w.span[0] >= marks[0][0]+utf8.UTFMax*snippetRunes {
			break
		}
		for _, t := range w.terms {
			if want[t] {
				marks = append(marks, w.span)
				break
			}
		}
	}
	return marks
}

// textWord is a word of a text with the terms its analyzer made of it.
type textWord struct {
	span  [2]int // byte offsets in the text
	terms []string
}

// analysedText is a text's words with their terms, kept in a bounded cache:
// the same descriptions come up again and again, and analysing German
// (decompounding) costs far more than the search.
func (ix *Index) analysedText(text, lang string) []textWord {
	key := lang + "\x00" + text
	if ws, ok := ix.analysed.Get(key); ok {
		return ws
	}
	an := ix.an.lang[lang]
	if an == nil {
		return nil
	}
	var words []textWord
	at := map[int]int{} // token position -> index in words
	for _, tok := range an.Analyze([]byte(text)) {
		i, ok := at[tok.Position]
		if !ok {
			// A position's first token is the word itself (stemmed or not);
			// decompounding adds its parts after it, at the same position.
			i = len(words)
			at[tok.Position] = i
			words = append(words, textWord{span: [2]int{tok.Start, tok.End}})
		}
		words[i].terms = append(words[i].terms, string(tok.Term))
	}
	ix.analysed.Add(key, words)
	return words
}

// snippetHTML cuts text to a snippet around its first mark and returns it
// as escaped HTML with <mark> around the marked words.
func snippetHTML(text string, marks [][2]int) string {
	start := 0
	if len(marks) > 0 && utf8.RuneCountInString(text[:marks[0][0]]) > snippetLead {
		start = wordStartBefore(text, marks[0][0], snippetLead)
	}
	end := len(text)
	if utf8.RuneCountInString(text[start:]) > snippetRunes {
		end = start + len(truncateRunes(text[start:], snippetRunes))
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, m := range marks {
		if m[0] < pos || m[1] > end {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:m[0]]))
		b.WriteString("<mark>" + html.EscapeString(text[m[0]:m[1]]) + "</mark>")
		pos = m[1]
	}
	b.WriteString(html.EscapeString(text[pos:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// wordStartBefore is the byte offset of a word start about n runes before i.
func wordStartBefore(text string, i, n int) int {
	r := []rune(text[:i])
	j := len(r) - n
	for j > 0 && j < len(r) && r[j-1] != ' ' {
		j++
	}
	return len(string(r[:j]))
}

// excerpt is the beginning of a service's description in lang.
func excerpt(ref ServiceRef, lang string) string {
	text, _ := ref.Service.Description.In(lang)
	if utf8.RuneCountInString(text) > snippetRunes {
		return truncateRunes(text, snippetRunes) + "…"
	}
	return text
}
