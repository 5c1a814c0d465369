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

// The region's bounding box, as in ../shared/geo: coordinates outside it are
// almost certainly typos (swapped lat/lon, a dropped digit).
const (
	minLat, maxLat = 51.75, 52.75
	minLon, maxLon = 9.95, 11.25
)

func inRegion(lat, lon float64) bool {
	return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon
}

// loadPlaces reads geo/places.csv: name,lat,lon with a header line.
func loadPlaces(fsys fs.FS, path string) (map[string]Place, []Problem) {
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
		if errLat != nil || errLon != nil || !inRegion(lat, lon) {
			problems = append(problems, Problem{File: path, Line: line, Message: fmt.Sprintf("place %q: coordinates %q,%q are not numbers inside the region", rec[0], rec[1], rec[2])})
			continue
		}
		places[rec[0]] = Place{Name: rec[0], Lat: lat, Lon: lon}
	}
	return places, problems
}
