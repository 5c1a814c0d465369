package index

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// croatianStemmer stems as bleve's Croatian stemmer (analysis/lang/hr,
// "stemmer_hr") does, to the byte, but sooner. bleve tries its 73 regular
// expressions on a word in turn until one fits, and every word of a
// Latin-script query is stemmed so (for the Serbian, Croatian and Bosnian
// situation phrases): about a tenth of a query's first search on the real
// data. Here a rule's expression runs only on a word it matches, which is
// known from the word's end (stemRules.fitting): about one rule a word.
// TestCroatianStemmerAsBleves compares the two on every word of the data
// and on random words, TestCroatianRulesFit the check with the expressions.
type croatianStemmer struct{}

// croatianRules are bleve's stemming rules in its order (bleve v2.6.3,
// analysis/lang/hr/stemmer_hr.go, "Copyright (c) 2020 Couchbase, Inc.",
// Apache License 2.0, http://www.apache.org/licenses/LICENSE-2.0; the
// notice is kept here as that licence asks of a copy; the rules come from
// http://nlp.ffzg.hr/resources/tools/stemmer-for-croatian/).
var croatianRules = newStemRules(
	`^(.+(s|š)k)(ijima|ijega|ijemu|ijem|ijim|ijih|ijoj|ijeg|iji|ije|ija|oga|ome|omu|ima|og|om|im|ih|oj|i|e|o|a|u)$`,
	`^(.+(s|š)tv)(ima|om|o|a|u)$`,
	`^(.+(t|m|p|r|g)anij)(ama|ima|om|a|u|e|i|)$`,
	`^(.+an)(inom|ina|inu|ine|ima|in|om|u|i|a|e|)$`,
	`^(.+in)(ima|ama|om|a|e|i|u|o|)$`,
	`^(.+on)(ovima|ova|ove|ovi|ima|om|a|e|i|u|)$`,
	`^(.+n)(ijima|ijega|ijemu|ijeg|ijem|ijim|ijih|ijoj|iji|ije|ija|iju|ima|ome|omu|oga|oj|om|ih|im|og|o|e|a|u|i|)$`,
	`^(.+(a|e|u)ć)(oga|ome|omu|ega|emu|ima|oj|ih|om|eg|em|og|uh|im|e|a)$`,
	`^(.+ugov)(ima|i|e|a)$`,
	`^(.+ug)(ama|om|a|e|i|u|o)$`,
	`^(.+log)(ama|om|a|u|e|)$`,
	`^(.+[^eo]g)(ovima|ama|ovi|ove|ova|om|a|e|i|u|o|)$`,
	`^(.+(rrar|ott|ss|ll)i)(jem|ja|ju|o|)$`,
	`^(.+uj)(ući|emo|ete|mo|em|eš|e|u|)$`,
	`^(.+(c|č|ć|đ|l|r)aj)(evima|evi|eva|eve|ama|ima|em|a|e|i|u|)$`,
	`^(.+(b|c|d|l|n|m|ž|g|f|p|r|s|t|z)ij)(ima|ama|om|a|e|i|u|o|)$`,
	`^(.+[^z]nal)(ima|ama|om|a|e|i|u|o|)$`,
	`^(.+ijal)(ima|ama|om|a|e|i|u|o|)$`,
	`^(.+ozil)(ima|om|a|e|u|i|)$`,
	`^(.+olov)(ima|i|a|e)$`,
	`^(.+ol)(ima|om|a|u|e|i|)$`,
	`^(.+lem)(ama|ima|om|a|e|i|u|o|)$`,
	`^(.+ram)(ama|om|a|e|i|u|o)$`,
	`^(.+(a|d|e|o)r)(ama|ima|om|u|a|e|i|)$`,
	`^(.+(e|i)s)(ima|om|e|a|u)$`,
	`^(.+(t|n|j|k|j|t|b|g|v)aš)(ama|ima|om|em|a|u|i|e|)$`,
	`^(.+(e|i)š)(ima|ama|om|em|i|e|a|u|)$`,
	`^(.+ikat)(ima|om|a|e|i|u|o|)$`,
	`^(.+lat)(ima|om|a|e|i|u|o|)$`,
	`^(.+et)(ama|ima|om|a|e|i|u|o|)$`,
	`^(.+(e|i|k|o)st)(ima|ama|om|a|e|i|u|o|)$`,
	`^(.+išt)(ima|em|a|e|u)$`,
	`^(.+ova)(smo|ste|hu|ti|še|li|la|le|lo|t|h|o)$`,
	`^(.+(a|e|i)v)(ijemu|ijima|ijega|ijeg|ijem|ijim|ijih|ijoj|oga|ome|omu|ima|ama|iji|ije|ija|iju|im|ih|oj|om|og|i|a|u|e|o|)$`,
	`^(.+[^dkml]ov)(ijemu|ijima|ijega|ijeg|ijem|ijim|ijih|ijoj|oga|ome|omu|ima|iji|ije|ija|iju|im|ih|oj|om|og|i|a|u|e|o|)$`,
	`^(.+(m|l)ov)(ima|om|a|u|e|i|)$`,
	`^(.+el)(ijemu|ijima|ijega|ijeg|ijem|ijim|ijih|ijoj|oga|ome|omu|ima|iji|ije|ija|iju|im|ih|oj|om|og|i|a|u|e|o|)$`,
	`^(.+(a|e|š)nj)(ijemu|ijima|ijega|ijeg|ijem|ijim|ijih|ijoj|oga|ome|omu|ima|iji|ije|ija|iju|ega|emu|eg|em|im|ih|oj|om|og|a|e|i|o|u)$`,
	`^(.+čin)(ama|ome|omu|oga|ima|og|om|im|ih|oj|a|u|i|o|e|)$`,
	`^(.+roši)(vši|smo|ste|še|mo|te|ti|li|la|lo|le|m|š|t|h|o)$`,
	`^(.+oš)(ijemu|ijima|ijega|ijeg|ijem|ijim|ijih|ijoj|oga|ome|omu|ima|iji|ije|ija|iju|im|ih|oj|om|og|i|a|u|e|)$`,
	`^(.+(e|o)vit)(ijima|ijega|ijemu|ijem|ijim|ijih|ijoj|ijeg|iji|ije|ija|oga|ome|omu|ima|og|om|im|ih|oj|i|e|o|a|u|)$`,
	`^(.+ast)(ijima|ijega|ijemu|ijem|ijim|ijih|ijoj|ijeg|iji|ije|ija|oga|ome|omu|ima|og|om|im|ih|oj|i|e|o|a|u|)$`,
	`^(.+k)(ijemu|ijima|ijega|ijeg|ijem|ijim|ijih|ijoj|oga|ome|omu|ima|iji|ije|ija|iju|im|ih|oj|om|og|i|a|u|e|o|)$`,
	`^(.+(e|a|i|u)va)(jući|smo|ste|jmo|jte|ju|la|le|li|lo|mo|na|ne|ni|no|te|ti|še|hu|h|j|m|n|o|t|v|š|)$`,
	`^(.+ir)(ujemo|ujete|ujući|ajući|ivat|ujem|uješ|ujmo|ujte|avši|asmo|aste|ati|amo|ate|aju|aše|ahu|ala|alo|ali|ale|uje|uju|uj|al|an|am|aš|at|ah|ao)$`,
	`^(.+ač)(ismo|iste|iti|imo|ite|iše|eći|ila|ilo|ili|ile|ena|eno|eni|ene|io|im|iš|it|ih|en|i|e)$`,
	`^(.+ača)(vši|smo|ste|smo|ste|hu|ti|mo|te|še|la|lo|li|le|ju|na|no|ni|ne|o|m|š|t|h|n)$`,
	`^(.+n)(uvši|usmo|uste|ući|imo|ite|emo|ete|ula|ulo|ule|uli|uto|uti|uta|em|eš|uo|ut|e|u|i)$`,
	`^(.+ni)(vši|smo|ste|ti|mo|te|mo|te|la|lo|le|li|m|š|o)$`,
	`^(.+((a|r|i|p|e|u)st|[^o]g|ik|uc|oj|aj|lj|ak|ck|čk|šk|uk|nj|im|ar|at|et|št|it|ot|ut|zn|zv)a)(jući|vši|smo|ste|jmo|jte|jem|mo|te|je|ju|ti|še|hu|la|li|le|lo|na|no|ni|ne|t|h|o|j|n|m|š)$`,
	`^(.+ur)(ajući|asmo|aste|ajmo|ajte|amo|ate|aju|ati|aše|ahu|ala|ali|ale|alo|ana|ano|ani|ane|al|at|ah|ao|aj|an|am|aš)$`,
	`^(.+(a|i|o)staj)(asmo|aste|ahu|ati|emo|ete|aše|ali|ući|ala|alo|ale|mo|ao|em|eš|at|ah|te|e|u|)$`,
	`^(.+(b|c|č|ć|d|e|f|g|j|k|n|r|t|u|v)a)(lama|lima|lom|lu|li|la|le|lo|l)$`,
	`^(.+(t|č|j|ž|š)aj)(evima|evi|eva|eve|ama|ima|em|a|e|i|u|)$`,
	`^(.+([^o]m|ič|nč|uč|b|c|ć|d|đ|h|j|k|l|n|p|r|s|š|v|z|ž)a)(jući|vši|smo|ste|jmo|jte|mo|te|ju|ti|še|hu|la|li|le|lo|na|no|ni|ne|t|h|o|j|n|m|š)$`,
	`^(.+(a|i|o)sta)(dosmo|doste|doše|nemo|demo|nete|dete|nimo|nite|nila|vši|nem|dem|neš|deš|doh|de|ti|ne|nu|du|la|li|lo|le|t|o)$`,
	`^(.+ta)(smo|ste|jmo|jte|vši|ti|mo|te|ju|še|la|lo|le|li|na|no|ni|ne|n|j|o|m|š|t|h)$`,
	`^(.+inj)(asmo|aste|ati|emo|ete|ali|ala|alo|ale|aše|ahu|em|eš|at|ah|ao)$`,
	`^(.+as)(temo|tete|timo|tite|tući|tem|teš|tao|te|li|ti|la|lo|le)$`,
	`^(.+(elj|ulj|tit|ac|ič|od|oj|et|av|ov)i)(vši|eći|smo|ste|še|mo|te|ti|li|la|lo|le|m|š|t|h|o)$`,
	`^(.+(tit|jeb|ar|ed|uš|ič)i)(jemo|jete|jem|ješ|smo|ste|jmo|jte|vši|mo|še|te|ti|ju|je|la|lo|li|le|t|m|š|h|j|o)$`,
	`^(.+(b|č|d|l|m|p|r|s|š|ž)i)(jemo|jete|jem|ješ|smo|ste|jmo|jte|vši|mo|lu|še|te|ti|ju|je|la|lo|li|le|t|m|š|h|j|o)$`,
	`^(.+luč)(ujete|ujući|ujemo|ujem|uješ|ismo|iste|ujmo|ujte|uje|uju|iše|iti|imo|ite|ila|ilo|ili|ile|ena|eno|eni|ene|uj|io|en|im|iš|it|ih|e|i)$`,
	`^(.+jeti)(smo|ste|še|mo|te|ti|li|la|lo|le|m|š|t|h|o)$`,
	`^(.+e)(lama|lima|lom|lu|li|la|le|lo|l)$`,
	`^(.+i)(lama|lima|lom|lu|li|la|le|lo|l)$`,
	`^(.+at)(ijega|ijemu|ijima|ijeg|ijem|ijih|ijim|ima|oga|ome|omu|iji|ije|ija|iju|oj|og|om|im|ih|a|u|i|e|o|)$`,
	`^(.+et)(avši|ući|emo|imo|em|eš|e|u|i)$`,
	`^(.+)(ajući|alima|alom|avši|asmo|aste|ajmo|ajte|ivši|amo|ate|aju|ati|aše|ahu|ali|ala|ale|alo|ana|ano|ani|ane|am|aš|at|ah|ao|aj|an)$`,
	`^(.+)(anje|enje|anja|enja|enom|enoj|enog|enim|enih|anom|anoj|anog|anim|anih|eno|ovi|ova|oga|ima|ove|enu|anu|ena|ama)$`,
	`^(.+)(nijega|nijemu|nijima|nijeg|nijem|nijim|nijih|nima|niji|nije|nija|niju|noj|nom|nog|nim|nih|an|na|nu|ni|ne|no)$`,
	`^(.+)(om|og|im|ih|em|oj|an|u|o|i|e|a)$`,
)

// stemRules are rules of the form `^(.+STEM)(ENDINGS)$`, kept so that the
// rules a word matches are known from its end: its last few letters name
// the rules with that ending (byEnding), and each of those checks what its
// root ends in (stemRule.rootFits). A rule's expression then runs only to
// cut the word where bleve's does, about once a word.
type stemRules struct {
	rules    []stemRule
	byEnding map[string][]int // an ending ("" too) -> the rules that allow it, in order
	longest  int              // the most letters of an ending
}

// stemRule is a rule and what its root must end in after the letter or
// more that ".+" takes: one of stem's sequences of letter classes (none:
// anything).
type stemRule struct {
	re   *regexp.Regexp
	stem [][]runeClass
}

// runeClass is a set of letters as regexp/syntax keeps a class: pairs of
// first and last.
type runeClass []rune

func (c runeClass) has(r rune) bool {
	for i := 0; i+1 < len(c); i += 2 {
		if c[i] <= r && r <= c[i+1] {
			return true
		}
	}
	return false
}

// croatianRuleParts splits a rule `^(.+STEM)(ENDINGS)$` into STEM and
// ENDINGS.
var croatianRuleParts = regexp.MustCompile(`^\^\(\.\+(.*)\)\(([^()]*)\)\$$`)

func newStemRules(patterns ...string) stemRules {
	if len(patterns) > len(ruleSet{})*64 {
		panic(fmt.Sprintf("%d Croatian stemming rules: a ruleSet holds %d", len(patterns), len(ruleSet{})*64))
	}
	s := stemRules{rules: make([]stemRule, len(patterns)), byEnding: map[string][]int{}}
	for i, p := range patterns {
		parts := croatianRuleParts.FindStringSubmatch(p)
		if parts == nil {
			panic("Croatian stemming rule not of the form ^(.+STEM)(ENDINGS)$: " + p)
		}
		s.rules[i].re = regexp.MustCompile(p)
		if parts[1] != "" {
			stem, err := syntax.Parse(parts[1], syntax.Perl)
			if err != nil {
				panic("Croatian stemming rule " + p + ": " + err.Error())
			}
			s.rules[i].stem = sequences(stem, p)
		}
		for _, e := range strings.Split(parts[2], "|") {
			if !slices.Contains(s.byEnding[e], i) {
				s.byEnding[e] = append(s.byEnding[e], i)
			}
			s.longest = max(s.longest, utf8.RuneCountInString(e))
		}
	}
	return s
}

// sequences lists the sequences of letter classes a pattern of fixed
// length matches (the stems of the rules are literals, classes and
// alternatives of them); pattern names the rule in a panic.
func sequences(re *syntax.Regexp, pattern string) [][]runeClass {
	switch re.Op {
	case syntax.OpLiteral:
		seq := make([]runeClass, len(re.Rune))
		for i, r := range re.Rune {
			seq[i] = runeClass{r, r}
		}
		return [][]runeClass{seq}
	case syntax.OpCharClass:
		return [][]runeClass{{runeClass(re.Rune)}}
	case syntax.OpEmptyMatch:
		return [][]runeClass{nil}
	case syntax.OpCapture:
		return sequences(re.Sub[0], pattern)
	case syntax.OpAlternate:
		var out [][]runeClass
		for _, sub := range re.Sub {
			out = append(out, sequences(sub, pattern)...)
		}
		return out
	case syntax.OpConcat:
		out := [][]runeClass{nil}
		for _, sub := range re.Sub {
			var next [][]runeClass
			for _, tail := range sequences(sub, pattern) {
				for _, head := range out {
					next = append(next, append(slices.Clip(head), tail...))
				}
			}
			out = next
		}
		return out
	}
	panic("Croatian stemming rule " + pattern + ": its stem is not of literals, classes and alternatives")
}

// rootFits reports whether root is a letter or more and then a match of
// the rule's stem.
func (r *stemRule) rootFits(root string) bool {
	_, first := utf8.DecodeRuneInString(root)
	if first == 0 {
		return false
	}
	if r.stem == nil {
		return true
	}
	rest := root[first:]
	for _, seq := range r.stem {
		if endsIn(rest, seq) {
			return true
		}
	}
	return false
}

// endsIn reports whether the last letters of s are of seq's classes.
func endsIn(s string, seq []runeClass) bool {
	for i := len(seq) - 1; i >= 0; i-- {
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || !seq[i].has(r) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

// fitting returns the rules whose expression matches term, as a set of
// their numbers.
func (s *stemRules) fitting(term string) ruleSet {
	var fit ruleSet
	end := len(term)
	for n := 0; ; n++ {
		if rules, ok := s.byEnding[term[end:]]; ok {
			root := term[:end]
			for _, i := range rules {
				if !fit.has(i) && s.rules[i].rootFits(root) {
					fit.add(i)
				}
			}
		}
		if n == s.longest || end == 0 {
			return fit
		}
		_, size := utf8.DecodeLastRuneInString(term[:end])
		end -= size
	}
}

// ruleSet is a set of rule numbers (fewer than 128).
type ruleSet [2]uint64

func (s *ruleSet) add(i int)     { s[i/64] |= 1 << (i % 64) }
func (s ruleSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// croatianHasVowel is bleve's hasVowel: a vowel, or an r that stands as
// one ("prst"). bleve marks an r between non-vowels and looks for the
// mark; a root without vowels has every r between non-vowels.
func croatianHasVowel(root string) bool {
	return strings.ContainsAny(root, "aeiouRr")
}

func (croatianStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, token := range input {
		token.Term = []byte(croatianStem(string(token.Term)))
	}
	return input
}

// croatianStem is bleve's stem: the root of the first rule that fits and
// leaves a root with a vowel, or the term itself.
func croatianStem(term string) string {
	fit := croatianRules.fitting(term)
	for i, rule := range croatianRules.rules {
		if !fit.has(i) {
			continue
		}
		results := rule.re.FindStringSubmatch(term)
		if len(results) == 0 {
			continue
		}
		if root := results[1]; root != "" && croatianHasVowel(root) {
			return root
		}
	}
	return term
}
