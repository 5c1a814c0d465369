package index

import (
	"math"
)

// byDistance orders the first k hits by their nearest location; services
// without one (online only) come last. A service may have several
// locations, so the distance is computed here rather than by bleve's geo
// sort, which sorts a multi-valued field by one arbitrary point.
func (ix *Index) byDistance(hits []scored, p Point, k int) {
	dist := make(map[int32]float64, len(hits))
	for _, h := range hits {
		d, _ := ix.nearestOf(&ix.entries[h.ord], p)
		dist[h.ord] = d
	}
	topK(hits, k, func(a, b scored) bool {
		if dist[a.ord] != dist[b.ord] {
			return dist[a.ord] < dist[b.ord]
		}
		return ix.before(a, b)
	})
}

// addDistances sets each hit's distance to p, rounded to 100 m.
func (ix *Index) addDistances(hits []Hit, p Point) {
	for i := range hits {
		d, approx := ix.nearestOf(&ix.entries[ix.byDoc[hits[i].DocID()]], p)
		hits[i].DistanceApproximate = approx
		if !math.IsInf(d, 1) {
			r := math.Round(d*10) / 10
			hits[i].DistanceKM = &r
		}
	}
}

// nearestOf is the distance in km from p to the service's nearest
// location with a position (+Inf for none), and whether that position is a
// place's centre.
func (ix *Index) nearestOf(e *entry, p Point) (float64, bool) {
	best, approx := math.Inf(1), false
	for _, pos := range e.positions {
		if d := haversineKM(p, pos.Point); d < best {
			best, approx = d, pos.approximate
		}
	}
	return best, approx
}

// position is a location's position, with whether it is a place's centre.
type position struct {
	Point
	approximate bool
}

// positions are the positions of a service's locations that have one.
func (ix *Index) positions(ref ServiceRef) []position {
	var out []position
	for _, l := range ref.Locations() {
		if lat, lon, a, ok := ix.Coordinates(l); ok {
			out = append(out, position{Point{lat, lon}, a})
		}
	}
	return out
}

// Coordinates returns a location's position; approximate is true when it is
// the centre of its place rather than a stated position.
func (ix *Index) Coordinates(l Location) (lat, lon float64, approximate, ok bool) {
	if l.Lat != nil && l.Lon != nil {
		return *l.Lat, *l.Lon, false, true
	}
	if p, found := ix.dir.Places[l.Place]; found {
		return p.Lat, p.Lon, true, true
	}
	return 0, 0, false, false
}

func haversineKM(a, b Point) float64 {
	const earthRadiusKM = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKM * math.Asin(math.Sqrt(h))
}
