package server

import (
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// TestLanguageNamesAsXText: a kept name is x/text's, asked once or again.
func TestLanguageNamesAsXText(t *testing.T) {
	var n languageNames
	tests := []struct{ ui, id, want string }{
		{"de", "ar", "Arabisch"},
		{"en", "uk", "Ukrainian"},
		{"de", "ar", "Arabisch"}, // kept
		{"ar", "de", display.Tags(language.Arabic).Name(language.German)},
		{"tr", "fa", display.Tags(language.Turkish).Name(language.Persian)},
	}
	for _, tt := range tests {
		if got := n.name(tt.ui, tt.id); got != tt.want {
			t.Errorf("name(%s, %s) = %q, want %q", tt.ui, tt.id, got, tt.want)
		}
	}
}
