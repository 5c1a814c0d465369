package index

import (
	"fmt"
	"testing"
)

func TestSampleOrganizations(t *testing.T) {
	var orgs []*Organization
	for i := range 1000 {
		orgs = append(orgs, &Organization{ID: fmt.Sprint(i), Services: make([]Service, 3)})
	}
	if got := sampleOrganizations(orgs, 5000); len(got) != 1000 {
		t.Errorf("below the sample size: %d organizations, want all 1000", len(got))
	}
	got := sampleOrganizations(orgs, 300)
	if len(got) < 95 || len(got) > 105 {
		t.Errorf("%d organizations for 300 services of 3000, want about 100", len(got))
	}
	if got[len(got)-1].ID == "99" {
		t.Errorf("the sample ends at %s: want a spread over all organizations", got[len(got)-1].ID)
	}
}
