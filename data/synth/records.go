package synth

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"
)

// Words of synthetic organization names and kinds.
var (
	carriers = []string{"Beratungsnetz", "Migrationsdienst", "Integrationsbüro", "Bildungswerk", "Verein Ankommen",
		"Stadtteilzentrum", "Fachstelle", "Kreisverwaltung", "Servicezentrum", "Netzwerk Vielfalt"}
	orgKinds   = []string{"counselling", "counselling", "counselling", "authority", "education", "association", "network", "chamber"}
	otherLangs = []string{"ar", "uk", "ru", "tr", "fa", "pl", "ro", "bg"}
	spoken     = []string{"en", "ar", "uk", "ru", "tr", "fa", "pl", "ro", "bg", "fr", "es", "ku", "ti", "vi"}
	hours      = []string{"Mo-Fr 09:00-12:00", "Mo,We 09:00-12:00; Th 14:00-17:00", "Tu-Th 10:00-16:00", "Mo-Th 08:30-15:30; Fr 08:30-12:00", "We 14:00-18:00"}
)

// epoch is the date synthetic facts are dated back from.
var epoch = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// directory writes a whole synthetic data folder with about n services.
func (g *generator) directory(n int) Files {
	ds := g.geography(n)
	out := Files{"areas.toml": areasFile(ds), "geo/places.csv": placesFile(ds)}
	for i, services := 0, 0; services < n; i++ {
		k := min(n-services, 1+g.rnd.IntN(5))
		id := fmt.Sprintf("synth-%06d", i+1)
		out["organizations/"+id+".toml"] = g.organization(id, pick(g.rnd, ds), k)
		services += k
	}
	return out
}

// withVocabularies adds the real topics and groups to a synthetic folder.
func withVocabularies(out Files, real fs.FS) error {
	for _, name := range []string{"topics.toml", "groups.toml"} {
		b, err := fs.ReadFile(real, name)
		if err != nil {
			return err
		}
		out[name] = b
	}
	return nil
}

// organization writes one synthetic provider in district d with k services.
func (g *generator) organization(id string, d district, k int) []byte {
	home := pick(g.rnd, d.towns)
	var b strings.Builder
	url := "https://synth.invalid/" + id
	asOf := epoch.AddDate(0, -g.rnd.IntN(48), 0).Format("2006-01-02")
	name := pick(g.rnd, carriers) + " " + home.name
	fmt.Fprintf(&b, "# Synthetic record written by `wegweiser synth`: not a real provider.\n")
	fmt.Fprintf(&b, "name = { de = %q, en = %q }\n", name+" (synthetisch)", name+" (synthetic)")
	fmt.Fprintf(&b, "kind = %q\n", pick(g.rnd, orgKinds))
	fmt.Fprintf(&b, "description = { de = %q, en = %q }\n",
		"Synthetischer Eintrag für Messungen: ein Anbieter in "+home.name+", "+d.name+".",
		"Synthetic record for measurements: a provider in "+home.name+", "+d.name+".")
	fmt.Fprintf(&b, "website = { url = %q, as_of = %s, source = %q }\n", url, asOf, url)
	fmt.Fprintf(&b, "source = [%q]\nverified = %s\n\n", url, asOf)
	locs := []town{home}
	if g.rnd.IntN(4) == 0 {
		locs = append(locs, pick(g.rnd, d.towns))
	}
	for i, t := range locs {
		fmt.Fprintf(&b, "[[locations]]\nid = \"l%d\"\ncity = %q\narea = %q\nplace = %q\nas_of = %s\nsource = %q\n", i+1, t.name, d.id, t.name, asOf, url)
		if g.rnd.IntN(3) > 0 {
			fmt.Fprintf(&b, "opening_hours = %q\nhours_as_of = %s\nhours_source = %q\n", pick(g.rnd, hours), asOf, url)
		}
		b.WriteString("\n")
	}
	for i := range k {
		g.service(&b, i+1, d, len(locs))
	}
	return []byte(b.String())
}

// service writes one synthetic service whose texts are built from the
// labels and keywords of its topics in several languages.
func (g *generator) service(b *strings.Builder, n int, d district, locs int) {
	topics := g.distinctTopics(1 + g.rnd.IntN(3))
	main := g.vocab.Topic[topics[0]]
	langs := []string{"de", "en"}
	for _, l := range otherLangs {
		if g.rnd.IntN(4) == 0 {
			langs = append(langs, l)
		}
	}
	var name, desc, kw []string
	for _, l := range langs {
		name = append(name, fmt.Sprintf("%s = %q", l, main.Label[l]))
		var words []string
		for _, ti := range topics {
			words = append(words, g.some(g.vocab.Topic[ti].Keywords[l], 3)...)
		}
		desc = append(desc, fmt.Sprintf("%s = %q", l, main.Label[l]+": "+strings.Join(words, ", ")+"."))
		kw = append(kw, fmt.Sprintf("%s = %s", l, quoteList(g.some(main.Keywords[l], 4))))
	}
	ids := make([]string, len(topics))
	for i, ti := range topics {
		ids[i] = g.vocab.Topic[ti].ID
	}
	fmt.Fprintf(b, "[[services]]\nid = \"s%d\"\nname = { %s }\ndescription = { %s }\n", n, strings.Join(name, ", "), strings.Join(desc, ", "))
	fmt.Fprintf(b, "topics = %s\ntarget_groups = [%q]\n", quoteList(ids), pick(g.rnd, g.vocab.Group).ID)
	fmt.Fprintf(b, "languages = %s\n", quoteList(append([]string{"de"}, g.some(spoken, g.rnd.IntN(4))...)))
	if g.rnd.IntN(3) > 0 {
		b.WriteString("cost = \"free\"\n")
	}
	area := d.id
	switch g.rnd.IntN(10) {
	case 0:
		area = "deutschland"
	case 1, 2:
		area = landID(d.land)
	}
	fmt.Fprintf(b, "areas = [%q]\nlocations = [\"l%d\"]\nkeywords = { %s }\n\n", area, 1+g.rnd.IntN(locs), strings.Join(kw, ", "))
}

// distinctTopics picks k different topics, common ones more often.
func (g *generator) distinctTopics(k int) []int {
	var out []int
	for len(out) < k {
		t := g.zipf(len(g.vocab.Topic))
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// some picks up to k different elements of list.
func (g *generator) some(list []string, k int) []string {
	var out []string
	for _, i := range g.rnd.Perm(len(list)) {
		if len(out) == k {
			break
		}
		out = append(out, list[i])
	}
	return out
}
