package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// genericWords are the words most services use in their own texts
// ("Beratung", "help", "مساعدة"): a person adds them to a query ("brauche
// Beratung"), but they say nothing about which office is right, and in a
// field where they happen to be rare (an organization's name) they would
// outweigh the words that matter. They are found in the data itself, per
// language, so no list needs maintaining, plus the filler words of
// data/situations.toml for the languages with too few records for that.
type genericWords map[string]bool

const (
	genericShare       = 0.35 // used by at least this share of the services with text in a language
	genericMinServices = 20   // languages with fewer texts have no generic words
)

func newGenericWords(d *Directory, an *analyzers) genericWords {
	sample := sampleOrganizations(d.Organizations, statsSample)
	// Each language's words are counted on a core of its own: about 0.3 s
	// of a cold start of 10,000 services, most of it splitting texts.
	perLang := make([][]string, len(Languages))
	onEveryCore(len(Languages), func(i int) {
		perLang[i] = genericWordsOf(sample, Languages[i], an.lang[Languages[i]])
	})
	generic := genericWords{}
	for _, words := range perLang {
		for _, w := range words {
			generic[w] = true
		}
	}
	for _, list := range d.Fillers {
		for _, w := range list {
			for _, f := range foldedWords(w) {
				generic[f] = true
			}
		}
	}
	return generic
}

// genericWordsOf are the words of language lang that at least
// genericShare of the sampled services with text in lang use (none when
// fewer than genericMinServices have text).
func genericWordsOf(sample []*Organization, lang string, a analysis.Analyzer) []string {
	words := map[string][]string{} // text -> its distinct words: texts repeat across records
	df := map[string]int{}
	n := 0
	for _, o := range sample {
		for _, s := range o.Services {
			text := strings.Join([]string{s.Name[lang], s.Description[lang], o.Name[lang]}, " ")
			if strings.TrimSpace(text) == "" {
				continue
			}
			n++
			distinct, ok := words[text]
			if !ok {
				distinct = foldedWords(text)
				slices.Sort(distinct)
				distinct = slices.Compact(distinct)
				words[text] = distinct
			}
			for _, w := range distinct {
				df[w]++
			}
		}
	}
	if n < genericMinServices {
		return nil
	}
	var generic []string
	for w, c := range df {
		// Stop words ("is", "the") are left out by the analyzer anyway;
		// as generic words they would also take "iş" (Turkish "work",
		// typed without its cedilla) out of queries.
		if float64(c) >= genericShare*float64(n) && len(terms(a, w)) > 0 {
			generic = append(generic, w)
		}
	}
	return generic
}

// strip removes generic words from a query, unless nothing would be left.
func (g genericWords) strip(text string) string {
	return g.stripExcept(text, nil)
}

// stripExcept removes generic words from a query unless nothing would be
// left, keeping those that keep(previous word, word, next word) says form
// a phrase with a neighbour: "اداره" (office) is generic in Persian texts,
// "اداره خارجی ها" is the immigration office.
func (g genericWords) stripExcept(text string, keep func(prev, word, next string) bool) string {
	words := strings.Fields(text)
	var kept []string
	for i, w := range words {
		folded := foldedWords(w)
		if len(folded) == 1 && g.has(folded[0]) {
			prev, next := "", ""
			if i > 0 {
				prev = words[i-1]
			}
			if i+1 < len(words) {
				next = words[i+1]
			}
			if keep == nil || !keep(prev, w, next) {
				continue
			}
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		return text
	}
	return strings.Join(kept, " ")
}

// has reports whether a folded word is generic, also with the Arabic "و"
// (and) written onto it: "وبدي" is "and I want".
func (g genericWords) has(w string) bool {
	if g[w] {
		return true
	}
	rest, ok := strings.CutPrefix(w, "و")
	return ok && utf8.RuneCountInString(rest) >= 2 && g[rest]
}

// foldedWords splits text into lowercased words without accents
// (combining marks removed after canonical decomposition).
func foldedWords(text string) []string {
	return strings.FieldsFunc(foldText(text), notWordRune)
}

// foldText lowercases text and removes accents. Plain ASCII, most of the
// data, takes the fast path; other text is decomposed rune by rune.
func foldText(text string) string {
	if isASCII(text) {
		return strings.ToLower(text)
	}
	var b strings.Builder
	b.Grow(len(text))
	var buf [utf8.UTFMax * 4]byte
	for _, r := range strings.ToLower(text) {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		for _, d := range string(decomposed(r, buf[:0])) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(d)
			}
		}
	}
	return norm.NFC.String(b.String())
}

// isASCII reports whether a text is plain ASCII, which needs no folding.
func isASCII[T string | []byte](text T) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decomposed is the canonical decomposition (NFD) of one rune, read from
// the normalisation tables: asking norm to decompose a rune that has a
// decomposition allocates its reorder buffer each time (an umlaut of every
// German word; 1.4 MB of a build). Hangul syllables, which the tables do
// not hold, are decomposed by norm. TestDecomposedIsNFD checks every rune.
func decomposed(r rune, buf []byte) []byte {
	if r >= hangulFirst && r <= hangulLast {
		return norm.NFD.AppendString(buf, string(r))
	}
	start := len(buf)
	buf = utf8.AppendRune(buf, r) // in buf's room when it has some, never past it
	if d := norm.NFD.Properties(buf[start:]).Decomposition(); d != nil {
		return d // the tables' own bytes: only read
	}
	return buf[start:]
}

// The Hangul syllables, decomposed by rule rather than by table.
const hangulFirst, hangulLast = 0xAC00, 0xD7A3

// notWordRune is true for runes that separate words: not letters, digits or
// the vowel signs of scripts such as Devanagari ("चाहिए").
func notWordRune(r rune) bool { return notLetter(r) && !unicode.In(r, unicode.Mn, unicode.Mc) }
