package index

import (
	"fmt"
	"strings"
	"testing"
)

// TestCompletions: an unfinished word stands for the shortest terms of the
// typo field that begin with it, shortest first, at most maxCompletions,
// none of them left out for a longer one.
func TestCompletions(t *testing.T) {
	ix := mustRealIndex(t)
	for _, prefix := range []string{"be", "arb", "jobc", "ausl", "xqz"} {
		t.Run(prefix, func(t *testing.T) {
			got := ix.completions(prefix)
			all := typoTerms(t, ix, prefix)
			if want := min(len(all), maxCompletions); len(got) != want {
				t.Fatalf("%d completions, want %d", len(got), want)
			}
			seen := map[string]bool{}
			for i, c := range got {
				if !strings.HasPrefix(c, prefix) || seen[c] {
					t.Errorf("completion %q: repeated or not of %q", c, prefix)
				}
				seen[c] = true
				if i > 0 && len(c) < len(got[i-1]) {
					t.Errorf("%q after the longer %q", c, got[i-1])
				}
			}
			for _, term := range all {
				if len(got) > 0 && len(term) < len(got[len(got)-1]) && !seen[term] {
					t.Errorf("%q left out for the longer %q", term, got[len(got)-1])
				}
			}
		})
	}
}

// TestCompletionsAreKept: completions asked again are the kept ones, and
// the cache keeps the prefixCacheSize prefixes used last.
func TestCompletionsAreKept(t *testing.T) {
	ix := understandIndex(t)
	first := ix.completions("be")
	if len(first) == 0 {
		t.Fatal(`no completions of "be": the test checks nothing`)
	}
	again := ix.completions("be")
	if &again[0] != &first[0] {
		t.Error(`"be" asked again: completions read anew, want the kept ones`)
	}
	ix.completions("ar")
	ix.completions("be") // used last: "ar" is now the oldest
	for i := range prefixCacheSize - 1 {
		ix.completions(fmt.Sprintf("zz%d", i))
	}
	tests := []struct {
		prefix string
		kept   bool
	}{
		{"be", true},
		{"ar", false},
		{"zz0", true},
		{fmt.Sprintf("zz%d", prefixCacheSize-2), true},
	}
	for _, tc := range tests {
		if got := ix.prefixes.Contains(tc.prefix); got != tc.kept {
			t.Errorf("%q kept %v, want %v", tc.prefix, got, tc.kept)
		}
	}
	if n := ix.prefixes.Len(); n != prefixCacheSize {
		t.Errorf("%d prefixes kept, want %d", n, prefixCacheSize)
	}
}

// typoTerms are all the terms of the typo field that begin with prefix.
func typoTerms(tb testing.TB, ix *Index, prefix string) []string {
	tb.Helper()
	dict, err := ix.reader.FieldDictPrefix(fieldTypo, []byte(prefix))
	if err != nil {
		tb.Fatal(err)
	}
	defer dict.Close()
	var out []string
	for e, err := dict.Next(); e != nil && err == nil; e, err = dict.Next() {
		out = append(out, e.Term)
	}
	return out
}
