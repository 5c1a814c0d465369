package synth_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestGeneratedFoldersPassCheck: what synth writes is a valid data folder
// of the size asked for, and the same seed writes the same folder.
func TestGeneratedFoldersPassCheck(t *testing.T) {
	for _, mode := range []synth.Mode{synth.Generated, synth.Copies} {
		t.Run(string(mode), func(t *testing.T) {
			files, err := synth.Generate(data.FS(), mode, 500, 7)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for name, b := range files {
				fsys[name] = &fstest.MapFile{Data: b}
			}
			d, problems := index.Load(fsys, time.Now())
			if errs := problems.Errors(); len(errs) > 0 {
				t.Fatalf("%d errors, first: %v", len(errs), errs[0])
			}
			services := 0
			for _, o := range d.Organizations {
				services += len(o.Services)
			}
			if services < 500 || services > 520 {
				t.Errorf("%d services, want about 500", services)
			}
			again, _ := synth.Generate(data.FS(), mode, 500, 7)
			for name, b := range files {
				if string(again[name]) != string(b) {
					t.Fatalf("%s differs between two runs with the same seed", name)
				}
			}
		})
	}
}
