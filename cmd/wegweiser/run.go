package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// errSilent means the problem was already printed; exit 1 without more words.
// errHelp means -h printed a command's flags; exit 0.
var (
	errSilent = errors.New("failed")
	errHelp   = errors.New("help shown")
)

// flagError turns a flag parsing error into errHelp for -h, and errSilent
// otherwise (the flag package has printed the problem and the usage).
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	return errSilent
}

const usage = `wegweiser — directory of support services for labour migration, Region Braunschweig

Usage:
  wegweiser serve   [--addr :8080] [--data DIR] [flags]   run the web server
  wegweiser check   [--data DIR]                          validate the records
  wegweiser search  [--data DIR] [--explain] [--lang de] QUERY   print a ranking
  wegweiser review  [--data DIR] [--older-than 12m] [--format md|csv] [--out DIR]
                                                          list facts due for a check, write letters
  wegweiser linkcheck [--data DIR] [--concurrency 4]      check every website and source URL
  wegweiser export  --format hsds-json|hsds-csv --out DIR [--data DIR] [--lang de,en]
                                                          the directory as Open Referral HSDS 3.0
  wegweiser import  --from DIR_OR_FILE --out DIR [--lang de]
                                                          HSDS JSON to records, with a report
  wegweiser synth   --services N --out DIR [--mode generated|copies] [--seed S]
                                                          write a data folder for measurements
  wegweiser version                                       print the version

Without --data the records embedded in the binary are used.
Run "wegweiser COMMAND -h" for the flags of a command.
`

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errSilent
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "search":
		return search(ctx, args[1:], stdout, stderr)
	case "synth":
		return synthCmd(ctx, args[1:], stdout, stderr)
	case "review":
		return review(args[1:], stdout, stderr)
	case "linkcheck":
		return linkcheck(ctx, args[1:], stdout, stderr)
	case "export":
		return export(args[1:], stdout, stderr)
	case "import":
		return importHSDS(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "wegweiser", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("wegweiser "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// dataFS is the data folder: dir, or the embedded records when dir is "".
func dataFS(dir string) (fs.FS, error) {
	if dir == "" {
		return data.FS(), nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--data %s: not a readable folder", dir)
	}
	return os.DirFS(dir), nil
}

// loadValid reads the data of --data dir as of now and refuses it when it
// has errors (without printing them: that is check's job). It returns the
// folder too, for commands that point at files and lines in it.
func loadValid(dir string, now time.Time) (fs.FS, *index.Directory, error) {
	fsys, err := dataFS(dir)
	if err != nil {
		return nil, nil, err
	}
	d, problems := index.Load(fsys, now)
	if errs := problems.Errors(); len(errs) > 0 {
		return nil, nil, fmt.Errorf("the data has %d errors; run wegweiser check", len(errs))
	}
	return fsys, d, nil
}

// load reads, validates and indexes the data; it prints every problem and
// fails when there is an error among them.
func load(ctx context.Context, dir string, opt index.Options, stderr io.Writer) (*index.Index, error) {
	fsys, err := dataFS(dir)
	if err != nil {
		return nil, err
	}
	ix, problems, err := index.Open(ctx, fsys, time.Now(), opt)
	if errs := problems.Errors(); len(errs) > 0 {
		for _, p := range errs {
			fmt.Fprintln(stderr, withRoot(dir, p))
		}
		n, _ := problems.Count()
		return nil, fmt.Errorf("the data has %d errors; run wegweiser check", n)
	}
	return ix, err
}

// withRoot names a problem's file as the editor sees it: under --data DIR,
// or under data/ for the embedded records.
func withRoot(dir string, p index.Problem) index.Problem {
	if dir == "" {
		dir = "data"
	}
	p.File = filepath.Join(dir, p.File)
	return p
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
