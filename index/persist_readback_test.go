package index

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestOpenServesWhatItKept checks that an Open which builds anew serves
// the records read back from its kept folder, as a restart would (their
// heap is then not scattered among the build's garbage), and that they
// answer as the records built in memory do.
func TestOpenServesWhatItKept(t *testing.T) {
	now := time.Now()
	inMemory, _, err := Open(context.Background(), data.FS(), now, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer inMemory.Close()
	var log bytes.Buffer
	kept, _, err := Open(context.Background(), data.FS(), now, Options{Dir: t.TempDir(), Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	if !strings.Contains(log.String(), "built index read back from the index folder") {
		t.Errorf("a cold Open with a kept folder serves the records it built, not those it kept; log:\n%s", log.String())
	}
	for _, q := range []string{"Deutschkurs", "mein Chef zahlt keinen Lohn", "Aufenthaltserlaubnis Braunschweig"} {
		want, err := inMemory.Search(context.Background(), Query{Text: q, Lang: "de", Page: 1, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		got, err := kept.Search(context.Background(), Query{Text: q, Lang: "de", Page: 1, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%q: %d matches, %d hits read back; %d, %d built in memory", q, got.Total, len(got.Hits), want.Total, len(want.Hits))
		}
		for i := range want.Hits {
			if got.Hits[i].DocID() != want.Hits[i].DocID() {
				t.Errorf("%q: hit %d is %s read back, %s built in memory", q, i, got.Hits[i].DocID(), want.Hits[i].DocID())
			}
		}
	}
}
