package index

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"strconv"
)

// Place is the centre of a town or city district (GeoNames, CC BY 4.0).
type Place struct {
	Name     string
	Lat, Lon float64
}

// Bounds is the box in which the directory's places and coordinates lie:
// a coordinate outside it is almost certainly a typo (swapped lat/lon, a
// dropped digit). areas.toml may set it in a [bounds] table, for a
// directory of another region or of all of Germany.
type Bounds struct {
	MinLat float64 `toml:"min_lat"`
	MaxLat float64 `toml:"max_lat"`
	MinLon float64 `toml:"min_lon"`
	MaxLon float64 `toml:"max_lon"`
}

// regionBounds is the Region Braunschweig's box, as in ../shared/geo.
var regionBounds = Bounds{MinLat: 51.75, MaxLat: 52.75, MinLon: 9.95, MaxLon: 11.25}

func (b Bounds) contain(lat, lon float64) bool {
	return lat >= b.MinLat && lat <= b.MaxLat && lon >= b.MinLon && lon <= b.MaxLon
}

// loadPlaces reads geo/places.csv: name,lat,lon with a header line.
func loadPlaces(fsys fs.FS, path string, bounds Bounds) (map[string]Place, []Problem) {
	src, p := readLimited(fsys, path, maxVocabFileBytes)
	if p != nil {
		return nil, []Problem{*p}
	}
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = 3
	places := map[string]Place{}
	var problems []Problem
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			problems = append(problems, Problem{File: path, Line: line, Message: err.Error()})
			continue
		}
		if first {
			continue
		}
		lat, errLat := strconv.ParseFloat(rec[1], 64)
		lon, errLon := strconv.ParseFloat(rec[2], 64)
		if errLat != nil || errLon != nil || !bounds.contain(lat, lon) {
			problems = append(problems, Problem{File: path, Line: line, Message: fmt.Sprintf("place %q: coordinates %q,%q are not numbers inside the bounds (lat %g-%g, lon %g-%g)", rec[0], rec[1], rec[2], bounds.MinLat, bounds.MaxLat, bounds.MinLon, bounds.MaxLon)})
			continue
		}
		places[rec[0]] = Place{Name: rec[0], Lat: lat, Lon: lon}
	}
	return places, problems
}
