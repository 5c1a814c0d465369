package synth

import (
	"fmt"
	"strings"
)

// Germany's bounding box: synthetic towns lie inside it.
const (
	minLat, maxLat = 47.3, 55.0
	minLon, maxLon = 6.0, 15.0
	lands          = 16
)

// town is a synthetic place with a random position.
type town struct {
	name     string
	lat, lon float64
}

// district is a synthetic district or city with its towns.
type district struct {
	id, name string
	land     int
	city     bool
	towns    []town
}

// Syllables of synthetic town names: they read like German place names
// ("Eichhausen", "Neu-Lindstedt") without being real ones.
var (
	namePrefixes = []string{"", "", "", "Neu-", "Alt-", "Ober", "Nieder", "Groß ", "Klein ", "Bad "}
	nameStems    = []string{"Eich", "Lind", "Ros", "Wal", "Sonn", "Mühl", "Stein", "Hasel", "Bir", "Erl", "Wied", "Fal", "Hag", "Tann", "Wies", "Kron", "Brom", "Ulm", "Fich", "Esch"}
	nameEndings  = []string{"hausen", "dorf", "stedt", "burg", "feld", "heim", "bach", "berg", "rode", "büttel", "leben", "au", "ingen", "hagen", "werder", "kirchen"}
)

// geography makes the districts for about n services: a district or city
// per 250 services (at least 8, at most 400), 4 to 14 towns each.
func (g *generator) geography(n int) []district {
	count := min(400, max(8, n/250))
	seen := map[string]bool{}
	name := func() string {
		for {
			p, stem := pick(g.rnd, namePrefixes), pick(g.rnd, nameStems)
			if p == "Ober" || p == "Nieder" {
				stem = strings.ToLower(stem)
			}
			s := p + stem + pick(g.rnd, nameEndings)
			if !seen[s] {
				seen[s] = true
				return s
			}
			s = fmt.Sprintf("%s %d", s, g.rnd.IntN(90)+10)
			if !seen[s] {
				seen[s] = true
				return s
			}
		}
	}
	ds := make([]district, count)
	for i := range ds {
		centre := town{name(), minLat + g.rnd.Float64()*(maxLat-minLat), minLon + g.rnd.Float64()*(maxLon-minLon)}
		d := district{land: i % lands, city: g.rnd.IntN(4) == 0, towns: []town{centre}}
		if d.city {
			d.id, d.name = "synth-city-"+slug(centre.name), centre.name
		} else {
			d.id, d.name = "synth-lk-"+slug(centre.name), "Landkreis "+centre.name
		}
		for range 3 + g.rnd.IntN(11) {
			d.towns = append(d.towns, town{name(), clampLat(centre.lat + (g.rnd.Float64()-0.5)*0.4), clampLon(centre.lon + (g.rnd.Float64()-0.5)*0.6)})
		}
		ds[i] = d
	}
	return ds
}

func clampLat(x float64) float64 { return min(maxLat, max(minLat, x)) }
func clampLon(x float64) float64 { return min(maxLon, max(minLon, x)) }

// slug makes an id from a name.
func slug(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", " ", "-")
	s = strings.ToLower(r.Replace(s))
	var b strings.Builder
	for _, c := range s {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' {
			b.WriteRune(c)
		}
	}
	return strings.Trim(b.String(), "-")
}

// landID is the id of a synthetic Land.
func landID(i int) string { return fmt.Sprintf("synth-land-%02d", i+1) }

// areasFile writes areas.toml: Germany, its Länder and the districts.
func areasFile(ds []district) []byte {
	var b strings.Builder
	b.WriteString("# Synthetic areas written by `wegweiser synth`: not real places.\n\n")
	b.WriteString("[bounds]\nmin_lat = 47.3\nmax_lat = 55.0\nmin_lon = 6.0\nmax_lon = 15.0\n\n")
	var landIDs []string
	for i := range lands {
		landIDs = append(landIDs, landID(i))
	}
	area(&b, "deutschland", "country", "Deutschland (synthetisch)", "", nil, landIDs)
	for i := range lands {
		var inc []string
		for _, d := range ds {
			if d.land == i {
				inc = append(inc, d.id)
			}
		}
		area(&b, landID(i), "state", fmt.Sprintf("Synthetisches Land %02d", i+1), "", nil, inc)
	}
	for _, d := range ds {
		kind := "district"
		if d.city {
			kind = "city"
		}
		var places []string
		for _, t := range d.towns {
			places = append(places, t.name)
		}
		area(&b, d.id, kind, d.name, d.towns[0].name, places, nil)
	}
	return []byte(b.String())
}

func area(b *strings.Builder, id, kind, name, centre string, places, includes []string) {
	fmt.Fprintf(b, "[[area]]\nid = %q\nkind = %q\nname = { de = %q, en = %q }\n", id, kind, name, name)
	if centre != "" {
		fmt.Fprintf(b, "centre = %q\n", centre)
	}
	if len(places) > 0 {
		fmt.Fprintf(b, "places = %s\n", quoteList(places))
	}
	if len(includes) > 0 {
		fmt.Fprintf(b, "includes = %s\n", quoteList(includes))
	}
	b.WriteString("\n")
}

// placesFile writes geo/places.csv with every town.
func placesFile(ds []district) []byte {
	var b strings.Builder
	b.WriteString("name,lat,lon\n")
	for _, d := range ds {
		for _, t := range d.towns {
			fmt.Fprintf(&b, "%s,%.5f,%.5f\n", t.name, t.lat, t.lon)
		}
	}
	return []byte(b.String())
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
