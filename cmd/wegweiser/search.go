package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// search prints the ranking of a query, with bleve's explanation on
// request, so maintainers can see why a service ranks where it does.
func search(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("search", stderr)
	dir := fl.String("data", "", "data folder (default: the embedded records)")
	explain := fl.Bool("explain", false, "print bleve's score explanation for each hit")
	lang := fl.String("lang", "de", "language of the answer")
	limit := fl.Int("limit", 10, "number of hits")
	if err := fl.Parse(args); err != nil {
		return flagError(err)
	}
	text := strings.Join(fl.Args(), " ")
	ix, err := load(ctx, *dir, stderr)
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
			printExplanation(stdout, h.Explanation)
		}
	}
	return nil
}

// explanation is the part of bleve's score explanation worth reading.
type explanation struct {
	Value    float64       `json:"value"`
	Message  string        `json:"message"`
	Children []explanation `json:"children"`
}

// printExplanation prints the matched terms with their weights and the
// coordination factors, indented by depth, instead of bleve's full JSON.
func printExplanation(w io.Writer, raw string) {
	var e explanation
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		fmt.Fprintln(w, "      (no explanation)")
		return
	}
	var walk func(e explanation, depth int)
	walk = func(e explanation, depth int) {
		if strings.HasPrefix(e.Message, "weight(") || strings.HasPrefix(e.Message, "coord(") {
			msg, _, _ := strings.Cut(e.Message, " in ")
			fmt.Fprintf(w, "%s%9.4g  %s\n", strings.Repeat("  ", depth+3), e.Value, msg)
		}
		for _, c := range e.Children {
			walk(c, depth+1)
		}
	}
	walk(e, 0)
}
