package index

import "slices"

// limitedTo checks a service's limited_to: each name must be a place or
// locality (data/areas.toml) of an area the service serves, so that a
// misspelt town is an error at its line, not a service silently serving
// nobody.
func (f file) limitedTo(key string, s Service) {
	if len(s.LimitedTo) == 0 || !f.v.loaded[areasFile] {
		return
	}
	names := placesWithin(f.v.dir.Areas, s.Areas)
	for _, p := range s.LimitedTo {
		if !names[p] {
			f.errorf(key+".limited_to", "service %s: limited_to %q is not a place or locality of its areas %v in %s", s.ID, p, s.Areas, areasFile)
		}
	}
}

// placesWithin is every place and locality of the areas ids and of the
// areas they include.
func placesWithin(areas []Area, ids []string) map[string]bool {
	within := containingAreas(areas)
	names := map[string]bool{}
	for _, a := range areas {
		if !slices.ContainsFunc(ids, func(id string) bool { return slices.Contains(within[id], a.ID) }) {
			continue
		}
		for _, p := range append(slices.Clone(a.Places), a.Localities...) {
			names[p] = true
		}
	}
	return names
}
