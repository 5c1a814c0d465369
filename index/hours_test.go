package index

import (
	"testing"
	"time"
)

func TestParseHours(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	// 2026-11-23 is a Monday.
	tests := []struct {
		name, hours string
		at          time.Time
		open        bool
		next        string
	}{
		{"open monday morning", "Mo 09:00-12:00; Tu 09:00-12:00,14:00-16:00; Th 09:00-12:00; Fr 09:00-13:00", at("2026-11-23 10:00"), true, "2026-11-24 09:00"},
		{"tuesday afternoon span", "Mo 09:00-12:00; Tu 09:00-12:00,14:00-16:00", at("2026-11-24 12:30"), false, "2026-11-24 14:00"},
		{"closed wednesday, next thursday", "Mo-Fr 09:00-12:00; We off", at("2026-11-25 10:00"), false, "2026-11-26 09:00"},
		{"weekend wraps to monday", "Mo-Fr 08:00-16:00", at("2026-11-28 10:00"), false, "2026-11-30 08:00"},
		{"range over sunday", "Sa-Mo 10:00-11:00", at("2026-11-29 10:30"), true, "2026-11-30 10:00"},
		{"24/7", "24/7", at("2026-11-25 03:00"), true, "2026-11-26 00:00"},
		{"public holidays accepted", "Mo-Fr 09:00-12:00; PH off", at("2026-11-27 11:59"), true, "2026-11-30 09:00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ParseHours(tc.hours)
			if err != nil {
				t.Fatalf("ParseHours(%q): %v", tc.hours, err)
			}
			if got := h.OpenAt(tc.at); got != tc.open {
				t.Errorf("OpenAt = %v, want %v", got, tc.open)
			}
			next, ok := h.NextOpen(tc.at)
			if !ok || next.Format("2006-01-02 15:04") != tc.next {
				t.Errorf("NextOpen = %v %v, want %s", next, ok, tc.next)
			}
		})
	}
}

func TestParseHoursRejects(t *testing.T) {
	for _, bad := range []string{"", "Mo 9-12", "Xx 09:00-12:00", "Mo 12:00-09:00", "Mo 09:00", "Mo 25:00-26:00", "Mo-Fr 09:00-12:00 14:00-16:00", "SH off"} {
		if _, err := ParseHours(bad); err == nil {
			t.Errorf("ParseHours(%q) = nil error, want an error", bad)
		}
	}
}
