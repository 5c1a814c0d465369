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
	kp.lines, kp.unindex, kp.consumed = map[string]int{}, map[string][]int{}, map[string]int{}
	arrays := map[string]int{} // array-table path -> number of tables so far
	prefix, plain := "", ""
	depth := 0     // open brackets of a multi-line value
	inString := "" // the delimiter of an open multi-line string
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
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
			depth = bracketBalance(value)
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
func bracketBalance(s string) int {
	bal, quote, escaped := 0, rune(0), false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case quote == '"' && r == '\\':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#':
			return bal
		case r == '[' || r == '{':
			bal++
		case r == ']' || r == '}':
			bal--
		}
	}
	return bal
}
