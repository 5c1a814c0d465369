package index

import (
	"reflect"
	"testing"
)

// TestDecodedMapsAreShared: equal texts and word lists are decoded into
// one map (byLanguage), others into maps of their own, and an empty one is
// nil. Maps of several languages are encoded in the order of their codes,
// whatever order Go iterates them in, so equal ones are shared too.
func TestDecodedMapsAreShared(t *testing.T) {
	orgs := []*Organization{
		{ID: "a", Name: Text{"de": "Beratung"}, Description: Text{"en": "Same"},
			Services: []Service{{ID: "s", Name: Text{"de": "Beratung"}, Keywords: Words{"de": {"Arbeit", "Lohn"}}}}},
		{ID: "b", Name: Text{"de": "Anders"}, Description: Text{"en": "Same"},
			Services: []Service{{ID: "s", Name: Text{"uk": "Beratung"}, Keywords: Words{"de": {"Arbeit", "Lohn"}}},
				{ID: "t", Keywords: Words{"de": {"Arbeit"}}}}},
	}
	for range 20 {
		orgs = append(orgs, &Organization{ID: "c", Name: Text{"de": "x", "en": "y", "ar": "z", "uk": "w"},
			Description: Text{"uk": "w", "ar": "z", "en": "y", "de": "x"}})
	}
	got, err := encodeRecords(orgs, 1).decode()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range got[2:] {
		if !sameMap(o.Name, got[2].Name) || !sameMap(o.Description, got[2].Name) {
			t.Fatal("equal texts of four languages decoded into maps of their own")
		}
	}
	a, b := got[0], got[1]
	for _, tc := range []struct {
		name   string
		x, y   any
		shared bool
	}{
		{"equal descriptions", a.Description, b.Description, true},
		{"an organization's name and a service's", a.Name, a.Services[0].Name, true},
		{"equal word lists", a.Services[0].Keywords, b.Services[0].Keywords, true},
		{"other names", a.Name, b.Name, false},
		{"the same text in another language", a.Name, b.Services[0].Name, false},
		{"a shorter word list", a.Services[0].Keywords, b.Services[1].Keywords, false},
	} {
		if got := sameMap(tc.x, tc.y); got != tc.shared {
			t.Errorf("%s: shared %v, want %v", tc.name, got, tc.shared)
		}
		if !reflect.DeepEqual(tc.x, tc.y) && tc.shared {
			t.Errorf("%s: %v and %v shared but differ", tc.name, tc.x, tc.y)
		}
	}
	if b.Services[1].Name != nil {
		t.Errorf("an empty name decoded as %#v, want nil", b.Services[1].Name)
	}
}

// sameMap reports whether x and y are one map.
func sameMap(x, y any) bool {
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	return !vx.IsNil() && vx.UnsafePointer() == vy.UnsafePointer()
}
