package index

import (
	"slices"
	"unicode/utf8"
)

// Countries named for a situation (situations.toml `countries`): an
// employer who wants "welders from Serbia" or "nurses from the
// Philippines" hires from abroad as much as one who says "from abroad", but
// names no word of the situation's phrases; the employer intent alone then
// ranks every service for employers alike, the agency's job placement
// before the Welcome Center's counselling on hiring from abroad.

// minCountryRunes is the shortest country form: shorter ones ("usa",
// "irq") are parts of other words too often. Forms of this length or longer
// that are other words in some language ("mali", Polish "small"; "oman")
// are left out of situations.toml, not refused here.
const minCountryRunes = 4

// countryEnding is the most letters a case ending or a nationality adds to
// a country's form: "ukrain" finds "ukrainy", "україн" "україни".
const countryEnding = 3

// checkCountries checks forms of countries (what names a form in messages):
// one word each, of at least minCountryRunes letters, not to be another
// word's start.
func (f file) checkCountries(key, what string, forms Words) {
	for lang, list := range forms {
		for _, c := range list {
			if len(foldedWords(c)) != 1 || utf8.RuneCountInString(foldText(c)) < minCountryRunes {
				f.errorf(key+"."+lang, "%s %q (%s) must be one word of at least %d letters", what, c, lang, minCountryRunes)
			}
		}
	}
}

// countryForms maps each folded country form to the situations naming it.
type countryForms map[string][]int

func newCountryForms(situations []Situation) countryForms {
	out := countryForms{}
	for si, s := range situations {
		out.add(si, s.Countries)
	}
	return out
}

// add maps the folded forms of every language's list to the number i (a
// situation's, or a group's: understand_origin_people.go).
func (c countryForms) add(i int, forms Words) {
	for _, list := range forms {
		for _, form := range list {
			f := foldText(form)
			if !slices.Contains(c[f], i) {
				c[f] = append(c[f], i)
			}
		}
	}
}

// named returns the situations whose countries a folded word names, with
// up to countryEnding letters after the form.
func (c countryForms) named(w string) []int {
	if len(c) == 0 {
		return nil
	}
	n := utf8.RuneCountInString(w)
	end := len(w)
	for cut := 0; cut <= countryEnding && n-cut >= minCountryRunes; cut++ {
		if sis, ok := c[w[:end]]; ok {
			return sis
		}
		_, size := utf8.DecodeLastRuneInString(w[:end])
		end -= size
	}
	return nil
}

// noteCountries adds to a query's intents the topics of the situations
// whose countries it names, for the intents it already has: a country
// alone says nothing about who asks.
func (found intents) noteCountries(v *vocabulary, folded []string) {
	for _, w := range folded {
		for _, si := range v.countries.named(w) {
			s := &v.situations[si]
			it := found[s.Intent]
			if it == nil {
				continue
			}
			for _, t := range s.Topics {
				if !containsString(it.from, t) {
					it.from = append(it.from, t)
					it.country = w
				}
			}
		}
	}
}
