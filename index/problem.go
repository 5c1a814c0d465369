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
}

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
	return fmt.Sprintf("%d problems in the data:\n%s", len(errs), strings.Join(lines, "\n"))
}
