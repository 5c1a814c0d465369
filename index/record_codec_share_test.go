package index

import (
	"reflect"
	"testing"
)

// TestDecodedMapsAreShared: texts and word lists encoded alike are decoded
// into one map (byLanguage), others into maps of their own, and an empty
// one is nil. Maps of one language are used: a map of several is encoded
// in Go's order of iteration, which two equal maps need not share.
func TestDecodedMapsAreShared(t *testing.T) {
	orgs := []*Organization{
		{ID: "a", Name: Text{"de": "Beratung"}, Description: Text{"en": "Same"},
			Services: []Service{{ID: "s", Name: Text{"de": "Beratung"}, Keywords: Words{"de": {"Arbeit", "Lohn"}}}}},
		{ID: "b", Name: Text{"de": "Anders"}, Description: Text{"en": "Same"},
			Services: []Service{{ID: "s", Name: Text{"uk": "Beratung"}, Keywords: Words{"de": {"Arbeit", "Lohn"}}},
				{ID: "t", Keywords: Words{"de": {"Arbeit"}}}}},
	}
	got, err := encodeRecords(orgs, 1).decode()
	if err != nil {
		t.Fatal(err)
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
