package index

import "strings"

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
func (ix *Index) addSituationMembers() {
	byLang := map[string][]int32{} // language -> phrases of situation concepts
	for pi, p := range ix.vocab.phrases {
		if ix.vocab.concepts[p.concept].situation != nil && p.full {
			byLang[p.lang] = append(byLang[p.lang], int32(pi))
		}
	}
	for ord := range ix.entries {
		s := ix.entries[ord].ref.Service
		member := map[int]bool{}
		for _, lang := range Languages {
			text := strings.TrimSpace(s.Name[lang] + " ; " + strings.Join(s.Keywords[lang], " ; "))
			if text == ";" || len(byLang[lang]) == 0 {
				continue
			}
			have := map[string]bool{}
			for _, t := range terms(ix.an.lang[lang], text) {
				have[t] = true
			}
			for _, pi := range byLang[lang] {
				p := ix.vocab.phrases[pi]
				if !member[p.concept] && containsPhrase(have, p) && ix.concernsService(p.concept, s) {
					member[p.concept] = true
					ix.concepts[p.concept] = append(ix.concepts[p.concept], int32(ord))
					e := &ix.entries[ord]
					for _, t := range ix.vocab.concepts[p.concept].situation.Topics {
						if !containsString(e.specialised, t) {
							e.specialised = append(e.specialised, t)
						}
					}
				}
			}
		}
	}
}

// containsPhrase reports whether a text's terms hold every word of a phrase.
func containsPhrase(have map[string]bool, p phrase) bool {
	for _, ts := range p.words {
		if !have[ts[0]] {
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
