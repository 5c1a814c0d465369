package hsds

import (
	"regexp"
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// clockPattern reads opens_at and closes_at: HH:MM, with seconds and a
// zone or not.
var clockPattern = regexp.MustCompile(`^([01][0-9]|2[0-4]):([0-5][0-9])(:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$`)

// openingHours turns a location's weekly schedules into OpenStreetMap
// opening_hours: its description when that is OpenStreetMap syntax that
// opens at the same times as the rules (Wegweiser's own export), else
// written from the rules. Rules it cannot read are reported.
func (im *Importer) openingHours(schedules []Schedule, what string) string {
	var rules []Rule
	description := ""
	for _, s := range schedules {
		if s.OpensAt == "" && s.ClosesAt == "" && s.Byday == "" {
			continue // a note alone
		}
		r, ok := im.rule(s, what)
		if !ok {
			continue
		}
		rules = append(rules, r)
		description = s.Description
	}
	if len(rules) == 0 {
		return ""
	}
	if h, err := index.ParseHours(description); err == nil {
		if want, err := index.ParseHours(HoursText(rules)); err == nil && sameWeek(h, want) {
			return description
		}
	}
	return HoursText(rules)
}

// rule reads one weekly rule; zones are dropped (the times are taken as
// local time in Europe/Berlin, and the report says so).
func (im *Importer) rule(s Schedule, what string) (Rule, bool) {
	if s.Freq != "" && s.Freq != "WEEKLY" {
		im.notef("%s: schedule %q not mapped: freq %s (Wegweiser's opening hours repeat weekly)", what, s.Description, s.Freq)
		return Rule{}, false
	}
	days, err := ParseByday(s.Byday)
	from, okFrom := minutes(s.OpensAt)
	to, okTo := minutes(s.ClosesAt)
	if err != nil || !okFrom || !okTo || to <= from {
		im.notef("%s: schedule %q not mapped: byday %q, opens_at %q, closes_at %q are not a weekly opening span", what, s.Description, s.Byday, s.OpensAt, s.ClosesAt)
		return Rule{}, false
	}
	if m := clockPattern.FindStringSubmatch(s.OpensAt); m[5] != "" {
		im.notef("%s: opening times with a zone (%s) taken as local time in Europe/Berlin", what, s.OpensAt)
	}
	return Rule{Days: days, Span: index.Span{From: from, To: to}}, true
}

func minutes(clock string) (int, bool) {
	m := clockPattern.FindStringSubmatch(clock)
	if m == nil {
		return 0, false
	}
	h := int(m[1][0]-'0')*10 + int(m[1][1]-'0')
	min := int(m[2][0]-'0')*10 + int(m[2][1]-'0')
	if h == 24 && min > 0 {
		return 0, false
	}
	if h == 23 && min == 59 && strings.HasPrefix(m[3], ":59") {
		return 24 * 60, true // the end of the day, as written by clock
	}
	return h*60 + min, true
}
