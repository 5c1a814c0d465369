package index

import (
	// bleve registers each language analyzer (named by its ISO code) on import.
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fa"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"

	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/bg"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/pl"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
	"github.com/blevesearch/bleve/v2/analysis/token/apostrophe"
	"github.com/blevesearch/bleve/v2/analysis/token/compound"
	"github.com/blevesearch/bleve/v2/analysis/token/edgengram"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Custom analyzers; every other language uses bleve's own analyzer of the
// same name as its code. See docs/decisions/analyzers.md.
const (
	analyzerDE      = "de_compound" // bleve's German chain plus dictionary decompounding
	analyzerUK      = "uk_plain"    // bleve has no Ukrainian analyzer
	analyzerBG      = "bg_plain"    // bleve has Bulgarian stop words but no analyzer
	analyzerPL      = "pl_folded"   // bleve's Polish stemmer (stempel) turns "wiza" into "ć"
	analyzerRO      = "ro_folded"   // bleve's Romanian chain on text without diacritics
	analyzerTR      = "tr_folded"   // bleve's Turkish chain on text without diacritics
	analyzerPlain   = "plain"       // names and abbreviations: lowercase, accents folded
	analyzerSuggest = "suggest"     // edge n-grams for search as you type
	fieldSuggest    = "suggest"
	germanDict      = "de_dictionary"
)

// analyzerFor names the analyzer of a language's text fields.
func analyzerFor(lang string) string {
	switch lang {
	case "de":
		return analyzerDE
	case "uk":
		return analyzerUK
	case "bg":
		return analyzerBG
	case "pl":
		return analyzerPL
	case "ro":
		return analyzerRO
	case "tr":
		return analyzerTR
	}
	return lang
}

// Per-language text fields of a service document, and their query boosts.
// Names weigh most, then the words people use for a topic, then prose.
var textFields = []struct {
	prefix string
	boost  float64
}{
	{"name", 6}, {"org", 4}, {"skw", 3.5}, {"kw", 2.5}, {"desc", 1}, {"odesc", 0.4},
}

// Keyword fields for filters (facets are counted in Go, see search.go).
const (
	fieldTopic      = "topic"
	fieldGroup      = "group"
	fieldLanguage   = "language"
	fieldArea       = "area"    // areas served, with the areas they include
	fieldLocated    = "located" // areas of the service's locations
	fieldCost       = "cost"
	fieldWheelchair = "wheelchair"
	fieldNameSort   = "name_sort"
	fieldAlt        = "alt"
	fieldTypo       = "typo" // names and service keywords of every language, for fuzzy matching
)

// newMapping builds the whole index mapping. germanWords is the dictionary
// for German decompounding: words of the data itself, so that
// "Aufenthaltserlaubnis" also yields "aufenthalt" and "erlaubnis".
func newMapping(germanWords []string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = analyzerPlain
	if err := addAnalyzers(m, germanWords); err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for _, lang := range Languages {
		for _, f := range textFields {
			// Only descriptions are highlighted; storing the other fields
			// would triple the time to build the index.
			doc.AddFieldMappingsAt(f.prefix+"_"+lang, textField(analyzerFor(lang), f.prefix == "desc"))
		}
	}
	doc.AddFieldMappingsAt(fieldAlt, textField(analyzerPlain, false))
	doc.AddFieldMappingsAt(fieldTypo, textField(analyzerPlain, false))
	suggest := bleve.NewTextFieldMapping()
	suggest.Analyzer = analyzerSuggest
	suggest.Store = false
	suggest.IncludeTermVectors = false
	doc.AddFieldMappingsAt(fieldSuggest, suggest)
	for _, f := range []string{fieldTopic, fieldGroup, fieldLanguage, fieldArea, fieldLocated, fieldCost, fieldWheelchair, fieldNameSort} {
		kw := bleve.NewKeywordFieldMapping()
		kw.Store = false
		kw.IncludeTermVectors = false
		kw.DocValues = f == fieldNameSort // only sorted on; facets are counted in Go
		doc.AddFieldMappingsAt(f, kw)
	}
	m.DefaultMapping = doc
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, m.Validate()
}

func textField(analyzer string, highlight bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = highlight              // highlighting needs the text
	f.IncludeTermVectors = highlight // and the term positions
	f.DocValues = false
	return f
}

func addAnalyzers(m *mapping.IndexMappingImpl, germanWords []string) error {
	words := make([]any, len(germanWords))
	for i, w := range germanWords {
		words[i] = w
	}
	steps := []struct {
		name string
		add  func() error
	}{
		{germanDict, func() error {
			return m.AddCustomTokenMap(germanDict, map[string]any{"type": tokenmap.Name, "tokens": words})
		}},
		{"de_decompound", func() error {
			return m.AddCustomTokenFilter("de_decompound", map[string]any{
				"type": compound.Name, "dict_token_map": germanDict,
				"min_word_size": 8.0, "min_subword_size": 3.0, "max_subword_size": 20.0,
			})
		}},
		{"edge", func() error {
			return m.AddCustomTokenFilter("edge", map[string]any{"type": edgengram.Name, "back": false, "min": 2.0, "max": 20.0})
		}},
		{analyzerDE, func() error {
			return m.AddCustomAnalyzer(analyzerDE, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"token_filters": []any{lowercase.Name, de.NormalizeName, "de_decompound", de.StopName, de.LightStemmerName}})
		}},
		{analyzerUK, func() error {
			return m.AddCustomAnalyzer(analyzerUK, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"token_filters": []any{lowercase.Name}})
		}},
		{analyzerBG, func() error {
			return m.AddCustomAnalyzer(analyzerBG, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"token_filters": []any{lowercase.Name, bg.StopName}})
		}},
		// People type Polish, Romanian and Turkish on phones without
		// diacritics ("nie zaplacili", "fara contract", "is ariyorum"), so
		// both the records and the queries are folded to ASCII first.
		{analyzerPL, func() error {
			return m.AddCustomAnalyzer(analyzerPL, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"char_filters": []any{asciifolding.Name}, "token_filters": []any{lowercase.Name, pl.StopName}})
		}},
		{analyzerRO, func() error {
			return m.AddCustomAnalyzer(analyzerRO, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"char_filters": []any{asciifolding.Name}, "token_filters": []any{lowercase.Name, ro.StopName, ro.SnowballStemmerName}})
		}},
		{analyzerTR, func() error {
			return m.AddCustomAnalyzer(analyzerTR, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"char_filters": []any{asciifolding.Name}, "token_filters": []any{apostrophe.Name, lowercase.Name, tr.StopName, tr.SnowballStemmerName}})
		}},
		{analyzerPlain, func() error {
			return m.AddCustomAnalyzer(analyzerPlain, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"char_filters": []any{asciifolding.Name}, "token_filters": []any{lowercase.Name, de.NormalizeName}})
		}},
		{analyzerSuggest, func() error {
			return m.AddCustomAnalyzer(analyzerSuggest, map[string]any{"type": custom.Name, "tokenizer": unicode.Name,
				"char_filters": []any{asciifolding.Name}, "token_filters": []any{lowercase.Name, de.NormalizeName, "edge"}})
		}},
	}
	for _, s := range steps {
		if err := s.add(); err != nil {
			return fmt.Errorf("analysis %s: %w", s.name, err)
		}
	}
	return nil
}
