package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// search prints the ranking of a query, with the explanation of each score
// on request (which field, keyword, topic or group matched which words), so
// maintainers can see why a service ranks where it does.
func search(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("search", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	indexDir := fl.String("index-dir", "", "folder with a kept index (see serve --index-dir)")
	explain := fl.Bool("explain", false, "print why each hit scores as it does")
	lang := fl.String("lang", "de", "language of the answer")
	limit := fl.Int("limit", 10, "number of hits")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	text := strings.Join(fl.Args(), " ")
	ix, err := load(ctx, *dir, index.Options{Dir: *indexDir}, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, index.Query{Text: text, Lang: *lang, Page: 1, Limit: max(1, min(*limit, 100)), Explain: *explain})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%q: %d hits, detected language %q\n", text, res.Total, res.DetectedLang)
	if res.Fallback {
		fmt.Fprintf(stdout, "nothing found; suggestion %q; general first contacts:\n", res.Suggestion)
	}
	for i, h := range res.Hits {
		name, _ := h.Service.Name.In(*lang)
		fmt.Fprintf(stdout, "%2d. %-55s %9.3g  %s\n", i+1, h.DocID(), h.Score, name)
		if *explain {
			for _, line := range strings.Split(h.Explanation, "\n") {
				fmt.Fprintf(stdout, "      %s\n", line)
			}
		}
	}
	return nil
}
