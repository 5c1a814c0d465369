package index

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestKeptIndexAnswersAsBuilt checks that an index kept in and read back from an
// --index-dir answers every query of the tuning set exactly as one built
// in memory. With WEGWEISER_ANSWERS_DUMP set, it runs every relevance set
// and writes the full answer (50 hits with scores, snippets,
// explanations, facets, suggestion) of every query of every relevance set
// to the files WEGWEISER_ANSWERS_DUMP.{cold,kept,warm}, for an index built in memory
// ("cold"), one built into an --index-dir ("kept") and one read back
// from it ("warm"). Comparing two dumps, made before and after a change
// that must not change answers, shows any answer that moved; the three
// builds are compared with each other here and must agree.
func TestKeptIndexAnswersAsBuilt(t *testing.T) {
	out := os.Getenv("WEGWEISER_ANSWERS_DUMP")
	dirs := []string{"../testdata/relevance"} // without a dump, the tuning set: a test of the kept index
	if out != "" {
		dirs, _ = filepath.Glob("../testdata/relevance*")
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var queries []relevanceQuery
	for _, d := range dirs {
		queries = append(queries, loadRelevanceQueries(t, d)...)
	}
	d, problems := Load(data.FS(), now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	dump := func(ix *Index, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		// Closed before the next opens: a kept index is locked while open.
		defer ix.Close()
		var b strings.Builder
		for _, q := range queries {
			dumpAnswer(t, &b, ix, Query{Text: q.Q, Lang: q.Lang, Page: 1, Limit: 50, Explain: true, Now: now})
		}
		return b.String()
	}
	open := func(dir string) (*Index, error) {
		ix, _, err := Open(context.Background(), data.FS(), now, Options{Dir: dir})
		return ix, err
	}
	dir := t.TempDir()
	dumps := []string{dump(New(context.Background(), d)), dump(open(dir)), dump(open(dir))}
	for i, name := range []string{"cold", "kept", "warm"} {
		if i > 0 && dumps[i] != dumps[0] {
			t.Errorf("the %s index answers differently from the one built in memory", name)
		}
		if out == "" {
			continue
		}
		if err := os.WriteFile(out+"."+name, []byte(dumps[i]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// viaPhrase is the phrase an explanation says a topic matched by: among
// phrases that score the same, which one is named varies from run to run.
var viaPhrase = regexp.MustCompile(`via "[^"]*"`)

func dumpAnswer(t *testing.T, w io.Writer, ix *Index, q Query) {
	res, err := ix.answer(context.Background(), q)
	if err != nil {
		t.Fatalf("%q: %v", q.Text, err)
	}
	fmt.Fprintf(w, "== %s %q total=%d lang=%s suggestion=%q fallback=%v\n", q.Lang, q.Text, res.Total, res.DetectedLang, res.Suggestion, res.Fallback)
	for _, h := range res.Hits {
		fmt.Fprintf(w, "  %s %.9g %q\n", h.DocID(), h.Score, h.Snippet)
		if h.Explanation != "" {
			fmt.Fprintf(w, "    %q\n", viaPhrase.ReplaceAllString(h.Explanation, "via …"))
		}
	}
	keys := make([]string, 0, len(res.Facets))
	for k := range res.Facets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  facet %s %v\n", k, res.Facets[k])
	}
}
