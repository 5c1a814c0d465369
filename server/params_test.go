package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestLangParamFallsBack pins how a language Wegweiser does not speak is
// answered: in the one CLDR's matching data (golang.org/x/text) says its
// speakers most often also read, else in German. docs/api.md says the same.
func TestLangParamFallsBack(t *testing.T) {
	tests := []struct {
		raw, want string
	}{
		{"", "de"},
		{"uk", "uk"},
		{"ar-SY", "ar"},
		{"be", "ru"},  // Belarusian: Russian
		{"kk", "ru"},  // Kazakh: Russian
		{"mk", "bg"},  // Macedonian: Bulgarian
		{"ckb", "ar"}, // Sorani: Arabic
		{"ka", "en"},  // Georgian: English
		{"sq", "en"},  // Albanian: English
		{"fr", "de"},  // no likely second language among ours: German
		{"zh", "de"},
		{"sr", "de"},
	}
	e := echo.New()
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/topics?lang="+tc.raw, nil)
			got, err := langParam(e.NewContext(req, httptest.NewRecorder()))
			if err != nil || got != tc.want {
				t.Errorf("lang=%s: got %q, %v; want %q", tc.raw, got, err, tc.want)
			}
		})
	}
}
