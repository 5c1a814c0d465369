package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server"
)

// search prints the ranking of a query, with the explanation of each score
// on request (which field, keyword, topic or group matched which words), so
// maintainers can see why a service ranks where it does.
func search(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("search", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	indexDir := fl.String("index-dir", "", "folder with a kept index (see serve --index-dir)")
	explain := fl.Bool("explain", false, "print why each hit scores as it does")
	lang := fl.String("lang", "de", "language of the answer: a BCP 47 tag, matched as the API's lang (docs/api.md)")
	limit := fl.Int("limit", 10, "number of hits")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	// An empty query has no ranking to show: every service would score 0.
	text := strings.TrimSpace(strings.Join(fl.Args(), " "))
	if text == "" {
		return errors.New(`search: the QUERY argument is empty: give the words to search for, e.g. wegweiser search "Aufenthaltstitel verlängern"`)
	}
	code, err := server.MatchLang(*lang)
	if err != nil {
		return fmt.Errorf("search: --lang %q: %w", *lang, err)
	}
	ix, err := load(ctx, *dir, index.Options{Dir: *indexDir}, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, index.Query{Text: text, Lang: code, Page: 1, Limit: max(1, min(*limit, 100)), Explain: *explain})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%q: %d hits, detected language %q, answer language %s%s\n", text, res.Total, res.DetectedLang, code, fellBack(*lang, code))
	printPlaces(stdout, ix, res.Places, code)
	if res.Fallback {
		fmt.Fprintf(stdout, "nothing found; suggestion %q; general first contacts:\n", res.Suggestion)
	}
	for i, h := range res.Hits {
		name, _ := h.Service.Name.In(code)
		fmt.Fprintf(stdout, "%2d. %-55s %9.3g  %s\n", i+1, h.DocID(), h.Score, name)
		if *explain {
			for _, line := range strings.Split(h.Explanation, "\n") {
				fmt.Fprintf(stdout, "      %s\n", line)
			}
		}
	}
	return nil
}

// printPlaces prints the places the query names as the search read them,
// one a line: the words, the town they name when they name one, and the
// area it ranked by, named in the answer language (or German, said so).
func printPlaces(w io.Writer, ix *index.Index, places []index.PlaceRead, code string) {
	for _, p := range places {
		place := ""
		if p.Place != "" {
			place = " " + p.Place + ","
		}
		name, got := "", code
		if a, ok := ix.Area(p.Area); ok {
			name, got = a.Name.In(code)
		}
		note := ""
		if got != code {
			note = fmt.Sprintf(" (in %s: no name in %s)", got, code)
		}
		fmt.Fprintf(w, "place %q:%s area %s %q%s\n", p.Text, place, p.Area, name, note)
	}
}

// fellBack says how --lang became the answer language when it is not the
// code asked for ("ar-SY", "fr", "ka"), as the API would answer it.
func fellBack(asked, code string) string {
	if asked == code {
		return ""
	}
	return fmt.Sprintf(" (from --lang %s, matched as the API matches lang)", asked)
}
