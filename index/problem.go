package index

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong (or worth a look) in the data, with its place.
type Problem struct {
	File    string
	Line    int
	Col     int
	Message string
	Warning bool // a warning does not make the data invalid

	// On the line that ends a file's capped list (see capPerFile): how many
	// errors and warnings of that file it stands for.
	omittedErrors, omittedWarnings int
}

// maxProblemsPerFile is how many problems of one file are listed. A broken
// file can have hundreds of thousands (every line an unknown key); nobody
// reads past the first, and listing them all costs the log and the admin
// listener megabytes.
const maxProblemsPerFile = 20

func (p Problem) String() string {
	kind := "error"
	if p.Warning {
		kind = "warning"
	}
	pos := p.File
	if p.Line > 0 {
		pos = fmt.Sprintf("%s:%d:%d", p.File, p.Line, max(p.Col, 1))
	}
	return fmt.Sprintf("%s: %s: %s", pos, kind, p.Message)
}

// Problems is every problem found in one load, in file and line order.
type Problems []Problem

// Errors returns only the problems that make the data invalid.
func (ps Problems) Errors() Problems {
	var errs Problems
	for _, p := range ps {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
	return errs
}

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems {
	var ws Problems
	for _, p := range ps {
		if p.Warning {
			ws = append(ws, p)
		}
	}
	return ws
}

// Count counts errors and warnings, the ones left out of a capped list too.
func (ps Problems) Count() (errors, warnings int) {
	for _, p := range ps {
		switch {
		case p.omittedErrors+p.omittedWarnings > 0:
			errors, warnings = errors+p.omittedErrors, warnings+p.omittedWarnings
		case p.Warning:
			warnings++
		default:
			errors++
		}
	}
	return errors, warnings
}

// capPerFile keeps at most n problems of each file, errors before warnings,
// in line order, and ends a shortened list with one line that counts the
// rest. ps must be sorted by file.
func (ps Problems) capPerFile(n int) Problems {
	var out Problems
	for start := 0; start < len(ps); {
		end := start
		for end < len(ps) && ps[end].File == ps[start].File {
			end++
		}
		out = append(out, capFile(ps[start:end], n)...)
		start = end
	}
	return out
}

func capFile(ps Problems, n int) Problems {
	if len(ps) <= n {
		return ps
	}
	keep := make([]bool, len(ps))
	kept := 0
	for _, warnings := range []bool{false, true} {
		for i, p := range ps {
			if kept < n && p.Warning == warnings {
				keep[i], kept = true, kept+1
			}
		}
	}
	out := make(Problems, 0, n+1)
	more := Problem{File: ps[0].File}
	for i, p := range ps {
		switch {
		case keep[i]:
			out = append(out, p)
		case p.Warning:
			more.omittedWarnings++
		default:
			more.omittedErrors++
		}
	}
	more.Warning = more.omittedErrors == 0
	more.Message = fmt.Sprintf("%d more problems in this file are not listed (%d errors, %d warnings); fix the ones above and check again",
		more.omittedErrors+more.omittedWarnings, more.omittedErrors, more.omittedWarnings)
	return append(out, more)
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}

// Error makes the errors usable as one error value; it lists them all.
func (ps Problems) Error() string {
	errs := ps.Errors()
	lines := make([]string, len(errs))
	for i, p := range errs {
		lines[i] = p.String()
	}
	n, _ := ps.Count()
	return fmt.Sprintf("%d problems in the data:\n%s", n, strings.Join(lines, "\n"))
}
