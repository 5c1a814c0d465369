package index

import (
	"sort"

	"github.com/blevesearch/bleve/v2/analysis"
)

// lightStemmer removes the commonest inflectional ending of a word, for
// the languages bleve has no stemmer for: Ukrainian "роботу", "робота",
// "роботи" all become "робот", Bulgarian "работата" and "работа"
// "работ". It takes off the longest listed ending that leaves at least
// minStemRunes letters, once: a light stemmer conflates the forms people
// type without merging different words often.
type lightStemmer struct {
	endings [][]rune // longest first
}

const minStemRunes = 3

func newLightStemmer(endings ...string) lightStemmer {
	s := lightStemmer{}
	for _, e := range endings {
		s.endings = append(s.endings, []rune(e))
	}
	sort.SliceStable(s.endings, func(i, j int) bool { return len(s.endings[i]) > len(s.endings[j]) })
	return s
}

func (s lightStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		r := []rune(string(tok.Term))
		for _, e := range s.endings {
			if len(r)-len(e) >= minStemRunes && string(r[len(r)-len(e):]) == string(e) {
				tok.Term = []byte(string(r[:len(r)-len(e)]))
				break
			}
		}
	}
	return input
}

// Endings of Ukrainian nouns, adjectives and verbs.
var ukrainianStemmer = newLightStemmer(
	"ами", "ями", "ові", "еві", "ого", "ому", "ими", "іми", "ють", "ають", "ують", "ити", "ати", "яти", "іти",
	"ах", "ях", "ам", "ям", "ом", "ем", "ою", "ею", "ів", "їв", "ей", "ий", "ій", "ої", "их", "іх", "им", "ім",
	"ую", "юю", "ти", "ть", "ла", "ли", "ло",
	"а", "я", "о", "е", "у", "ю", "і", "и", "ї", "ь", "в",
)

// Endings of Bulgarian nouns (with their articles), adjectives and verbs.
var bulgarianStemmer = newLightStemmer(
	"ите", "ата", "ото", "ята", "ия", "ът", "ят", "та", "то", "те", "ни", "на", "но", "ен", "ия",
	// verbs in the present: "търсим" (we look for) as "търся", "плащат"
	// (they pay) as "плаща", "работиш" (you work) as "работя"
	"ете", "ите", "ате", "ем", "им", "ме", "ам", "еш", "иш", "ат",
	"а", "я", "о", "е", "и", "у", "ю",
)

// Endings of Georgian nouns: the cases (-ი, -მა, -ს, -ის, -ით, -ად) and
// the postpositions written onto them (-ში in, -ზე on, -თან at, -დან from,
// -ისთვის for; -თვის alone is left, as "ნებართვის" ends so), with the
// plural -ებ- before them. "ნებართვა" (permit) and
// "ნებართვის" (of the permit), "ხელფასი" and "ხელფასს" (salary) each
// become one stem.
var georgianStemmer = newLightStemmer(
	"ებისთვის", "ისთვის", "ებიდან", "ებთან", "ებში", "ებზე", "ებით", "ებმა", "ების", "ებს", "ები",
	"იდან", "ისას", "დან", "თან", "ში", "ზე", "ით", "ის", "ად", "მა", "ს",
	"ი", "ა", "ო", "ე", "უ",
)
