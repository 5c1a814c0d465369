package index

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// TestScaleAnswersDump writes, with WEGWEISER_SCALE_DUMP=FILE (a heavy
// run: it builds copies and generated 10k), the full answer of the scale
// benchmark's queries and of 400 tail-mix queries, pages 1 and 3, with
// every score in full precision, every total and facet count, to
// FILE.copies and FILE.generated. A change to the search core that must
// not change answers is checked by comparing the files before and after:
// at scale broad queries match thousands of services, which the real
// data's 116 do not show (the equal offices, the unconfirmed ordering,
// the cut-off and the postings cache all work over every match).
func TestScaleAnswersDump(t *testing.T) {
	out := os.Getenv("WEGWEISER_SCALE_DUMP")
	if out == "" {
		t.Skip("WEGWEISER_SCALE_DUMP not set")
	}
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	common := tailQueries(t)
	var queries []Query
	for _, q := range benchQueries {
		q.Lang, q.Limit = "de", 20
		queries = append(queries, q)
	}
	for i := range 400 {
		queries = append(queries, Query{Text: tailQuery(common, i), Lang: []string{"de", "en", "ar", "tr"}[i%4], Limit: 20})
	}
	for _, mode := range []synth.Mode{synth.Copies, synth.Generated} {
		files, err := synth.Generate(data.FS(), mode, 10000, 1)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for name, content := range files {
			fsys[name] = &fstest.MapFile{Data: content}
		}
		d, problems := Load(fsys, now)
		if errs := problems.Errors(); len(errs) > 0 {
			t.Fatal(errs)
		}
		ix, err := New(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, q := range queries {
			for _, page := range []int{1, 3} {
				q.Page, q.Now = page, now
				// twice: the second answer reads the postings kept by the first
				for range 2 {
					dumpExact(t, &b, ix, q)
				}
			}
		}
		ix.Close()
		if err := os.WriteFile(out+"."+string(mode), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dumpExact writes one answer with its scores in full precision.
func dumpExact(t *testing.T, b *strings.Builder, ix *Index, q Query) {
	res, err := ix.answer(context.Background(), q)
	if err != nil {
		t.Fatalf("%q: %v", q.Text, err)
	}
	near := ""
	if q.Near != nil {
		near = fmt.Sprint(*q.Near)
	}
	fmt.Fprintf(b, "== %s %q %v %v %v %v %s page=%d total=%d lang=%s suggestion=%q fallback=%v\n", q.Lang, q.Text,
		q.Topics, q.Languages, q.FreeOnly, q.OpenNow, near, q.Page, res.Total, res.DetectedLang, res.Suggestion, res.Fallback)
	for _, h := range res.Hits {
		fmt.Fprintf(b, "  %s %s %q\n", h.DocID(), strconv.FormatFloat(h.Score, 'g', -1, 64), h.Snippet)
	}
	for _, k := range slices.Sorted(maps.Keys(res.Facets)) {
		fmt.Fprintf(b, "  facet %s %v\n", k, res.Facets[k])
	}
}
