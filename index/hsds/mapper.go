package hsds

import (
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Mapper turns one directory's records into HSDS documents. It is built
// once per directory and only read afterwards.
type Mapper struct {
	dir        *index.Directory
	labels     Labels
	taxonomies []taxonomy
	byCode     map[string]*taxonomy
	areas      map[string]*index.Area
	within     map[string]map[string]bool // area -> every area it lies in, itself included
	ids        ids
	postcodes  map[string]postcode
}

// New builds the mapper of a directory; labels are the page's words.
func New(d *index.Directory, labels Labels) *Mapper {
	m := &Mapper{dir: d, labels: labels, taxonomies: taxonomies(d, labels), byCode: map[string]*taxonomy{},
		areas: map[string]*index.Area{}, within: map[string]map[string]bool{}}
	for i := range m.taxonomies {
		m.byCode[m.taxonomies[i].code] = &m.taxonomies[i]
	}
	for i := range d.Areas {
		m.areas[d.Areas[i].ID] = &d.Areas[i]
	}
	for _, a := range d.Areas {
		m.within[a.ID] = map[string]bool{a.ID: true}
	}
	// An area lies in every area that includes it, directly or not.
	for changed := true; changed; {
		changed = false
		for _, outer := range d.Areas {
			for _, inner := range outer.Includes {
				for a := range m.within {
					if m.within[a][inner] && !m.within[a][outer.ID] {
						m.within[a][outer.ID], changed = true, true
					}
				}
			}
		}
	}
	m.buildIDs()
	m.buildPostcodes()
	return m
}

// Directory is the directory the mapper describes.
func (m *Mapper) Directory() *index.Directory { return m.dir }

// Within reports whether area inner lies in area outer (or is it).
func (m *Mapper) Within(inner, outer string) bool { return m.within[inner][outer] }

// Taxonomies lists every taxonomy.
func (m *Mapper) Taxonomies() []Taxonomy {
	var out []Taxonomy
	for _, t := range m.taxonomies {
		out = append(out, taxonomyDoc(t))
	}
	return out
}

// Terms lists every term of every taxonomy in every language it is named
// in, or only in lang when lang is not empty.
func (m *Mapper) Terms(lang string) []TaxonomyTerm {
	var out []TaxonomyTerm
	for _, t := range m.taxonomies {
		for _, tm := range t.terms {
			for _, l := range langsOf(tm.names) {
				if lang == "" || l == lang {
					out = append(out, termDoc(t, tm, l))
				}
			}
		}
	}
	return out
}

// Term finds the term of a taxonomy with code in lang, or in the only
// language it is named in.
func (m *Mapper) Term(taxonomy, code, lang string) (TaxonomyTerm, bool) {
	t, ok := m.byCode[taxonomy]
	if !ok {
		return TaxonomyTerm{}, false
	}
	for _, tm := range t.terms {
		if tm.code != code {
			continue
		}
		if tm.names[lang] == "" {
			if langs := langsOf(tm.names); len(langs) > 0 {
				lang = langs[0]
			}
		}
		return termDoc(*t, tm, lang), true
	}
	return TaxonomyTerm{}, false
}

func taxonomyDoc(t taxonomy) Taxonomy {
	return Taxonomy{ID: ID("taxonomy", t.code), Name: t.name, Description: t.description}
}

func termDoc(t taxonomy, tm term, lang string) TaxonomyTerm {
	name := tm.names[lang]
	return TaxonomyTerm{ID: ID("taxonomy_term", t.code, tm.code, lang), Code: tm.code, Name: name, Description: name,
		Taxonomy: t.name, Language: lang, TaxonomyID: ID("taxonomy", t.code)}
}

// attribute applies the term code of a taxonomy to the object linkID of
// table entity, with value where the term needs one.
func (m *Mapper) attribute(entity, linkID, taxonomy, code, value, lang string) (Attribute, bool) {
	tm, ok := m.Term(taxonomy, code, lang)
	if !ok {
		return Attribute{}, false
	}
	return Attribute{ID: ID("attribute", linkID, taxonomy, code, value), LinkID: linkID, TaxonomyTermID: tm.ID,
		LinkType: taxonomy, LinkEntity: entity, Value: value, TaxonomyTerm: &tm}, true
}

// attributes applies several codes of one taxonomy.
func (m *Mapper) attributes(entity, linkID, taxonomy string, codes []string, lang string) []Attribute {
	var out []Attribute
	for _, c := range codes {
		if a, ok := m.attribute(entity, linkID, taxonomy, c, "", lang); ok {
			out = append(out, a)
		}
	}
	return out
}

// record applies a wegweiser-record term with a value.
func (m *Mapper) record(entity, linkID, code, value, lang string) []Attribute {
	a, _ := m.attribute(entity, linkID, TaxRecord, code, value, lang) // the codes are fixed
	return []Attribute{a}
}

// fact is the metadata entry of one contact fact: the date of the source
// that states it and that source. An undated fact without a source has
// none: its age is unknown.
func fact(resourceID, resourceType, field, value string, d index.Dated) []Metadata {
	if value == "" || (d.AsOf.IsZero() && d.Source == "") {
		return nil
	}
	return []Metadata{{ID: ID("metadata", resourceID, field), ResourceID: resourceID, ResourceType: resourceType,
		LastActionDate: day(d.AsOf), LastActionType: actionVerified, FieldName: field, ReplacementValue: value, UpdatedBy: d.Source}}
}

// actionVerified is the last_action_type of every metadata entry: the
// fact was stated by its source on that date.
const actionVerified = "verified"

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func text(t index.Text, lang string) string {
	s, _ := t.In(lang)
	return s
}
