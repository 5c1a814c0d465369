package index

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// croatianStemmer stems as bleve's Croatian stemmer (analysis/lang/hr,
// "stemmer_hr") does, to the byte, but sooner. bleve tries its 73 regular
// expressions on a word in turn until one fits, and every word of a
// Latin-script query is stemmed so (for the Serbian, Croatian and Bosnian
// situation phrases): about a tenth of a query's first search on the real
// data. Here a rule is tried only when the word ends in a letter that the
// rule's match can end in (stemRule.last, worked out from the expression),
// which leaves a few rules a word. TestCroatianStemmerAsBleves compares
// the two on every word of the data and on random words.
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

// stemRule is a rule and the letters a word it fits can end in.
type stemRule struct {
	re   *regexp.Regexp
	last lastRunes
}

func newStemRules(patterns ...string) []stemRule {
	rules := make([]stemRule, len(patterns))
	for i, p := range patterns {
		rules[i] = stemRule{re: regexp.MustCompile(p), last: lastRunesOf(p)}
	}
	return rules
}

// croatianVowelR marks a syllabic r ("prst") as a vowel, as bleve's hasVowel.
var croatianVowelR = regexp.MustCompile(`(^|[^aeiou])r($|[^aeiou])`)

func (croatianStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, token := range input {
		token.Term = []byte(croatianStem(string(token.Term)))
	}
	return input
}

// croatianStem is bleve's stem: the root of the first rule that fits and
// leaves a root with a vowel, or the term itself.
func croatianStem(term string) string {
	last, _ := utf8.DecodeLastRuneInString(term)
	for _, rule := range croatianRules {
		if term != "" && !rule.last.may(last) {
			continue // no match of the rule ends in this letter
		}
		results := rule.re.FindStringSubmatch(term)
		if len(results) == 0 {
			continue
		}
		if root := results[1]; strings.ContainsAny(croatianVowelR.ReplaceAllString(root, `${1}R${2}`), "aeiouR") && root != "" {
			return root
		}
	}
	return term
}

// lastRunes is what the last letter of a match of an expression can be:
// any letter, or one in ranges (pairs of first and last, as regexp/syntax
// keeps a class).
type lastRunes struct {
	any    bool
	ranges []rune
}

func (l lastRunes) may(r rune) bool {
	if l.any {
		return true
	}
	for i := 0; i+1 < len(l.ranges); i += 2 {
		if l.ranges[i] <= r && r <= l.ranges[i+1] {
			return true
		}
	}
	return false
}

func (l lastRunes) union(o lastRunes) lastRunes {
	if l.any || o.any {
		return lastRunes{any: true}
	}
	return lastRunes{ranges: append(append([]rune(nil), l.ranges...), o.ranges...)}
}

// lastRunesOf works out the letters a match of a pattern can end in; a
// pattern it cannot read, or whose match may be empty, may end in any.
func lastRunesOf(pattern string) lastRunes {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return lastRunes{any: true}
	}
	l, empty := lastOf(re.Simplify())
	if empty {
		return lastRunes{any: true}
	}
	return l
}

// lastOf returns the letters a match of re can end in, and whether a
// match can be empty (then what comes before it may end the match). What
// it does not know may end in any letter.
func lastOf(re *syntax.Regexp) (l lastRunes, empty bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return lastRunes{}, true
		}
		if re.Flags&syntax.FoldCase != 0 {
			return lastRunes{any: true}, false
		}
		r := re.Rune[len(re.Rune)-1]
		return lastRunes{ranges: []rune{r, r}}, false
	case syntax.OpCharClass:
		return lastRunes{ranges: append([]rune(nil), re.Rune...)}, false
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return lastRunes{}, true
	case syntax.OpCapture, syntax.OpPlus:
		return lastOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		l, _ := lastOf(re.Sub[0])
		return l, true
	case syntax.OpRepeat:
		l, empty := lastOf(re.Sub[0])
		return l, empty || re.Min == 0
	case syntax.OpConcat:
		for i := len(re.Sub) - 1; i >= 0; i-- {
			sl, sempty := lastOf(re.Sub[i])
			l = l.union(sl)
			if !sempty {
				return l, false
			}
		}
		return l, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			sl, sempty := lastOf(sub)
			l, empty = l.union(sl), empty || sempty
		}
		return l, empty
	}
	return lastRunes{any: true}, false
}
