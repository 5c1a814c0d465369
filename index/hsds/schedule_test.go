package hsds

import (
	"strings"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

func TestRulesRoundTrip(t *testing.T) {
	for _, tc := range []struct{ in, byday, back string }{
		// A later rule replaces an earlier one for the days it names.
		{"Mo-Th 09:00-12:00; We 14:00-17:00", "MO,TU,TH 09:00-12:00 | WE 14:00-17:00", "Mo,Tu,Th 09:00-12:00; We 14:00-17:00"},
		{"Mo-Th 09:00-12:00; We 09:00-12:00,14:00-17:00", "MO,TU,WE,TH 09:00-12:00 | WE 14:00-17:00", "Mo,Tu,Th 09:00-12:00; We 09:00-12:00,14:00-17:00"},
		{"Mo-Fr 08:00-12:30", "MO,TU,WE,TH,FR 08:00-12:30", "Mo-Fr 08:00-12:30"},
		{"Mo,We 08:00-12:00; Tu 13:00-15:00; Fr 08:00-12:00", "MO,WE,FR 08:00-12:00 | TU 13:00-15:00", "Mo,We,Fr 08:00-12:00; Tu 13:00-15:00"},
		{"Mo-Su 00:00-24:00; Sa off", "MO,TU,WE,TH,FR,SU 00:00-24:00", "Mo-Fr,Su 00:00-24:00"},
	} {
		h, err := index.ParseHours(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		rules := Rules(h)
		var got []string
		for _, r := range rules {
			got = append(got, r.Byday()+" "+r.Span.String()[:5]+"-"+r.Span.String()[6:])
		}
		if s := strings.Join(got, " | "); s != tc.byday {
			t.Errorf("%q: rules %q, want %q", tc.in, s, tc.byday)
		}
		back := HoursText(rules)
		if back != tc.back {
			t.Errorf("%q: back as %q, want %q", tc.in, back, tc.back)
		}
		h2, err := index.ParseHours(back)
		if err != nil || !sameWeek(h, h2) {
			t.Errorf("%q: %q opens at other times (%v)", tc.in, back, err)
		}
	}
}

func TestParseByday(t *testing.T) {
	if d, err := ParseByday("MO, we,SU"); err != nil || len(d) != 3 || d[1] != 2 || d[2] != 6 {
		t.Errorf("got %v, %v", d, err)
	}
	if _, err := ParseByday("1SA"); err == nil {
		t.Error("an ordinal weekday was accepted as a weekly rule")
	}
}
