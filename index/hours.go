package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Hours is a weekly opening schedule parsed from the OpenStreetMap
// opening_hours syntax. It supports the part of the syntax that office hours
// use: rules separated by ";", weekday selectors ("Mo", "Mo-Fr", "Mo,We"),
// time spans ("09:00-12:00,14:00-16:00"), "off"/"closed", "24/7" and
// "PH off" (accepted; public holidays are not modelled). Later rules replace
// earlier ones for the days they name, as in OpenStreetMap.
// See docs/decisions/opening-hours.md for why this is not a library.
type Hours struct {
	week [7][]Span // Monday first
}

// Span is an opening span within one day, in minutes since midnight.
type Span struct{ From, To int }

func (s Span) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", s.From/60, s.From%60, s.To/60, s.To%60)
}

// DayCodes are the OpenStreetMap weekday abbreviations, Monday first.
var DayCodes = []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}

// ParseHours parses an opening_hours value.
func ParseHours(s string) (Hours, error) {
	var h Hours
	if strings.TrimSpace(s) == "" {
		return h, fmt.Errorf("opening hours are empty")
	}
	for _, rule := range strings.Split(s, ";") {
		if err := h.apply(strings.TrimSpace(rule)); err != nil {
			return Hours{}, fmt.Errorf("opening hours %q: %w", rule, err)
		}
	}
	return h, nil
}

func (h *Hours) apply(rule string) error {
	if rule == "" {
		return nil
	}
	if rule == "24/7" {
		for d := range h.week {
			h.week[d] = []Span{{0, 24 * 60}}
		}
		return nil
	}
	fields := strings.Fields(rule)
	if fields[0] == "PH" {
		if len(fields) == 2 && (fields[1] == "off" || fields[1] == "closed") {
			return nil
		}
		return fmt.Errorf(`only "PH off" is supported for public holidays`)
	}
	days := []int{0, 1, 2, 3, 4, 5, 6}
	if dayIndex(fields[0][:min(2, len(fields[0]))]) >= 0 {
		var err error
		if days, err = parseDays(fields[0]); err != nil {
			return err
		}
		fields = fields[1:]
	}
	if len(fields) != 1 {
		return fmt.Errorf("want days and times such as \"Mo-Fr 09:00-12:00\"")
	}
	var spans []Span
	if fields[0] != "off" && fields[0] != "closed" {
		var err error
		if spans, err = parseSpans(fields[0]); err != nil {
			return err
		}
	}
	for _, d := range days {
		h.week[d] = spans
	}
	return nil
}

func parseDays(s string) ([]int, error) {
	var days []int
	for _, part := range strings.Split(s, ",") {
		from, to, isRange := strings.Cut(part, "-")
		a, b := dayIndex(from), dayIndex(to)
		if !isRange {
			b = a
		}
		if a < 0 || b < 0 {
			return nil, fmt.Errorf("unknown weekday in %q (use Mo Tu We Th Fr Sa Su)", part)
		}
		for d := a; ; d = (d + 1) % 7 {
			days = append(days, d)
			if d == b {
				break
			}
		}
	}
	return days, nil
}

func dayIndex(s string) int {
	for i, c := range DayCodes {
		if c == s {
			return i
		}
	}
	return -1
}

func parseSpans(s string) ([]Span, error) {
	var spans []Span
	for _, part := range strings.Split(s, ",") {
		from, to, ok := strings.Cut(part, "-")
		if !ok {
			return nil, fmt.Errorf("time span %q needs a start and an end", part)
		}
		a, errA := parseClock(from)
		b, errB := parseClock(to)
		if errA != nil || errB != nil {
			return nil, fmt.Errorf("time span %q: times are HH:MM", part)
		}
		if b <= a {
			return nil, fmt.Errorf("time span %q ends before it starts", part)
		}
		spans = append(spans, Span{a, b})
	}
	return spans, nil
}

func parseClock(s string) (int, error) {
	hh, mm, ok := strings.Cut(s, ":")
	if !ok || len(hh) != 2 || len(mm) != 2 {
		return 0, fmt.Errorf("bad time")
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h > 24 || m > 59 || (h == 24 && m > 0) {
		return 0, fmt.Errorf("bad time")
	}
	return h*60 + m, nil
}

// Day returns the spans of a weekday, 0 = Monday.
func (h Hours) Day(d int) []Span { return h.week[d] }

// OpenAt says whether the schedule is open at t (in t's own time zone).
func (h Hours) OpenAt(t time.Time) bool {
	m := t.Hour()*60 + t.Minute()
	for _, s := range h.week[weekday(t)] {
		if m >= s.From && m < s.To {
			return true
		}
	}
	return false
}

// NextOpen returns the start of the next opening span after t, within a week.
func (h Hours) NextOpen(t time.Time) (time.Time, bool) {
	m := t.Hour()*60 + t.Minute()
	midnight := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	for offset := 0; offset <= 7; offset++ {
		day := midnight.AddDate(0, 0, offset)
		for _, s := range h.week[weekday(day)] {
			if offset > 0 || s.From > m {
				return day.Add(time.Duration(s.From) * time.Minute), true
			}
		}
	}
	return time.Time{}, false
}

func weekday(t time.Time) int { return (int(t.Weekday()) + 6) % 7 }
