package index

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Directory is the whole data set: organizations with their services, and the
// vocabularies they refer to. It is built by Load and never changed after.
type Directory struct {
	Organizations []*Organization // sorted by ID
	Topics        []Topic
	Groups        []Group
	Areas         []Area
	Situations    []Situation
	Fillers       Words // words that say nothing about a need (situation.go)
	Places        map[string]Place
	Bounds        Bounds // where places and coordinates may lie
	// RequiredOffices are the responsibilities (responsible_for) that every
	// city and district must have an office for (areas.toml).
	RequiredOffices []string
}

// File names inside the data folder.
const (
	topicsFile = "topics.toml"
	groupsFile = "groups.toml"
	areasFile  = "areas.toml"
	placesFile = "geo/places.csv"
	orgDir     = "organizations"
)

// Load reads and validates every file of a data folder. It always returns
// every problem found; the directory may be used only when there is no error
// among them. now is the reference for "verified in the future" and staleness.
func Load(fsys fs.FS, now time.Time) (*Directory, Problems) {
	return load(fsys, now, true)
}

// load is Load; with canonical false the records' strings are left as the
// TOML decoder made them (slices of their files, not shared), for a
// caller that replaces the records by compacted ones at once
// (compactRecords): making them canonical first would be undone.
func load(fsys fs.FS, now time.Time, canonical bool) (*Directory, Problems) {
	var problems Problems
	d := &Directory{}
	var topics struct{ Topic []Topic }
	var groups struct{ Group []Group }
	var areas struct {
		Area            []Area
		RequiredOffices []string `toml:"required_offices"`
		Bounds          *Bounds
	}
	kps := map[string]*keyPositions{}
	for name, v := range map[string]any{topicsFile: &topics, groupsFile: &groups, areasFile: &areas} {
		kp, ps := decodeFile(fsys, name, v, maxVocabFileBytes)
		kps[name] = kp
		problems = append(problems, ps...)
	}
	d.Topics, d.Groups, d.Areas, d.RequiredOffices = topics.Topic, groups.Group, areas.Area, areas.RequiredOffices
	d.Bounds = regionBounds
	if areas.Bounds != nil {
		d.Bounds = *areas.Bounds
	}
	var places []Problem
	d.Places, places = loadPlaces(fsys, placesFile, d.Bounds)
	problems = append(problems, places...)
	v := newValidator(d, now, &problems)
	v.vocabularies(kps)

	files, err := fs.Glob(fsys, orgDir+"/*")
	if err != nil || len(files) == 0 {
		problems = append(problems, Problem{File: orgDir, Message: "no organization files found"})
	}
	for _, r := range decodeOrganizations(fsys, files, v, canonical) {
		problems = append(problems, r.problems...)
		if r.org != nil {
			d.Organizations = append(d.Organizations, r.org)
		}
	}
	v.coverage(kps[areasFile])
	sort.Slice(d.Organizations, func(i, j int) bool { return d.Organizations[i].ID < d.Organizations[j].ID })
	sdoc, skp, ps := loadSituations(fsys)
	problems = append(problems, ps...)
	d.Situations, d.Fillers = sdoc.Situation, sdoc.Filler
	v.situations(skp)
	problems.sort()
	return d, problems.capPerFile(maxProblemsPerFile)
}

// decoded is one organization file decoded.
type decoded struct {
	org      *Organization
	kp       *keyPositions
	problems []Problem
}

// decodeOrganizations decodes and validates the organization files on
// every core: decoding TOML is most of the time a large directory takes to
// load. Each file is validated on its own (v.alone); the results keep the
// files' order. With canonical, the records' strings are shared
// (canonicalKeys).
func decodeOrganizations(fsys fs.FS, files []string, v *validator, canonical bool) []decoded {
	out := make([]decoded, len(files))
	var st *stringTable
	if canonical {
		st = newStringTable()
	}
	onEveryCore(len(files), func(i int) {
		if base := path.Base(files[i]); strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
			return // an editor's swap or backup file, not a record
		}
		r := &out[i]
		r.org, r.kp, r.problems = loadOrganization(fsys, files[i], st)
		if r.org != nil {
			alone := v.alone()
			alone.organization(r.org, r.kp)
			r.problems = append(r.problems, *alone.problems...)
		}
	})
	return out
}

// onEveryCore calls fn for 0 to n-1 on as many goroutines as there are
// cores, and returns when every call has.
func onEveryCore(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// loadOrganization decodes one organization file; with st its strings
// are made canonical (canonicalKeys), without they stay the decoder's.
func loadOrganization(fsys fs.FS, file string, st *stringTable) (*Organization, *keyPositions, []Problem) {
	if path.Ext(file) != ".toml" {
		return nil, nil, []Problem{{File: file, Message: "only .toml files belong in " + orgDir}}
	}
	org := &Organization{ID: strings.TrimSuffix(path.Base(file), ".toml"), File: file}
	kp, problems := decodeFile(fsys, file, org, maxOrgFileBytes)
	if kp == nil {
		return nil, nil, problems
	}
	if st != nil {
		org.canonicalKeys(st)
	}
	return org, kp, problems
}

var (
	lineInMessage    = regexp.MustCompile(`line (\d+)`)
	lastKeyInMessage = regexp.MustCompile(`last key "([^"]+)"`)
)

// decodeFile decodes one TOML file of at most limit bytes into v and reports
// syntax errors, type errors and unknown keys with their positions. A nil
// keyPositions means the file could not be decoded at all.
func decodeFile(fsys fs.FS, file string, v any, limit int) (*keyPositions, []Problem) {
	src, p := readLimited(fsys, file, limit)
	if p != nil {
		return nil, []Problem{*p}
	}
	text := string(src)
	md, err := toml.Decode(text, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := pe.Position.Line, pe.Position.Col
			if line == 0 || strings.ContainsRune(pe.Message, 0) {
				// The lexer reports errors at the end of the input (its EOF is
				// the NUL rune) with no or a wrong line: name the last line.
				line, col = lastLine(src), 1
			}
			return nil, []Problem{{File: file, Line: line, Col: col, Message: "TOML syntax: " + printable(pe.Message)}}
		}
		p := Problem{File: file, Message: printable(strings.TrimPrefix(err.Error(), "toml: ")), Col: 1}
		if m := lineInMessage.FindStringSubmatch(err.Error()); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
		} else if m := lastKeyInMessage.FindStringSubmatch(err.Error()); m != nil {
			// Type errors name the key but not always its line.
			if lines := scanKeyPositions(string(src)).unindex[m[1]]; len(lines) > 0 {
				p.Line = lines[0]
			}
		}
		return nil, []Problem{p}
	}
	kp := lazyKeyPositions(text)
	var problems []Problem
	for _, key := range md.Undecoded() {
		line := kp.nextUnindexed(key.String())
		problems = append(problems, Problem{File: file, Line: line, Col: 1,
			Message: fmt.Sprintf("unknown key %s (see docs/data-format.md for the fields)", strconv.QuoteToGraphic(key.String()))})
	}
	return kp, problems
}

// lastLine is the number of the file's last non-empty line.
func lastLine(src []byte) int {
	return bytes.Count(bytes.TrimRight(src, "\n"), []byte("\n")) + 1
}

// printable escapes control characters and invalid bytes, which a broken
// file can put into a message and which must not reach a terminal or log.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) && r != ' ' {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
