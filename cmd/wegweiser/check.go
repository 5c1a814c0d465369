package main

import (
	"fmt"
	"io"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// check validates the data and prints every problem as file:line:col.
func check(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("check", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	quiet := fl.Bool("quiet", false, "print errors only, no warnings")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	fsys, err := dataFS(*dir)
	if err != nil {
		return err
	}
	d, problems := index.Load(fsys, time.Now())
	for _, p := range problems {
		if !p.Warning || !*quiet {
			fmt.Fprintln(stdout, withRoot(*dir, p))
		}
	}
	errs, warns := problems.Count()
	services := 0
	for _, o := range d.Organizations {
		services += len(o.Services)
	}
	fmt.Fprintf(stdout, "%d organizations, %d services: %d errors, %d warnings\n", len(d.Organizations), services, errs, warns)
	if errs > 0 {
		return errSilent
	}
	return nil
}
