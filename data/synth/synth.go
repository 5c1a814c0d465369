// Package synth writes data folders of any size for measuring Wegweiser at
// scale: either the real records copied under new ids, or a synthetic
// directory of towns, districts and providers across Germany whose texts
// are built from the real vocabulary. Nothing it writes is a fact: every
// synthetic name says so, coordinates are random points of a synthetic
// map, and no phone number or e-mail is made up.
package synth

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Mode says how services are made.
type Mode string

// The modes of Generate.
const (
	Generated Mode = "generated" // synthetic providers across Germany
	Copies    Mode = "copies"    // the real records copied under new ids
)

// Files is a data folder: slash-separated paths to contents.
type Files map[string][]byte

// Generate makes a data folder with about n services from the real data
// folder real (its vocabularies, and in Copies mode its records).
func Generate(real fs.FS, mode Mode, n int, seed uint64) (Files, error) {
	switch mode {
	case Copies:
		return copies(real, n)
	case Generated:
		g, err := newGenerator(real, seed)
		if err != nil {
			return nil, err
		}
		out := g.directory(n)
		return out, withVocabularies(out, real)
	}
	return nil, fmt.Errorf("unknown mode %q (generated or copies)", mode)
}

// WriteDir writes the files under dir, which must not exist or be empty.
func (f Files) WriteDir(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copies repeats every real organization file under the ids
// "<id>-copy-<k>" until the folder holds at least n services; the
// vocabularies and places are the real ones.
func copies(real fs.FS, n int) (Files, error) {
	out := Files{}
	for _, name := range []string{"topics.toml", "groups.toml", "areas.toml", "geo/places.csv"} {
		b, err := fs.ReadFile(real, name)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	orgs, err := fs.Glob(real, "organizations/*.toml")
	if err != nil || len(orgs) == 0 {
		return nil, fmt.Errorf("no organizations to copy (%v)", err)
	}
	type org struct {
		id       string
		src      []byte
		services int
	}
	var list []org
	for _, name := range orgs {
		b, err := fs.ReadFile(real, name)
		if err != nil {
			return nil, err
		}
		var rec struct {
			Services []struct{} `toml:"services"`
		}
		if _, err := toml.Decode(string(b), &rec); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		list = append(list, org{strings.TrimSuffix(path.Base(name), ".toml"), b, len(rec.Services)})
	}
	total := 0
	for k := 1; total < n; k++ {
		for _, o := range list {
			if total >= n {
				break
			}
			out[fmt.Sprintf("organizations/%s-copy-%d.toml", o.id, k)] = o.src
			total += o.services
		}
	}
	return out, nil
}

// vocabulary is what the generator takes from the real data.
type vocabulary struct {
	Topic []struct {
		ID       string
		Label    map[string]string
		Keywords map[string][]string
	}
	Group []struct {
		ID string
	}
}

type generator struct {
	rnd   *rand.Rand
	vocab vocabulary
}

func newGenerator(real fs.FS, seed uint64) (*generator, error) {
	g := &generator{rnd: rand.New(rand.NewPCG(seed, seed^0x5eed))}
	for _, name := range []string{"topics.toml", "groups.toml"} {
		b, err := fs.ReadFile(real, name)
		if err != nil {
			return nil, err
		}
		if _, err := toml.Decode(string(b), &g.vocab); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(g.vocab.Topic) == 0 || len(g.vocab.Group) == 0 {
		return nil, fmt.Errorf("the real data has no topics or groups")
	}
	return g, nil
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// zipf picks an index in [0,n) with small ones more often: a few topics
// (arrival, work, residence) are far more common than others.
func (g *generator) zipf(n int) int {
	return min(n-1, int(float64(n)*g.rnd.Float64()*g.rnd.Float64()))
}
