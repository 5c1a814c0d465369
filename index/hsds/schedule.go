package hsds

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Rule is one opening span on a set of weekdays (0 = Monday): an HSDS
// schedule with freq WEEKLY, byday, opens_at and closes_at.
type Rule struct {
	Days []int
	Span index.Span
}

// rrDays are RFC 5545's weekday codes, Monday first.
var rrDays = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// Byday is the rule's days as RFC 5545 codes: "MO,TU,TH".
func (r Rule) Byday() string {
	codes := make([]string, len(r.Days))
	for i, d := range r.Days {
		codes[i] = rrDays[d]
	}
	return strings.Join(codes, ",")
}

// Rules splits a week into rules, one per distinct opening span, ordered
// by their first day and start.
func Rules(h index.Hours) []Rule {
	var out []Rule
	for d := range 7 {
		for _, s := range h.Day(d) {
			i := slices.IndexFunc(out, func(r Rule) bool { return r.Span == s })
			if i < 0 {
				out = append(out, Rule{Span: s})
				i = len(out) - 1
			}
			out[i].Days = append(out[i].Days, d)
		}
	}
	return out
}

// ParseByday reads "MO,TU" (RFC 5545 codes, no ordinals).
func ParseByday(s string) ([]int, error) {
	var days []int
	for _, code := range strings.Split(s, ",") {
		d := slices.Index(rrDays, strings.ToUpper(strings.TrimSpace(code)))
		if d < 0 {
			return nil, fmt.Errorf("byday %q: %q is not a weekday code (MO … SU)", s, code)
		}
		days = append(days, d)
	}
	return days, nil
}

// HoursText writes rules as OpenStreetMap opening_hours: the days that
// share all their spans together, "Mo-Th 09:00-12:00; We 14:00-17:00"
// becoming "Mo,Tu,Th 09:00-12:00; We 09:00-12:00,14:00-17:00".
func HoursText(rules []Rule) string {
	var week [7][]index.Span
	for _, r := range rules {
		for _, d := range r.Days {
			week[d] = append(week[d], r.Span)
		}
	}
	var parts []string
	done := [7]bool{}
	for d := range 7 {
		if done[d] || len(week[d]) == 0 {
			continue
		}
		slices.SortFunc(week[d], func(a, b index.Span) int { return a.From - b.From })
		var same []int
		for e := d; e < 7; e++ {
			if !done[e] && slices.Equal(sortedSpans(week[e]), week[d]) {
				same, done[e] = append(same, e), true
			}
		}
		spans := make([]string, len(week[d]))
		for i, s := range week[d] {
			spans[i] = s.String()
		}
		parts = append(parts, dayList(same)+" "+strings.Join(spans, ","))
	}
	return strings.Join(parts, "; ")
}

func sortedSpans(s []index.Span) []index.Span {
	out := slices.Clone(s)
	slices.SortFunc(out, func(a, b index.Span) int { return a.From - b.From })
	return out
}

// dayList writes weekdays in OpenStreetMap style, runs of three or more
// as ranges: Mo-We,Fr.
func dayList(days []int) string {
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, index.DayCodes[days[i]]+"-"+index.DayCodes[days[j]])
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, index.DayCodes[days[k]])
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// sameWeek reports whether two schedules open at the same times.
func sameWeek(a, b index.Hours) bool {
	for d := range 7 {
		if !slices.Equal(sortedSpans(a.Day(d)), sortedSpans(b.Day(d))) {
			return false
		}
	}
	return true
}
