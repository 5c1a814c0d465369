package index

import (
	"strconv"
	"strings"
	"sync"
)

// keyPositions remembers on which line each key of a TOML file is defined.
//
// BurntSushi/toml knows key positions but does not export them (MetaData has
// no Position method), and validation must name the line of a bad value, so
// this scans the source once. It understands what the record files use:
// [table] and [[array]] headers, key = value lines, multi-line strings and
// arrays. It is used only for messages, never for decoding.
type keyPositions struct {
	lines    map[string]int   // "services.2.topics" -> line
	unindex  map[string][]int // "services.topics" -> every line, in order
	consumed map[string]int
	// src is the source not yet scanned (lazyKeyPositions).
	src  string
	scan sync.Once
}

// lazyKeyPositions scans src when a line is first asked for: most files
// have no problem, and scanning every file took a tenth of loading them.
func lazyKeyPositions(src string) *keyPositions {
	return &keyPositions{src: src}
}

func scanKeyPositions(src string) *keyPositions {
	kp := &keyPositions{}
	kp.scanSource(src)
	kp.scan.Do(func() {})
	return kp
}

// scanned makes sure the source has been scanned.
func (kp *keyPositions) scanned() {
	kp.scan.Do(func() {
		kp.scanSource(kp.src)
		kp.src = ""
	})
}

func (kp *keyPositions) scanSource(src string) {
	// About a key a line: maps made to size do not grow (growing them was
	// a third of scanning at 100,000 services, where 69,000 warnings have
	// 48,000 files scanned).
	keys := strings.Count(src, "\n") + 1
	kp.lines, kp.unindex, kp.consumed = make(map[string]int, keys), make(map[string][]int, keys), map[string]int{}
	arrays := map[string]int{} // array-table path -> number of tables so far
	prefix, plain := "", ""
	depth := 0     // open brackets of a multi-line value
	inString := "" // the delimiter of an open multi-line string
	n := 0
	for line := range strings.Lines(src) {
		n++
		line = strings.TrimSuffix(line, "\n")
		if inString != "" {
			if strings.Contains(line, inString) {
				inString = ""
			}
			continue
		}
		if depth > 0 {
			depth += bracketBalance(line)
			continue
		}
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case strings.HasPrefix(t, "[["):
			name := strings.TrimSpace(strings.Trim(strings.SplitN(t, "]]", 2)[0], "[ "))
			prefix, plain = resolveHeader(name, arrays)
			arrays[name]++
			prefix += "." + strconv.Itoa(arrays[name]-1)
			kp.add(prefix, plain, n)
		case strings.HasPrefix(t, "["):
			name := strings.TrimSpace(strings.Trim(strings.SplitN(t, "]", 2)[0], "[ "))
			prefix, plain = resolveHeader(name, arrays)
			kp.add(prefix, plain, n)
		default:
			eq := strings.Index(t, "=")
			if eq < 0 {
				continue
			}
			key := strings.Trim(strings.TrimSpace(t[:eq]), `"'`)
			kp.add(join(prefix, key), join(plain, key), n)
			value := strings.TrimSpace(t[eq+1:])
			for _, delim := range []string{`"""`, `'''`} {
				if strings.HasPrefix(value, delim) && !strings.Contains(value[3:], delim) {
					inString = delim
				}
			}
			// Only an array or an inline table can stay open; after a
			// string TOML allows nothing but a comment, so the long texts
			// of a record need not be read.
			depth = 0
			if strings.HasPrefix(value, "[") || strings.HasPrefix(value, "{") {
				depth = bracketBalance(value)
			}
		}
	}
}

// resolveHeader turns "services.contact" into "services.3.contact" using the
// current index of every array table on the way.
func resolveHeader(name string, arrays map[string]int) (indexed, plain string) {
	parts := strings.Split(name, ".")
	walked := ""
	for _, p := range parts {
		walked = join(walked, strings.Trim(p, `"' `))
		indexed = join(indexed, strings.Trim(p, `"' `))
		if c, ok := arrays[walked]; ok && walked != name {
			indexed += "." + strconv.Itoa(c-1)
		}
	}
	return indexed, strings.Join(parts, ".")
}

func (kp *keyPositions) add(indexed, plain string, line int) {
	if _, seen := kp.lines[indexed]; !seen {
		kp.lines[indexed] = line
	}
	kp.unindex[plain] = append(kp.unindex[plain], line)
}

// line returns the line of path, or of its nearest defined parent, or 1.
func (kp *keyPositions) line(path string) int {
	kp.scanned()
	for p := path; p != ""; p = parentKey(p) {
		if n, ok := kp.lines[p]; ok {
			return n
		}
	}
	return 1
}

// nextUnindexed returns the line of the next not yet reported occurrence of
// a key path without array indexes, as MetaData.Undecoded reports them.
func (kp *keyPositions) nextUnindexed(path string) int {
	kp.scanned()
	lines := kp.unindex[path]
	i := kp.consumed[path]
	kp.consumed[path]++
	if i < len(lines) {
		return lines[i]
	}
	return kp.line(path)
}

func parentKey(p string) string {
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[:i]
	}
	return ""
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// bracketBalance counts open minus closed brackets and braces outside strings.
//
// It jumps from one character that matters to the next (all are ASCII,
// and no byte of a longer UTF-8 character is one): the long texts of an
// inline table are skipped by a search for their closing quote.
func bracketBalance(s string) int {
	bal := 0
	for {
		i := strings.IndexAny(s, "\"'#[]{}")
		if i < 0 {
			return bal
		}
		c := s[i]
		s = s[i+1:]
		switch c {
		case '#':
			return bal
		case '[', '{':
			bal++
		case ']', '}':
			bal--
		case '\'':
			end := strings.IndexByte(s, '\'') // a literal string has no escapes
			if end < 0 {
				return bal
			}
			s = s[end+1:]
		case '"':
			end := closingQuote(s)
			if end < 0 {
				return bal
			}
			s = s[end+1:]
		}
	}
}

// closingQuote is the index of the first '"' in s that no backslash
// escapes (an even number of backslashes before it), or -1.
func closingQuote(s string) int {
	for from := 0; ; {
		j := strings.IndexByte(s[from:], '"')
		if j < 0 {
			return -1
		}
		j += from
		k := j
		for k > 0 && s[k-1] == '\\' {
			k--
		}
		if (j-k)%2 == 0 {
			return j
		}
		from = j + 1
	}
}
