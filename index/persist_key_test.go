package index

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/cespare/xxhash/v2"
	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestContentKeyIsTheFilesHash: ContentKey streams each file through a
// buffer; the key must be the one of each file's bytes hashed whole (the
// key of folders kept before), for files shorter and longer than the
// buffer and empty ones.
func TestContentKeyIsTheFilesHash(t *testing.T) {
	long := bytes.Repeat([]byte("Beratung für Zugewanderte\n"), 10000) // 260 KB
	for name, fsys := range map[string]fs.FS{
		"embedded data": data.FS(),
		"long and empty files": fstest.MapFS{
			"a.toml": {Data: long}, "b/c.toml": {Data: nil}, "d.toml": {Data: long[:64<<10]}, "e.toml": {Data: long[:64<<10+1]},
		},
	} {
		got, err := ContentKey(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if want := wholeFilesKey(t, fsys); got != want {
			t.Errorf("%s: key %s, want %s", name, got, want)
		}
	}
}

// wholeFilesKey is ContentKey as it was computed before: every file read
// whole and hashed.
func wholeFilesKey(t *testing.T, fsys fs.FS) string {
	var files []string
	err := fs.WalkDir(fsys, ".", func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	h := xxhash.New()
	h.WriteString(indexFormat)
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "\x00%s\x00%x", f, xxhash.Sum64(b))
	}
	return hex.EncodeToString(h.Sum(nil))
}
