package index

import (
	"slices"
	"strings"
)

// addBodies makes the services of a situation's responsible bodies the
// members of its concept: those with one of the situation's topics (every
// service of the body for a situation without topics).
func (ix *Index) addBodies() {
	ix.bodiesOf = map[int32][]int{}
	for ci, c := range ix.vocab.concepts {
		if c.body == nil {
			continue
		}
		for ord := range ix.entries {
			e := &ix.entries[ord]
			if !containsString(c.body.Organizations, e.ref.Org.ID) {
				continue
			}
			if len(c.body.Topics) == 0 || anyIn(e.ref.Service.Topics, c.body.Topics) {
				ix.concepts[ci] = append(ix.concepts[ci], int32(ord))
				ix.bodiesOf[int32(ord)] = append(ix.bodiesOf[int32(ord)], ci)
			}
		}
	}
}

// addSituationMembers finds the services specialised in each situation:
// those whose own name or keywords contain one of its phrases, word for
// word, in the language of the text, and that list one of its topics or
// groups. "Dolmetscher als Alltagsbegleiter" is specialised in
// interpreting; a Ukrainian asking for "перекладач" reaches it through the
// situation, though its texts have no Ukrainian. Only names and keywords
// count (a description merely mentions things), and only phrases without
// stop words ("any job" is "job" to the analyzer, which says too little).
func (ix *Index) addSituationMembers(an *memoAnalyzers) {
	// A language without such phrases makes no member: its texts need no
	// analysis (analysing every service's texts was most of a warm start).
	langs := map[string]bool{}
	for k := range ix.vocab.memberPhrases {
		langs[k.lang] = true
	}
	// The services' texts are analysed on every core; their memberships
	// are then added in the services' order.
	found := make([][]int, len(ix.entries))
	onEveryCore(len(ix.entries), func(ord int) {
		s := ix.entries[ord].ref.Service
		member := map[int]bool{}
		for _, lang := range Languages {
			if !langs[lang] {
				continue
			}
			text := strings.TrimSpace(s.Name[lang] + " ; " + strings.Join(s.Keywords[lang], " ; "))
			if text == ";" {
				continue
			}
			have := terms(an.words[lang], text)
			for _, pi := range ix.vocab.memberCandidates(lang, have) {
				p := ix.vocab.phrases[pi]
				if !member[p.concept] && containsPhrase(have, p) && ix.concernsService(p.concept, s) {
					member[p.concept] = true
					found[ord] = append(found[ord], p.concept)
				}
			}
		}
	})
	for ord, concepts := range found {
		e := &ix.entries[ord]
		for _, c := range concepts {
			ix.concepts[c] = append(ix.concepts[c], int32(ord))
			for _, t := range ix.vocab.concepts[c].situation.Topics {
				if !containsString(e.specialised, t) {
					e.specialised = append(e.specialised, t)
				}
			}
		}
	}
}

// memberCandidates are the phrases of situation concepts that may make a
// text of lang with the terms have specialised in them: those without stop
// words whose first word is among the terms, in the vocabulary's order.
func (v *vocabulary) memberCandidates(lang string, have []string) []int32 {
	var out []int32
	for _, t := range have {
		out = append(out, v.memberPhrases[textKey{lang, t}]...)
	}
	slices.Sort(out)
	return out
}

// newMemberPhrases indexes the phrases of situation concepts without stop
// words by language and the term of their first word (memberCandidates).
func (v *vocabulary) newMemberPhrases() {
	v.memberPhrases = map[textKey][]int32{}
	for pi, p := range v.phrases {
		if v.concepts[p.concept].situation != nil && p.full {
			k := textKey{p.lang, p.words[0][0]}
			v.memberPhrases[k] = append(v.memberPhrases[k], int32(pi))
		}
	}
}

// containsPhrase reports whether a text's terms hold every word of a phrase.
func containsPhrase(have []string, p phrase) bool {
	for _, ts := range p.words {
		if !containsString(have, ts[0]) {
			return false
		}
	}
	return true
}

// concernsService reports whether a service lists one of the topics or
// groups of a situation concept.
func (ix *Index) concernsService(ci int, s *Service) bool {
	sit := ix.vocab.concepts[ci].situation
	return anyIn(s.Topics, sit.Topics) || anyIn(s.Groups, sit.Groups)
}
