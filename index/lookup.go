package index

import "time"

// Service finds a service by organization and service id.
func (ix *Index) Service(orgID, serviceID string) (ServiceRef, bool) {
	ord, ok := ix.byDoc[orgID+"/"+serviceID]
	if !ok {
		return ServiceRef{}, false
	}
	return ix.entries[ord].ref, true
}

// Organization finds an organization by id.
func (ix *Index) Organization(id string) (*Organization, bool) {
	o, ok := ix.orgs[id]
	return o, ok
}

// Topic, Group and Area look up vocabulary entries by id.
func (ix *Index) Topic(id string) (*Topic, bool) { t, ok := ix.topics[id]; return t, ok }

// Group looks up a target group by id.
func (ix *Index) Group(id string) (*Group, bool) { g, ok := ix.groups[id]; return g, ok }

// Area looks up an area by id.
func (ix *Index) Area(id string) (*Area, bool) { a, ok := ix.areas[id]; return a, ok }

// TopicCounts counts the services of each topic.
func (ix *Index) TopicCounts() map[string]int {
	counts := map[string]int{}
	for _, e := range ix.entries {
		for _, t := range e.ref.Service.Topics {
			counts[t]++
		}
	}
	return counts
}

// Berlin is the time zone of every opening hour in the data.
func Berlin() *time.Location { return berlin }

// Hours returns a location's parsed opening hours; false when it has none.
func (ix *Index) Hours(org *Organization, l Location) (Hours, bool) {
	h, ok := ix.hours[org.ID+"/"+l.ID]
	return h, ok
}
