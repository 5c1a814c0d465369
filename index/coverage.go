package index

import (
	"fmt"
	"slices"
	"strings"
)

// Offices a service can be responsible for (responsible_for): the
// authorities people are sent to by law, by where they live.
var responsibilities = []string{"auslaenderbehoerde", "jobcenter", "agentur-fuer-arbeit"}

// responsible checks the responsible_for list of a service: known offices,
// and areas to be responsible for.
func (f file) responsible(key string, s Service) {
	for _, r := range s.ResponsibleFor {
		if !slices.Contains(responsibilities, r) {
			f.errorf(key+".responsible_for", "service %s: %q is not one of %s", s.ID, r, strings.Join(responsibilities, ", "))
		}
	}
}

// coverage checks that every city and district has a service responsible
// for each office areas.toml requires (required_offices), so that nobody in
// Gifhorn is sent to Braunschweig's Ausländerbehörde. A service responsible
// for an area is responsible for the areas it includes.
func (v *validator) coverage(kp *keyPositions) {
	if kp == nil || len(v.dir.RequiredOffices) == 0 {
		return
	}
	f := file{v, areasFile, kp}
	for _, r := range v.dir.RequiredOffices {
		if !slices.Contains(responsibilities, r) {
			f.errorf("required_offices", "required_offices: %q is not one of %s", r, strings.Join(responsibilities, ", "))
		}
	}
	within := containingAreas(v.dir.Areas)
	covered := map[string]map[string]bool{} // office -> area -> covered
	for _, o := range v.dir.Organizations {
		for _, s := range o.Services {
			for _, r := range s.ResponsibleFor {
				if covered[r] == nil {
					covered[r] = map[string]bool{}
				}
				for _, a := range s.Areas {
					for _, in := range within[a] {
						covered[r][in] = true
					}
				}
			}
		}
	}
	for i, a := range v.dir.Areas {
		if a.Kind != "city" && a.Kind != "district" {
			continue
		}
		for _, r := range v.dir.RequiredOffices {
			if !covered[r][a.ID] {
				f.errorf(fmt.Sprintf("area.%d.id", i), "area %s has no responsible %s: set responsible_for = [%q] on the service of the office that is (and its areas)", a.ID, r, r)
			}
		}
	}
}
