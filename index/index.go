// Package index owns Wegweiser's records: loading and validating the TOML
// files, building the bleve index over them and answering searches.
package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Index is an immutable, searchable view of one Directory. A new data set
// means a new Index; callers swap the pointer.
type Index struct {
	dir      *Directory
	bleve    bleve.Index
	services map[string]ServiceRef // by document id "org/service"
	orgs     map[string]*Organization
	topics   map[string]*Topic
	groups   map[string]*Group
	areas    map[string]*Area
	within   map[string][]string        // area id -> the area and every area it includes
	vocab    map[string]map[string]bool // language -> words of its topic keywords
	spelling *speller
	places   *placeNames
	generic  genericWords
	hours    map[string]Hours // by "<organization>/<location>", parsed once
	docCount int
}

// ServiceRef is a service with its organization.
type ServiceRef struct {
	Org     *Organization
	Service *Service
}

// DocID is the document id of a service: "<organization>/<service>".
func (r ServiceRef) DocID() string { return r.Org.ID + "/" + r.Service.ID }

// New builds the index of a valid directory in memory, in one batch.
func New(ctx context.Context, d *Directory) (*Index, error) {
	ix := &Index{dir: d, services: map[string]ServiceRef{}, orgs: map[string]*Organization{},
		topics: map[string]*Topic{}, groups: map[string]*Group{}, areas: map[string]*Area{}}
	for i := range d.Topics {
		ix.topics[d.Topics[i].ID] = &d.Topics[i]
	}
	for i := range d.Groups {
		ix.groups[d.Groups[i].ID] = &d.Groups[i]
	}
	for i := range d.Areas {
		ix.areas[d.Areas[i].ID] = &d.Areas[i]
	}
	ix.within = containingAreas(d.Areas)
	ix.vocab = keywordVocabulary(d.Topics)
	ix.spelling = newSpeller(d)
	ix.places = newPlaceNames(d.Areas)
	ix.generic = newGenericWords(d)
	m, err := newMapping(germanDictionary(d))
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	// scorch with an empty path stays in memory (bleve.NewMemOnly would build
	// the deprecated upside_down index, many times slower).
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	batch := b.NewBatch()
	ix.hours = map[string]Hours{}
	for _, org := range d.Organizations {
		ix.orgs[org.ID] = org
		for _, l := range org.Locations {
			if h, err := ParseHours(l.OpeningHours); err == nil {
				ix.hours[org.ID+"/"+l.ID] = h
			}
		}
		for i := range org.Services {
			ref := ServiceRef{org, &org.Services[i]}
			ix.services[ref.DocID()] = ref
			if err := batch.Index(ref.DocID(), ix.document(ref)); err != nil {
				return nil, fmt.Errorf("index %s: %w", ref.DocID(), err)
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := b.Batch(batch); err != nil {
		return nil, fmt.Errorf("index batch: %w", err)
	}
	ix.bleve = b
	ix.docCount = len(ix.services)
	return ix, nil
}

// Close releases the bleve index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Directory returns the data the index was built from.
func (ix *Index) Directory() *Directory { return ix.dir }

// Len is the number of indexed services.
func (ix *Index) Len() int { return ix.docCount }

// document flattens a service and its organization into the indexed fields.
func (ix *Index) document(ref ServiceRef) map[string]any {
	o, s := ref.Org, ref.Service
	doc := map[string]any{
		fieldTopic:    s.Topics,
		fieldGroup:    s.Groups,
		fieldLanguage: s.Languages,
		fieldCost:     s.Cost,
		fieldNameSort: strings.ToLower(s.Name["de"]),
		fieldAlt:      strings.Join(append([]string{strings.ReplaceAll(o.ID, "-", " ")}, o.AlternateNames...), " ; "),
	}
	var served []string
	for _, a := range s.Areas {
		served = append(served, ix.within[a]...)
	}
	doc[fieldArea] = served
	var located []string
	for _, l := range o.Locations {
		if !contains(s.Locations, l.ID) {
			continue
		}
		located = append(located, l.Area)
		if l.Wheelchair == "yes" {
			doc[fieldWheelchair] = "yes"
		}
	}
	doc[fieldLocated] = located
	var suggest, typo []string
	for _, lang := range Languages {
		doc["name_"+lang] = s.Name[lang]
		doc["org_"+lang] = o.Name[lang]
		doc["desc_"+lang] = s.Description[lang]
		doc["odesc_"+lang] = o.Description[lang]
		doc["skw_"+lang] = s.Keywords[lang]
		var kw []string
		for _, t := range s.Topics {
			if topic := ix.topics[t]; topic != nil {
				kw = append(kw, topic.Label[lang])
				kw = append(kw, topic.Keywords[lang]...)
			}
		}
		for _, g := range s.Groups {
			if group := ix.groups[g]; group != nil {
				kw = append(kw, group.Label[lang])
				kw = append(kw, group.Keywords[lang]...)
			}
		}
		doc["kw_"+lang] = kw // an array, so phrases do not run across keywords
		suggest = append(suggest, s.Name[lang], o.Name[lang])
		typo = append(typo, s.Name[lang], o.Name[lang])
		typo = append(typo, s.Keywords[lang]...)
	}
	doc[fieldSuggest] = strings.Join(append(suggest, o.AlternateNames...), " ; ")
	doc[fieldTypo] = append(typo, o.AlternateNames...)
	return doc
}

// containingAreas maps each area to itself and every area it lies in, so a
// service for the whole region is found when a person filters by a town.
func containingAreas(areas []Area) map[string][]string {
	// A service serving area X matches a filter for X and for every area X
	// includes; so index, for a served area, the area and its descendants.
	children := map[string][]string{}
	for _, a := range areas {
		children[a.ID] = a.Includes
	}
	out := map[string][]string{}
	for _, a := range areas {
		seen := map[string]bool{}
		var walk func(id string)
		walk = func(id string) {
			if seen[id] {
				return
			}
			seen[id] = true
			for _, c := range children[id] {
				walk(c)
			}
		}
		walk(a.ID)
		for id := range seen {
			out[a.ID] = append(out[a.ID], id)
		}
		sort.Strings(out[a.ID])
	}
	return out
}

// germanDictionary collects the German words of the data (at least three
// letters), tokenized, lowercased and umlaut-folded exactly as the German
// analyzer does before decompounding, so that compounds split into them.
func germanDictionary(d *Directory) []string {
	var texts []string
	for _, t := range d.Topics {
		texts = append(texts, t.Label["de"], strings.Join(t.Keywords["de"], " "))
	}
	for _, g := range d.Groups {
		texts = append(texts, g.Label["de"], strings.Join(g.Keywords["de"], " "))
	}
	for _, o := range d.Organizations {
		texts = append(texts, o.Name["de"], o.Description["de"])
		for _, s := range o.Services {
			texts = append(texts, s.Name["de"], s.Description["de"], strings.Join(s.Keywords["de"], " "))
		}
	}
	tokenizer, lower, fold := unicode.NewUnicodeTokenizer(), lowercase.NewLowerCaseFilter(), de.NewGermanNormalizeFilter()
	seen := map[string]bool{}
	for _, text := range texts {
		for _, tok := range fold.Filter(lower.Filter(tokenizer.Tokenize([]byte(text)))) {
			if utf8.RuneCount(tok.Term) >= 3 {
				seen[string(tok.Term)] = true
			}
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
