package index

import (
	"fmt"
	"io/fs"
	"strings"
)

// Situation is an entry of data/situations.toml: the everyday words people
// use for a need ("Chef zahlt nicht", "they keep my passport", "je cherche du
// travail"), in any language, and what the need is: the topics and target
// groups it belongs to and, for a profession, the bodies that recognise it.
// Its phrases join the vocabulary of those topics and groups at query time
// (vocab.go); a language without its own words is still found through them.
type Situation struct {
	ID     string   `toml:"id"`
	Topics []string `toml:"topics"`
	Groups []string `toml:"groups"`
	// Organizations are the bodies responsible for the situation (the
	// chamber that recognises its professions): their services with one of
	// the topics rank first when it matches.
	Organizations []string `toml:"organizations"`
	// Intent says who asks: "sensitive" (someone at risk: no papers,
	// exploitation, discrimination, a child alone), whom an authority must
	// not be offered first; "employer" (a company hiring), whom the
	// counselling of workers does not serve; "profession" (someone naming
	// the profession they learnt), whose question is mostly whether it is
	// recognised here; "counselling" (someone asking for advice, in
	// whatever words: "Beratung", "консультация", "مشاوره"), whom counselling
	// serves before an authority. Empty for anyone else.
	Intent  string `toml:"intent"`
	Phrases Words  `toml:"phrases"`
	// Countries say the situation without its words: a query with the
	// situation's intent that names one of them ("Pflegekräfte von den
	// Philippinen einstellen") is about it (understand_origin.go).
	Countries Words `toml:"countries"`
}

// Intents of a situation.
const (
	intentSensitive   = "sensitive"
	intentEmployer    = "employer"
	intentProfession  = "profession"
	intentCounselling = "counselling"
)

const situationsFile = "situations.toml"

// situationsDoc is the content of data/situations.toml: the situations
// and the filler words, per language, that people add to a query but that
// say nothing about which service is right ("help", "please", "need",
// "допомога", "بدي"). Filler words are left out of queries like the
// generic words found in the records themselves (generic.go), for the
// languages that have too few records to find them in.
type situationsDoc struct {
	Situation []Situation
	Filler    Words
}

// loadSituations reads data/situations.toml, which is optional: without it
// the vocabulary is the topics' and groups' keywords alone.
func loadSituations(fsys fs.FS) (situationsDoc, *keyPositions, []Problem) {
	var doc situationsDoc
	if _, err := fs.Stat(fsys, situationsFile); err != nil {
		return doc, nil, nil
	}
	kp, problems := decodeFile(fsys, situationsFile, &doc, maxVocabFileBytes)
	return doc, kp, problems
}

// situations checks data/situations.toml; it runs after the organizations
// are loaded, since a situation may name the bodies responsible for it.
func (v *validator) situations(kp *keyPositions) {
	if kp == nil {
		return
	}
	f := file{v, situationsFile, kp}
	orgs := map[string]bool{}
	for _, o := range v.dir.Organizations {
		orgs[o.ID] = true
	}
	seen := map[string]bool{}
	for i, s := range v.dir.Situations {
		key := fmt.Sprintf("situation.%d", i)
		f.id(key+".id", s.ID, "situation", seen)
		if len(s.Topics)+len(s.Groups) == 0 && s.Intent == "" {
			f.errorf(key+".topics", "situation %s: name at least one topic or target group (or an intent)", s.ID)
		}
		if v.loaded[topicsFile] {
			f.situationRefs(key+".topics", s.ID, "topic", s.Topics, v.topics)
		}
		if v.loaded[groupsFile] {
			f.situationRefs(key+".groups", s.ID, "target group", s.Groups, v.groups)
		}
		f.situationRefs(key+".organizations", s.ID, "organization", s.Organizations, orgs)
		if s.Intent != "" && s.Intent != intentSensitive && s.Intent != intentEmployer && s.Intent != intentProfession && s.Intent != intentCounselling {
			f.errorf(key+".intent", "situation %s: intent %q is not one of sensitive, employer, profession, counselling", s.ID, s.Intent)
		}
		f.words(key+".phrases", s.Phrases)
		f.words(key+".countries", s.Countries)
		if len(s.Countries) > 0 && s.Intent == "" {
			f.errorf(key+".countries", "situation %s: countries need an intent (they say the situation only for a query with it)", s.ID)
		}
		f.checkCountries(key+".countries", "situation "+s.ID+": country", s.Countries)
		f.phrases(key+".phrases", s)
	}
	f.words("filler", v.dir.Fillers)
	for lang, list := range v.dir.Fillers {
		for _, w := range list {
			if len(foldedWords(w)) != 1 || negatesAnywhere(w) {
				f.errorf("filler."+lang, "filler %q (%s) must be one word and no negation", w, lang)
			}
		}
	}
}

func (f file) situationRefs(key, owner, what string, ids []string, known map[string]bool) {
	for _, id := range ids {
		if !known[id] {
			f.errorf(key, "situation %s: unknown %s %q", owner, what, id)
		}
	}
}

// phrases rejects empty and repeated phrases: a repeated one is a copy
// mistake, and would count twice.
func (f file) phrases(key string, s Situation) {
	if len(s.Phrases) == 0 {
		f.errorf(key, "situation %s: phrases are required", s.ID)
	}
	for lang, list := range s.Phrases {
		seen := map[string]bool{}
		for _, p := range list {
			norm := strings.ToLower(strings.TrimSpace(p))
			switch {
			case norm == "":
				f.errorf(key+"."+lang, "situation %s: empty phrase in %s", s.ID, lang)
			case seen[norm]:
				f.errorf(key+"."+lang, "situation %s: phrase %q appears twice in %s", s.ID, p, lang)
			}
			seen[norm] = true
		}
	}
}
