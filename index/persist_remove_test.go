package index

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRemoveOlder: what dir keeps for other data (files and directories
// named with the prefix) is removed; what is kept, and what has another
// prefix, stays.
func TestRemoveOlder(t *testing.T) {
	tests := []struct {
		prefix, keep string
		want         []string
	}{
		{"wegweiser-index-", "wegweiser-index-b", []string{"wegweiser-data-a", "wegweiser-data-b", "wegweiser-index-b", "wegweiser-words-a", "wegweiser-words-b"}},
		{"wegweiser-data-", "wegweiser-data-a", []string{"wegweiser-data-a", "wegweiser-index-a", "wegweiser-index-b", "wegweiser-words-a", "wegweiser-words-b"}},
		{descWordsPrefix, "wegweiser-words-c", []string{"wegweiser-data-a", "wegweiser-data-b", "wegweiser-index-a", "wegweiser-index-b"}},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range []string{"wegweiser-index-a", "wegweiser-index-b", "wegweiser-data-a", "wegweiser-data-b"} {
				if err := os.MkdirAll(filepath.Join(dir, name, "part"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for _, name := range []string{"wegweiser-words-a", "wegweiser-words-b"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			removeOlder(dir, tc.prefix, filepath.Join(dir, tc.keep))
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("left %v, want %v", got, tc.want)
			}
		})
	}
}
