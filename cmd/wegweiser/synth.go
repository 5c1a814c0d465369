package main

import (
	"context"
	"fmt"
	"io"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// synthCmd writes a data folder of any size for measurements: synthetic
// providers across Germany, or the real records copied under new ids.
func synthCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("synth", stderr)
	n := fl.Int("services", 10000, "number of services")
	seed := fl.Uint64("seed", 1, "random seed (the same seed writes the same folder)")
	out := fl.String("out", "", "folder to write (must not exist or be empty)")
	mode := fl.String("mode", string(synth.Generated), "generated (synthetic providers across Germany) or copies (the real records under new ids)")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	if *out == "" || *n < 1 {
		fmt.Fprintln(stderr, "wegweiser synth: --out DIR and --services N (at least 1) are required")
		return errSilent
	}
	files, err := synth.Generate(data.FS(), synth.Mode(*mode), *n, *seed)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	if err := files.WriteDir(*out); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %d files for about %d services to %s\n", len(files), *n, *out)
	return nil
}
