package index

// Where the asker comes from (groups.toml `origins`). The query's language
// suggests who asks (Polish: a worker from the EU), but many write in a
// language of neither group: a Guinean in French, a Venezuelan in Spanish,
// a Serbian in Serbian, an Indian in Hindi typed in Latin letters. A
// worker who names their country ("je suis guinéen", "iz Srbije sam")
// says it more surely than the language does, and the counselling for
// their people (Faire Integration, for workers from outside the EU; Arbeit
// und Leben, for those from the EU) should come first.

func newOriginForms(groups []Group) countryForms {
	out := countryForms{}
	for gi, g := range groups {
		out.add(gi, g.Origins)
	}
	return out
}

// originAudience returns the group of the first word of a query naming a
// country of origin, "" for none. An employer naming a country hires from
// there (understand_origin.go) and says nothing of who asks.
func (ix *Index) originAudience(folded []string, in intents) string {
	if in[intentEmployer] != nil {
		return ""
	}
	for _, w := range folded {
		if gs := ix.vocab.origins.named(w); len(gs) == 1 {
			return ix.dir.Groups[gs[0]].ID
		}
	}
	return ""
}

// origins checks a group's origins, as situations' countries.
func (f file) origins(key string, g Group) {
	f.words(key, g.Origins)
	f.checkCountries(key, "target group "+g.ID+": origin", g.Origins)
}
