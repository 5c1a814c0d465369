// Package index owns Wegweiser's records: loading and validating the TOML
// files, building the index over them and answering searches.
package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	bindex "github.com/blevesearch/bleve_index_api"
	lru "github.com/hashicorp/golang-lru/v2"
)

// Index is an immutable, searchable view of one Directory. A new data set
// means a new Index; callers swap the pointer (see Live).
type Index struct {
	dir    *Directory
	bleve  bleve.Index
	reader bindex.IndexReader // one snapshot for the index's life
	docOrd ordinals           // bleve's internal document ids -> entries and organizations
	orgOrd map[string]int32   // organization id -> its number in orgFirst
	// orgFirst[n] is the first entry of organization n, in directory order:
	// its services are the entries orgFirst[n] to orgFirst[n+1]-1 (one
	// slice: a broad query expands tens of thousands of organization
	// matches to their services).
	orgFirst []int32
	docTotal float64
	terms    *fieldTerms // which fields hold each term
	an       *analyzers
	// germanWords is the German decompounding dictionary an was built with.
	germanWords []string
	vocab       *vocabulary
	entries     []entry          // one per service, in the directory's order
	byDoc       map[string]int32 // "org/service" -> entries
	byName      []int32          // entries in the order of their German names
	facets      facetValues
	flat        flatFacets             // every entry's facet values in one slice (filter.go)
	cols        columns                // what ranking reads of every entry (columns.go)
	reachOf     map[string]servedReach // by a service's list of areas (filter.go)
	// concepts[c] are the entries with topic or group c of the vocabulary,
	// baseFits[c] how well each fits c, whatever the query (passes.go).
	baseFits  [][]float64
	concepts  [][]int32
	anyBodies []bool          // [c]: some of c's entries belong to a responsible body (passes.go)
	bodiesOf  map[int32][]int // entries -> the body concepts they belong to (vocab_situations.go)
	orgs      map[string]*Organization
	topics    map[string]*Topic
	groups    map[string]*Group
	areas     map[string]*Area
	within    map[string][]string // area id -> the area and every area it includes
	centre    string              // the area of the region's centre (rank.go)
	spelling  func() *speller     // built on first use: only a search that finds nothing needs it
	places    *placeNames
	generic   genericWords
	hours     map[string]Hours // by "<organization>/<location>", parsed once
	cache     *answerCache
	descWords *descWords                    // the descriptions' words, for snippets (snippet_words.go)
	plain     *lru.Cache[descKey, string]   // snippets without marks (snippet.go)
	typos     *lru.Cache[string, []string]  // typo corrections in the names (passes.go)
	prefixes  *lru.Cache[string, []string]  // completions of an unfinished last word (passes.go)
	wordCache *lru.Cache[string, queryWord] // analysed query words (query.go)
	postCache *postingsCache                // decoded postings (postcache.go)
	spare     chan *matches                 // kept for the next searches, sized for this index (match.go)
	open      atomic.Pointer[openSet]       // the services open in the minute last asked (filter.go)
	closed    atomic.Bool
	warming   sync.Mutex // held while Warm reads postings: Close waits for it
}

// ErrClosed is returned by a search on a closed index.
var ErrClosed = errors.New("index is closed")

// ServiceRef is a service with its organization.
type ServiceRef struct {
	Org     *Organization
	Service *Service
}

// DocID is the document id of a service: "<organization>/<service>".
func (r ServiceRef) DocID() string { return r.Org.ID + "/" + r.Service.ID }

// Options tune how an index is built.
type Options struct {
	// Dir keeps the index on disk there and reuses it when it was built
	// from the same data; empty means in memory.
	Dir string
	// Key identifies the data (a hash of its files); with Dir, an index
	// built from the same Key is reused.
	Key string
	// Previous is the index this one replaces (a hot reload), or nil. Its
	// vocabulary and analyzers are reused when they would be built the same
	// (vocab_reuse.go). It may be closed meanwhile: only its memory is read.
	Previous *Index
	// Log, if set, notes what a kept folder held that could not be used
	// (Dir: a vocabulary of another program or damaged, built anew).
	Log *slog.Logger
	// stats of the data's words, when kept from an earlier build (Open).
	stats *wordStats
	// vocabFile keeps the vocabulary beside the records (vocab_kept.go).
	vocabFile string
}

// wordStats are learnt from the data's texts before indexing: the German
// decompounding dictionary and the generic words. They are a function of
// the data, so Open keeps them with the records.
type wordStats struct {
	GermanWords []string
	Generic     genericWords
}

func newWordStats(d *Directory) (*wordStats, error) {
	s := &wordStats{GermanWords: germanDictionary(d)}
	an, err := newAnalyzers(s.GermanWords)
	if err != nil {
		return nil, fmt.Errorf("analyzers: %w", err)
	}
	s.Generic = newGenericWords(d, an)
	return s, nil
}

// New builds the index of a valid directory in memory.
func New(ctx context.Context, d *Directory) (*Index, error) {
	return Build(ctx, d, Options{})
}

// Build builds the index of a valid directory.
func Build(ctx context.Context, d *Directory, opt Options) (*Index, error) {
	ix, err := newIndex(d, opt)
	if err != nil {
		return nil, err
	}
	ix.spelling = sync.OnceValue(func() *speller { return newSpeller(d) })
	ix.places = newPlaceNames(d.Areas, ix.vocab.knowsWord)
	ix.addEntries()
	ix.addBodies()
	// The analyzers of this build remember the words they have seen:
	// the services' texts are analysed for the situations and the index.
	an := newMemoAnalyzers(ix.an)
	ix.addSituationMembers(an)
	ix.addBaseFits()
	for i := range ix.entries {
		ix.entries[i].unplaced = ix.placeWeight(&ix.entries[i], nil, nil)
	}
	ix.cols = newColumns(ix.entries, ix.orgOrd)
	if ix.descWords, err = ix.keptDescWords(opt, an); err != nil {
		return nil, err
	}
	b, err := ix.openBleve(ctx, opt, an)
	if err != nil {
		return nil, err
	}
	ix.bleve = b
	if err := ix.openReader(); err != nil {
		b.Close()
		return nil, err
	}
	if ix.terms, err = ix.newFieldTerms(); err != nil {
		ix.Close()
		return nil, err
	}
	ix.cache = newAnswerCache(answerCacheSize, answerCacheBytes)
	if ix.plain, err = lru.New[descKey, string](plainCacheSize); err != nil {
		return nil, fmt.Errorf("snippet cache: %w", err)
	}
	if ix.typos, err = lru.New[string, []string](fuzzyCacheSize); err != nil {
		return nil, fmt.Errorf("typo cache: %w", err)
	}
	if ix.prefixes, err = lru.New[string, []string](prefixCacheSize); err != nil {
		return nil, fmt.Errorf("prefix cache: %w", err)
	}
	if ix.wordCache, err = lru.New[string, queryWord](wordCacheSize); err != nil {
		return nil, fmt.Errorf("word cache: %w", err)
	}
	if ix.postCache, err = newPostingsCache(postingsBudget); err != nil {
		return nil, fmt.Errorf("postings cache: %w", err)
	}
	return ix, nil
}

// newIndex is what every build makes first: the records by id, the
// analyzers and the vocabulary (kept in opt.Dir with it).
func newIndex(d *Directory, opt Options) (*Index, error) {
	ix := &Index{dir: d, byDoc: map[string]int32{}, orgs: map[string]*Organization{},
		topics: map[string]*Topic{}, groups: map[string]*Group{}, areas: map[string]*Area{},
		spare: make(chan *matches, spareMatches())}
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
	ix.centre = regionCentre(d.Areas)
	var germanWords []string
	var generic genericWords
	if opt.stats != nil { // kept with the records: not learnt again
		germanWords, generic = opt.stats.GermanWords, opt.stats.Generic
	} else {
		germanWords = germanDictionary(d)
	}
	if prev := opt.Previous; prev != nil && slices.Equal(prev.germanWords, germanWords) {
		ix.an = prev.an // the same dictionary: the same analyzers, their memo of compounds kept
	} else {
		an, err := newAnalyzers(germanWords)
		if err != nil {
			return nil, fmt.Errorf("analyzers: %w", err)
		}
		ix.an = an
	}
	ix.germanWords = germanWords
	if ix.generic = generic; generic == nil {
		ix.generic = newGenericWords(d, ix.an)
	}
	if err := ix.vocabulary(d, opt); err != nil {
		return nil, err
	}
	return ix, nil
}

// vocabulary reuses the replaced index's vocabulary, reads the one kept
// with the records, or builds it (and keeps it, with opt.Dir).
func (ix *Index) vocabulary(d *Directory, opt Options) error {
	if ix.vocab = reusableVocabulary(opt.Previous, d, ix.germanWords); ix.vocab == nil {
		if ix.vocab = keptVocabulary(opt, d, ix.an, ix.germanWords); ix.vocab != nil {
			return nil
		}
		ix.vocab = newVocabulary(d, ix.an, ix.germanWords)
	}
	return keepVocabulary(opt, ix.vocab)
}

// Warm builds what the first misspelt or fruitless query would otherwise
// wait for (about 15 ms of a first German typo on the real data): the
// automata for typos, the typo automata of every language of the
// vocabulary and of the office words, and the "did you mean" speller
// (about 8 MB allocated), and, for a small index, every postings list
// decoded (warmPostings). A server calls it once the index serves, beside
// the requests; a build does not, so tools and tests that never misspell do
// not pay for it. Apart from the postings it reads only the records and the
// vocabulary; reading postings stops once the index is closed.
func (ix *Index) Warm() {
	for _, b := range levBuilders[1:] {
		b()
	}
	ix.vocab.fuzzy.warmAll()
	ix.vocab.officeTypos.warmAll()
	ix.spelling()
	ix.warmPostings()
}

// addEntries lists the services with what filters and facets need.
func (ix *Index) addEntries() {
	ix.concepts = make([][]int32, len(ix.vocab.concepts))
	type conceptRef struct {
		group bool
		id    string
	}
	conceptOf := map[conceptRef]int{}
	for ci, c := range ix.vocab.concepts {
		if c.base() { // a situation may share a topic's id ("study"); its members are found apart
			conceptOf[conceptRef{c.group, c.id}] = ci
		}
	}
	orgs := ix.dir.Organizations
	ix.orgOrd, ix.reachOf = make(map[string]int32, len(orgs)), map[string]servedReach{}
	ix.orgFirst = make([]int32, 0, len(orgs)+1)
	services := 0
	for _, org := range orgs {
		if org.derived == nil {
			org.derived = &derived{}
		}
		ix.orgs[org.ID] = org
		ix.orgOrd[org.ID] = int32(len(ix.orgFirst))
		ix.orgFirst = append(ix.orgFirst, int32(services))
		services += len(org.Services)
	}
	ix.orgFirst = append(ix.orgFirst, int32(services))
	// What an entry takes from its own record alone (contact facts,
	// freshness, positions, opening hours) is made on every core: at
	// 100,000 services this loop was a tenth of a warm start, on one core
	// (docs/decisions/startup.md, session 6). Sized once: an entry is
	// large, and 100,000 of them grown by append were copied again and
	// again.
	ix.entries = make([]entry, services)
	docIDs := make([]string, services)
	hours := make([][]locationHours, len(orgs))
	chunks := min(len(orgs), 8*runtime.GOMAXPROCS(0))
	onEveryCore(chunks, func(c int) {
		for o := len(orgs) * c / chunks; o < len(orgs)*(c+1)/chunks; o++ {
			org := orgs[o]
			for _, l := range org.Locations {
				if h, err := ParseHours(l.OpeningHours); err == nil {
					hours[o] = append(hours[o], locationHours{org.ID + "/" + l.ID, h})
				}
			}
			for i := range org.Services {
				ref := ServiceRef{org, &org.Services[i]}
				ord := ix.orgFirst[o] + int32(i)
				ix.entries[ord] = ix.newEntry(ref)
				docIDs[ord] = ref.DocID()
			}
		}
	})
	// What is shared among entries (areas served, facet numbers, the
	// concepts' lists) is filled in the entries' order.
	ix.hours = map[string]Hours{}
	ix.byDoc = make(map[string]int32, services)
	for o := range orgs {
		for _, h := range hours[o] {
			ix.hours[h.key] = h.hours
		}
		for ord := ix.orgFirst[o]; ord < ix.orgFirst[o+1]; ord++ {
			e := &ix.entries[ord]
			e.served, e.reach = ix.servedReach(e.ref.Service.Areas)
			ix.facets.setFacets(e)
			ix.byDoc[docIDs[ord]] = ord
			for _, t := range e.ref.Service.Topics {
				if ci, ok := conceptOf[conceptRef{false, t}]; ok {
					ix.concepts[ci] = append(ix.concepts[ci], ord)
				}
			}
			for _, g := range e.ref.Service.Groups {
				if ci, ok := conceptOf[conceptRef{true, g}]; ok {
					ix.concepts[ci] = append(ix.concepts[ci], ord)
				}
			}
		}
	}
	ix.flat = newFlatFacets(ix.entries)
	ix.byName = make([]int32, len(ix.entries))
	for i := range ix.byName {
		ix.byName[i] = int32(i)
	}
	// Document ids are unique, so the order is total and any sort gives it.
	slices.SortFunc(ix.byName, func(a, b int32) int {
		if c := strings.Compare(ix.entries[a].nameKey, ix.entries[b].nameKey); c != 0 {
			return c
		}
		return strings.Compare(docIDs[a], docIDs[b])
	})
}

// locationHours are a location's opening hours, keyed as Index.hours.
type locationHours struct {
	key   string
	hours Hours
}

// addBaseFits computes how well every service fits each of its concepts
// once: a broad topic has many services, and a query asks again and again.
func (ix *Index) addBaseFits() {
	for o, bodies := range ix.bodiesOf {
		ix.entries[o].bodies = bodies
	}
	ix.baseFits = make([][]float64, len(ix.concepts))
	ix.anyBodies = make([]bool, len(ix.concepts))
	for ci, list := range ix.concepts {
		ix.baseFits[ci] = make([]float64, len(list))
		for j, o := range list {
			ix.anyBodies[ci] = ix.anyBodies[ci] || len(ix.entries[o].bodies) > 0
			ix.baseFits[ci][j] = ix.baseFit(ci, o)
		}
	}
}

func conceptKey(group bool, id string) string {
	if group {
		return "group:" + id
	}
	return "topic:" + id
}

// Close releases the index.
func (ix *Index) Close() error {
	ix.closed.Store(true)
	ix.warming.Lock() // warmPostings stops at the next list
	ix.warming.Unlock()
	if ix.reader != nil {
		ix.reader.Close()
	}
	return ix.bleve.Close()
}

// Directory returns the data the index was built from.
func (ix *Index) Directory() *Directory { return ix.dir }

// Len is the number of indexed services.
func (ix *Index) Len() int { return len(ix.entries) }

// containingAreas maps each area to itself and every area it includes, so a
// service for the whole region is found when a person filters by a town.
func containingAreas(areas []Area) map[string][]string {
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
// letters), as the German analyzer's decompounding sees them (germanTokens),
// so that compounds split into them.
func germanDictionary(d *Directory) []string {
	seen, seenText := map[string]bool{}, map[string]bool{}
	add := func(text string) {
		if seenText[text] {
			return // texts repeat across services and organizations
		}
		seenText[text] = true
		germanTokens(text, func(tok []byte) {
			if utf8.RuneCount(tok) >= 3 && !seen[string(tok)] { // looking up copies nothing
				seen[string(tok)] = true
			}
		})
	}
	for _, t := range d.Topics {
		add(t.Label["de"] + " " + strings.Join(t.Keywords["de"], " "))
	}
	for _, g := range d.Groups {
		add(g.Label["de"] + " " + strings.Join(g.Keywords["de"], " "))
	}
	for _, o := range sampleOrganizations(d.Organizations, statsSample) {
		add(o.Name["de"] + " " + o.Description["de"])
		for _, s := range o.Services {
			add(s.Name["de"] + " " + s.Description["de"] + " " + strings.Join(s.Keywords["de"], " "))
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

// statsSample bounds the services read to learn the data's words: the
// German decompounding dictionary, the generic words and the speller's
// word counts. Up to this size every service is read; beyond it, an even
// spread of organizations, so that startup does not grow with the data for
// statistics a sample gives as well (see docs/decisions/search-core.md).
const statsSample = 5000

// sampleOrganizations returns an even spread of organizations covering
// about n services, or all of them when they have fewer.
func sampleOrganizations(orgs []*Organization, n int) []*Organization {
	total := 0
	for _, o := range orgs {
		total += len(o.Services)
	}
	if total <= n {
		return orgs
	}
	share := float64(n) / float64(total)
	var out []*Organization
	for i, o := range orgs {
		if int(float64(i+1)*share) > int(float64(i)*share) {
			out = append(out, o)
		}
	}
	return out
}

// germanTokens calls fn with each token of text tokenized, lowercased and
// umlaut-folded exactly as the German analyzer does before decompounding.
func germanTokens(text string, fn func(tok []byte)) {
	lower, fold := lowercase.NewLowerCaseFilter(), de.NewGermanNormalizeFilter()
	for _, tok := range fold.Filter(lower.Filter(wordTokenizer.Tokenize([]byte(text)))) {
		fn(tok.Term)
	}
}
