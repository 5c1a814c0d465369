package static_test

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/wegweiser-braunschweig/wegweiser/static"
)

var languages = []string{"de", "en", "ar", "uk", "ru", "tr", "fa", "pl", "ro", "bg"}

var placeholder = regexp.MustCompile(`\{\w+\}`)

// TestTranslations checks that every interface language has every string
// German has, with the same placeholders, and plural forms with "other".
func TestTranslations(t *testing.T) {
	de := mustStrings(t, "de")
	for _, lang := range languages {
		t.Run(lang, func(t *testing.T) {
			got := mustStrings(t, lang)
			for key, want := range de {
				s, ok := got[key]
				if !ok {
					t.Errorf("%s: missing", key)
					continue
				}
				if p, q := placeholders(s), placeholders(want); !slices.Equal(p, q) {
					t.Errorf("%s: got placeholders %v, want %v", key, p, q)
				}
				if forms, ok := s.(map[string]any); ok && forms["other"] == nil {
					t.Errorf("%s: plural without an \"other\" form", key)
				}
			}
			for key := range got {
				if _, ok := de[key]; !ok {
					t.Errorf("%s: not in de.json", key)
				}
			}
		})
	}
}

func mustStrings(tb testing.TB, lang string) map[string]any {
	tb.Helper()
	b, err := fs.ReadFile(static.FS(), "i18n/"+lang+".json")
	if err != nil {
		tb.Fatalf("read: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		tb.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// placeholders lists the {names} of a string or of a plural's "other" form.
func placeholders(v any) []string {
	if forms, ok := v.(map[string]any); ok {
		v = forms["other"]
	}
	s, _ := v.(string)
	names := placeholder.FindAllString(s, -1)
	slices.Sort(names)
	return slices.Compact(names)
}

// TestStringsUsedExist finds the keys the page and the widget ask for
// (t('key') in the modules, data-i18n in index.html) and checks that German
// has them.
func TestStringsUsedExist(t *testing.T) {
	de := mustStrings(t, "de")
	uses := regexp.MustCompile(`\bt(?:l|De|Client)?\(\s*'(\w+)'|data-i18n(?:-label)?="(\w+)"`)
	err := fs.WalkDir(static.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(name, "vendor/") || !(strings.HasSuffix(name, ".js") || name == "index.html") {
			return err
		}
		b, err := fs.ReadFile(static.FS(), name)
		for _, m := range uses.FindAllStringSubmatch(string(b), -1) {
			if key := m[1] + m[2]; de[key] == nil {
				t.Errorf("%s uses %q, which de.json lacks", name, key)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPagesHaveNoInlineCode keeps the pages (index.html, the embed page and
// the embed builder) within a CSP without 'unsafe-inline': no inline script,
// no style element or attribute, no event handler attributes.
func TestPagesHaveNoInlineCode(t *testing.T) {
	for _, name := range []string{"index.html", "widget/embed.html", "widget/builder.html"} {
		b, err := fs.ReadFile(static.FS(), name)
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		html := string(b)
		for _, bad := range []*regexp.Regexp{
			regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]+</script>`),
			regexp.MustCompile(`<style`),
			regexp.MustCompile(`\sstyle=`),
			regexp.MustCompile(`\son[a-z]+=`),
		} {
			if m := bad.FindString(html); m != "" {
				t.Errorf("%s: got %q, want no inline code", name, strings.TrimSpace(m))
			}
		}
	}
}
