package index

import "testing"

// A service with no office in the region (a national course finder, a
// hotline) ranks after one placed in the region for a town named too, as
// it does for a query naming none.
func TestRemoteServiceForANamedTown(t *testing.T) {
	ix := &Index{}
	svc := &Service{Areas: []string{"niedersachsen"}}
	ref := ServiceRef{Org: &Organization{}, Service: svc}
	remote := entry{ref: ref, served: []string{"niedersachsen", "gifhorn"}}
	placed := entry{ref: ref, served: []string{"niedersachsen", "gifhorn"}, located: []string{"braunschweig"}}
	areas := []string{"gifhorn"}
	if r, p := ix.placeWeight(&remote, areas, nil), ix.placeWeight(&placed, areas, nil); r >= p {
		t.Errorf("place weight for gifhorn: remote %.2f, placed elsewhere in the region %.2f; want the remote lower", r, p)
	}
}
