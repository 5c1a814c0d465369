package server

import (
	"fmt"
	"testing"
)

// TestServiceLimitedTo: a service limited to some towns of its areas says
// which, the town's own name first; others carry no limited_to.
func TestServiceLimitedTo(t *testing.T) {
	e, _ := realServer(t, true)
	for _, tc := range []struct{ target, want string }{
		{"/api/v1/services/stadt-goslar-integration/integration-beratung", "Goslar"},
		{"/api/v1/services/stadt-wolfenbuettel-integration/unterbringung?lang=en", "Wolfenbüttel"},
		{"/api/v1/services/landkreis-goslar-integration/erst-und-folgeintegration", "<nil>"},
	} {
		rec, body := get(t, e, tc.target)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", tc.target, rec.Code)
		}
		if got := fmt.Sprint(jsonPath(body, "limited_to", 0)); got != tc.want {
			t.Errorf("%s: limited_to[0] = %s, want %s", tc.target, got, tc.want)
		}
	}
}
