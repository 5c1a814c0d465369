package index

import "strings"

// intents are who seems to ask, from the situations a query describes
// (data/situations.toml): someone at risk, or an employer. Each changes
// which services come first (see intentWeight).
type intents map[string]*intent

// intent is one intent found, with the target groups and topics of its
// situations and the phrase that showed it, for explanations.
type intent struct {
	groups []string
	topics []string
	via    string
	// from: the topics of situations a country named says (an employer
	// hiring "from Serbia": hiring from abroad), and that word
	// (understand_origin.go)
	from    []string
	country string
}

// note records the intent of a situation phrase the query contains, word
// for word (whole words, not parts of compounds): the whole phrase, or at
// least two of its words and two thirds of them. One word of "Fachkräfte
// aus dem Ausland einstellen" ("Ausland") says nothing about who asks. A
// phrase that is one word once the analyzer leaves out its stop words needs
// those said too (said: the query's folded words): "our company" asks as an
// employer, "company" may be a worker's; "işe almak" (to hire) is not
// "almak" (to take), "came on his own" not "came".
//
// A negation is the point of the phrases that have one: unsaid, the rest
// is another question ("permis de ședere" asks how to get a residence
// permit, "nu am permis de ședere" is someone without one). Said, it is no
// word of the two a part needs: "ما معي مصاري" (I have no money) is not "ما
// معي اقامة" (I have no residence).
//
// A word matched through its stem by another word of the language
// (differentWord) is no whole match here. A word read from another script
// is one in the query's own language: "ma 3andi awra2" says "ما عندي
// اوراق" (I have no papers) as surely as in Arabic letters, where another
// language's phrase sharing a sound key would say nothing.
func (found intents) note(v *vocabulary, pi int32, p phrase, h phraseHit, whole int, words []queryWord, qp *queryPrivatives, said map[string]bool, detected string) {
	if p.situation < 0 {
		return
	}
	s := &v.situations[p.situation]
	if s.Intent == "" {
		return
	}
	if p.lang == detected {
		for j, qi := range h.queryWord {
			if qi >= 0 && h.how[j] == matchTranslit {
				whole++
			}
		}
	}
	var other uint32 // phrase words matched by another word
	if iw := v.intentSurface[pi]; len(iw.surface) == len(p.words) {
		for j, qi := range h.queryWord {
			negation := len(p.words[j]) == 1 && p.words[j][0] == negTerm // "ohne" is "kein" here
			// differentWord(p.lang, words[qi].text, iw.surface[j]), of
			// the words' privatives found once
			if qi >= 0 && h.how[j] == matchWhole && !negation && qp.has(p.lang, words, qi) != iw.privativeAt(p.lang, j) {
				whole--
				other |= 1 << j
			}
		}
	}
	content := whole
	for j, w := range p.words {
		if len(w) != 1 || w[0] != negTerm {
			continue
		}
		if h.queryWord[j] < 0 || h.how[j] != matchWhole || other&(1<<j) != 0 {
			return
		}
		content--
	}
	if whole < len(p.words) && (content < 2 || 3*whole < 2*len(p.words)) {
		return
	}
	for _, w := range p.dropped {
		if len(p.words) == 1 && !said[w] {
			return
		}
	}
	it := found[s.Intent]
	if it == nil {
		it = &intent{via: p.text}
		found[s.Intent] = it
	}
	for _, g := range s.Groups {
		if !containsString(it.groups, g) {
			it.groups = append(it.groups, g)
		}
	}
	for _, t := range s.Topics {
		if !containsString(it.topics, t) {
			it.topics = append(it.topics, t)
		}
	}
}

// Weights of intents in the ranking; docs/decisions/query-understanding.md.
const (
	// Someone at risk (no papers, exploited, discriminated, a child alone)
	// is offered specialised counselling before any authority.
	sensitiveAuthorityWeight = 0.5
	// An employer's question is for the services for employers, not for
	// the counselling of workers.
	employerOtherWeight = 0.4
	// …and one that lists employers after its main group (the agency's
	// job search, for workers, names employers seventh of seven) after
	// the services that are for employers first of all.
	employerSecondaryWeight = 0.6
	// An employer naming the country they hire from: the services whose
	// main topic is hiring from abroad (situations.toml `countries`).
	countryWeight = 1.5
	// A query that names an employer but does not ask as one ("Arbeitgeber
	// zahlt nicht", "od pracodawcy"): a worker speaking of theirs. The
	// services only for employers come after.
	notEmployerWeight = 0.5
	// A service for the group the query's language suggests (a worker
	// from the EU, for a query in Polish).
	audienceWeight = 1.1
	// A service only for groups the asker's group excludes, by the query's
	// language (Faire Integration, for workers from outside the EU, asked
	// in Romanian): it may still help, after the others.
	audienceOtherWeight = 0.7
	// Someone naming their profession ("war Apothekerin in Syrien, kann
	// ich hier arbeiten"): the services for recognition come first.
	professionWeight = 1.5
	// Someone asking for advice ("Beratung", "консультация"): counselling
	// before authorities, which decide rather than advise.
	counsellingAuthorityWeight = 0.6
	// A sensitive situation about certain people (a child alone): the
	// services not for them.
	otherPeopleWeight = 0.6
)

// intentWeight weighs a service by the intents of a query. What it reads
// of a service must be in its intent class (intent_class.go).
func intentWeight(e *entry, in intents) float64 {
	w := 1.0
	if in[intentSensitive] != nil && (e.ref.Org.Kind == "authority" || onlyFor(e, "employers")) {
		w *= sensitiveAuthorityWeight // nor a service for employers
	}
	if it := in[intentEmployer]; it != nil && len(it.groups) > 0 {
		switch g := e.ref.Service.Groups; {
		case !anyIn(g, it.groups):
			w *= employerOtherWeight
		case !containsString(it.groups, g[0]):
			w *= employerSecondaryWeight
		}
	}
	if it := in[intentEmployer]; it != nil && containsString(it.from, e.ref.Service.Topics[0]) {
		w *= countryWeight // hiring from the country named: the services about hiring from abroad
	}
	if in[intentEmployer] == nil && onlyFor(e, "employers") {
		w *= notEmployerWeight // "employer" named by a worker: their employer
	}
	if it := in[intentProfession]; it != nil && in[intentEmployer] == nil &&
		(containsString(it.topics, e.ref.Service.Topics[0]) || anyIn(e.specialised, it.topics)) {
		// the asker's own profession (an employer names the one they
		// hire), for a service whose main topic or own name is recognition
		w *= professionWeight
	}
	if it := in[intentSensitive]; it != nil && len(it.groups) > 0 && !anyIn(e.ref.Service.Groups, it.groups) {
		w *= otherPeopleWeight // a child alone: the services for young people
	}
	if in[intentCounselling] != nil && in[intentSensitive] == nil && e.ref.Org.Kind == "authority" {
		w *= counsellingAuthorityWeight
	}
	return w
}

// askedWords are the words of intent-only situations (no topics, no
// groups: "Beratung", "advice"), folded, which may be generic words taken
// out of the query before it is matched; so they are looked for in its
// whole text.
func askedWords(situations []Situation) map[string]string {
	out := map[string]string{}
	for _, s := range situations {
		if len(s.Topics)+len(s.Groups) > 0 || s.Intent == "" {
			continue
		}
		for _, list := range s.Phrases {
			for _, p := range list {
				if f := foldedWords(p); len(f) == 1 {
					out[f[0]] = s.Intent
				}
			}
		}
	}
	return out
}

// noteAsked records the intents of the words of intent-only situations in
// a query's text.
func (found intents) noteAsked(asked map[string]string, text string) {
	found.noteAskedWords(asked, foldedWords(text))
}

// noteAskedWords is noteAsked of a text's folded words.
func (found intents) noteAskedWords(asked map[string]string, folded []string) {
	for _, w := range folded {
		if name, ok := asked[w]; ok && found[name] == nil {
			found[name] = &intent{via: w}
		}
	}
}

// String lists the intents for explanations.
func (in intents) String() string {
	var parts []string
	for _, name := range []string{intentSensitive, intentEmployer, intentProfession, intentCounselling} {
		if it := in[name]; it != nil {
			parts = append(parts, name+" via "+`"`+it.via+`"`)
			if it.country != "" {
				parts = append(parts, "from abroad via "+`"`+it.country+`"`)
			}
		}
	}
	return strings.Join(parts, ", ")
}

// audience is the target groups that a query's language suggests: groups
// whose `languages` (data/groups.toml) include it.
func (ix *Index) audience(lang string) []string {
	var out []string
	for _, g := range ix.dir.Groups {
		if lang != "" && containsString(g.Languages, lang) {
			out = append(out, g.ID)
		}
	}
	return out
}

// audienceFit weighs a service by whether it is for the groups a query's
// language suggests (audienceOwn), or first of all for a group those
// exclude (audienceExcluded: a service for third-country nationals, asked
// in Polish). A service lists its main group first, as its main topic.
func audienceFit(groups []uint16, audience []uint8) float64 {
	for _, g := range groups {
		if audience[g] == audienceOwn {
			return audienceWeight
		}
	}
	if firstExcluded(groups, audience) {
		return audienceOtherWeight
	}
	return 1
}

// firstExcluded reports whether a service is first of all (its first
// group) for people the query's audience excludes.
func firstExcluded(groups []uint16, audience []uint8) bool {
	return len(groups) > 0 && audience[groups[0]] == audienceExcluded
}

// The marks of audienceGroups, by group number.
const (
	audienceOwn      uint8 = 1 // a group of the query's audience
	audienceExcluded uint8 = 2 // a group the audience's groups exclude
)

// audienceGroups marks the group numbers (facetValues) of a query's
// audience and those its groups exclude, nil when it has none: checked
// for every match of the query.
func (ix *Index) audienceGroups(audience []string) []uint8 {
	if len(audience) == 0 {
		return nil
	}
	want := make([]uint8, len(ix.facets.ids[dimGroup]))
	for _, g := range ix.dir.Groups {
		if containsString(audience, g.ID) {
			for _, x := range g.Excludes {
				if o, ok := ix.facets.index[dimGroup][x]; ok {
					want[o] = audienceExcluded
				}
			}
		}
	}
	for _, g := range audience {
		if o, ok := ix.facets.index[dimGroup][g]; ok {
			want[o] = audienceOwn
		}
	}
	return want
}

// onlyFor reports whether a service is for one target group alone (read
// from the entry, not through its record: a broad search asks every match).
func onlyFor(e *entry, group string) bool { return e.onlyGroup == group && group != "" }
