package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestClientKey(t *testing.T) {
	for ip, want := range map[string]string{
		"192.0.2.1":            "192.0.2.1",
		"::ffff:192.0.2.1":     "192.0.2.1",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff::1": "2001:db8:1:2::/64",
		"2001:db8:1:3::1":      "2001:db8:1:3::/64",
		"fe80::1%eth0":         "fe80::/64",
		"::1":                  "::/64",
		"not an address":       "not an address",
	} {
		if got := clientKey(ip); got != want {
			t.Errorf("clientKey(%q) = %q, want %q", ip, got, want)
		}
	}
}

// TestRateLimitIPv6SharesA64: addresses of one /64 share one budget (they
// used to be counted one by one: 30 addresses all passed at a limit of 5),
// another /64 has its own.
func TestRateLimitIPv6SharesA64(t *testing.T) {
	e := serverWith(t, Config{RateLimit: 5}, nil) // burst 10
	from := func(addr string) int {
		req := httptest.NewRequest("GET", "/api/v1/topics", nil)
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec.Code
	}
	passed := 0
	for i := range 30 {
		if from(fmt.Sprintf("[2001:db8:aa:bb::%x]:443", i+1)) == http.StatusOK {
			passed++
		}
	}
	if passed != 10 {
		t.Errorf("%d of 30 requests from one /64 passed, want the burst of 10", passed)
	}
	if code := from("[2001:db8:aa:cc::1]:443"); code != http.StatusOK {
		t.Errorf("the next /64: status %d, want 200", code)
	}
}

// TestLimiterStoreIsBounded: the store keeps at most its size of clients,
// the most recently seen.
func TestLimiterStoreIsBounded(t *testing.T) {
	s := newLimiterStore(1, 1, 100)
	for i := range 10_000 {
		s.Allow(fmt.Sprintf("client-%d", i))
	}
	if n := s.clients.Len(); n != 100 {
		t.Errorf("the store holds %d clients, want at most 100", n)
	}
	if ok, _ := s.Allow("client-9999"); ok {
		t.Error("the most recent client lost its empty bucket")
	}
}

// BenchmarkLimiterNewClient measures what a new client costs the store
// once it is full (B/op is about the memory one client holds).
func BenchmarkLimiterNewClient(b *testing.B) {
	s := newLimiterStore(1, 2, maxLimitedClients)
	keys := make([]string, b.N+maxLimitedClients)
	for i := range keys {
		keys[i] = clientKey(fmt.Sprintf("2001:db8:%x:%x::1", i>>16, i&0xffff))
	}
	for _, k := range keys[:maxLimitedClients] {
		s.Allow(k)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		s.Allow(keys[maxLimitedClients+i])
	}
}
