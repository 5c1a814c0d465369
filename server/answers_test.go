package server

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// TestAnswersKeptWhenAskedAgain: an answer is kept from its question's
// second ask on and never when it must not be; every client gets its own
// answer whole, though the buffers of answers not kept are reused (a kept
// body reused would show as a later answer's bytes in it); and they are
// reused (the build after an answer not kept is given its buffer).
func TestAnswersKeptWhenAskedAgain(t *testing.T) {
	type ask struct {
		key       string
		cacheable bool
	}
	tests := []struct {
		name   string
		asks   []ask
		builds int // how many asks build their answer
	}{
		{"asked once each: none kept", []ask{{"long", true}, {"b", true}, {"c", true}}, 3},
		{"asked again: kept from the second ask", []ask{{"long", true}, {"long", true}, {"b", true}, {"c", true}, {"long", true}}, 4},
		{"asked again later: kept then", []ask{{"a", true}, {"b", true}, {"a", true}, {"a", true}}, 3},
		{"kept after a longer answer", []ask{{"long", true}, {"b", true}, {"b", true}, {"b", true}}, 3},
		{"not cacheable: never kept", []ask{{"x", false}, {"x", false}, {"x", false}}, 3},
	}
	e := echo.New()
	ix := new(index.Index) // the caches only tell indexes apart
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAnswers()
			builds := 0
			asked := map[string]bool{}
			spare := false // the last answer built was not kept: its buffer is spare
			for i, q := range tt.asks {
				want := strings.Repeat(q.key, 200) // shorter answers fit in a longer one's buffer
				built := false
				build := func(buf []byte) (any, error) {
					builds, built = builds+1, true
					// sync.Pool drops some of what it is given under the race detector
					if spare && cap(buf) == 0 && !raceDetector {
						t.Errorf("ask %d (%s): the buffer of the answer not kept before was not reused", i, q.key)
					}
					return encoded(append(buf, want...)), nil
				}
				rec := httptest.NewRecorder()
				c := e.NewContext(httptest.NewRequest("GET", "/api/v1/search", nil), rec)
				if err := a.serve(c, ix, q.key, q.cacheable, build); err != nil {
					t.Fatal(err)
				}
				if got := rec.Body.String(); got != want+"\n" {
					t.Errorf("ask %d (%s): body %.40q… of %d bytes, want %d bytes of %s", i, q.key, got, len(got), len(want)+1, q.key)
				}
				if built {
					spare = !(q.cacheable && asked[q.key])
				}
				asked[q.key] = true
			}
			if builds != tt.builds {
				t.Errorf("%d answers built, want %d", builds, tt.builds)
			}
			for k := range asked {
				// a short answer built in a long one's buffer is kept at its size
				if body, ok := a.bodies.current(ix).Get(k); ok && cap(body) > len(body)*5/4 {
					t.Errorf("%s kept in %d bytes for %d", k, cap(body), len(body))
				}
			}
		})
	}
}
