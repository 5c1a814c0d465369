package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/el"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fa"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hi"
	"github.com/blevesearch/bleve/v2/analysis/lang/hr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hu"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// otherAnalyzer analyses a language beyond the ten that the situations
// vocabulary (data/situations.toml) has words in: French, Spanish, Vietnamese,
// Tigrinya… No record text is in these languages, so they are matched only
// against the vocabulary, and their analyzer only has to treat a phrase and
// a query alike. Languages bleve knows are stemmed by its filters; every
// analyzer folds accents last, because people type "reconnaissance diplome"
// and "tim viec lam" on phones.
func otherAnalyzer(lang string) analysis.Analyzer {
	_, filters := otherFilters(lang)
	return filtersAnalyzer(filters)
}

// filtersAnalyzer is the analyzer of languages beyond the ten with filters.
func filtersAnalyzer(filters []analysis.TokenFilter) analysis.Analyzer {
	return &analysis.DefaultAnalyzer{CharFilters: []analysis.CharFilter{zwnjFilter{}},
		Tokenizer: wordTokenizer, TokenFilters: filters}
}

// otherFilters returns a language's token filters (otherAnalyzer) and the
// name of the pipeline they make: the language's own, or the name of the
// languages that share them (Serbian, Croatian and Bosnian; the languages
// only normalised). Languages of one pipeline share one analyzer
// (vocabulary.analyzer), so a query word is analysed once for them all.
func otherFilters(lang string) (pipeline string, filters []analysis.TokenFilter) {
	cache := registry.NewCache()
	filter := func(name string) analysis.TokenFilter {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			panic("bleve token filter " + name + " is compiled in: " + err.Error())
		}
		return f
	}
	lower, fold := lowercase.NewLowerCaseFilter(), foldFilter{asciifolding.New()}
	pipeline = lang
	switch lang {
	case "fr":
		filters = []analysis.TokenFilter{lower, filter(fr.ElisionName), filter(fr.StopName), filter(fr.LightStemmerName), fold}
	case "it":
		filters = []analysis.TokenFilter{lower, filter(it.ElisionName), filter(it.StopName), filter(it.LightStemmerName), fold}
	case "es":
		filters = []analysis.TokenFilter{lower, filter(es.StopName), filter(es.LightStemmerName), fold}
	case "pt":
		filters = []analysis.TokenFilter{lower, filter(pt.StopName), filter(pt.LightStemmerName), fold}
	case "hu":
		filters = []analysis.TokenFilter{lower, filter(hu.StopName), filter(hu.SnowballStemmerName), fold}
	case "sr", "hr", "bs":
		// Serbian, Croatian and Bosnian in Latin letters: one stemmer
		pipeline = "sr/hr/bs"
		filters = []analysis.TokenFilter{lower, filter(hr.StopName), filter(hr.SuffixTransformationFilterName), croatianStemmer{}, fold}
	case "hi":
		filters = []analysis.TokenFilter{lower, filter(hi.NormalizeName), filter(hi.StopName), filter(hi.StemmerName)}
	case "ka":
		filters = []analysis.TokenFilter{lower, otherStopFilter(lang), georgianStemmer}
	case "el":
		filters = []analysis.TokenFilter{greekFoldFilter{}, filter(el.StopName), greekStemmer}
	case "tl", "ha":
		filters = []analysis.TokenFilter{lower, fold, otherStopFilter(lang)}
	case "ne":
		// Nepali in Devanagari and in Latin letters (its neighbour Hindi's
		// stemmer would cut its endings wrongly)
		filters = []analysis.TokenFilter{lower, fold, otherStopFilter(lang)}
	default:
		// Arabic-script languages (Pashto, Urdu, Sorani) share the Arabic and
		// Persian letter normalisation; it leaves other scripts alone.
		pipeline = "normalised"
		filters = []analysis.TokenFilter{lower, fold, filter(ar.NormalizeName), filter(fa.NormalizeName)}
	}
	return pipeline, filters
}
