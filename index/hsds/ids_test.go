package hsds

import (
	"testing"

	"github.com/google/uuid"
)

func TestNamespace(t *testing.T) {
	if got := uuid.NewSHA1(uuid.NameSpaceURL, []byte(namespaceURL)); got != Namespace {
		t.Errorf("Namespace = %s, but %s derives %s", Namespace, namespaceURL, got)
	}
}

func TestIDStableAndDistinct(t *testing.T) {
	a := ID("service", "caritas-braunschweig", "mbe")
	if a != ID("service", "caritas-braunschweig", "mbe") {
		t.Fatal("the same key gave two ids")
	}
	if u, err := uuid.Parse(a); err != nil || u.Version() != 5 {
		t.Errorf("%s: not a UUIDv5 (%v)", a, err)
	}
	for _, other := range []string{ID("organization", "caritas-braunschweig", "mbe"), ID("service", "caritas-braunschweig/mbe", ""), ID("service", "caritas-braunschweig", "mbe2")} {
		if other == a {
			t.Errorf("two keys share the id %s", a)
		}
	}
}
