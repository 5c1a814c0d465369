package server

import (
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// maxLimitedClients bounds the memory of the rate limiter: the token
// buckets of this many clients, the most recently seen, are kept (about
// 250 bytes each: BenchmarkLimiterNewClient allocates 160, plus the key
// and its map slot; 2.5 MB in all). A client pushed out gets a
// full bucket when it comes back, as it would after a pause, so the bound
// costs only clients that rotate through more addresses than this.
const maxLimitedClients = 10_000

// rateLimit allows each client perSecond API requests per second with a
// burst of twice that (a page load asks for the vocabularies at once). Only
// the API costs CPU; the shell and its assets are answered from memory, and a
// first visit fetches some fifty of them at once, so they are not counted.
func rateLimit(perSecond float64) echo.MiddlewareFunc {
	store := newLimiterStore(rate.Limit(perSecond), max(1, int(math.Ceil(2*perSecond))), maxLimitedClients)
	retryAfter := strconv.Itoa(max(1, int(math.Ceil(1/perSecond))))
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper:             func(c echo.Context) bool { return !isAPI(c.Request().URL.Path) },
		Store:               store,
		IdentifierExtractor: func(c echo.Context) (string, error) { return clientKey(c.RealIP()), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", retryAfter)
			return &apiError{Status: http.StatusTooManyRequests, Code: "rate_limited",
				Message: "too many requests; try again in " + retryAfter + " s"}
		},
	})
}

// clientKey is what one limit counts: an IPv4 address, or the /64 network
// of an IPv6 address. A household, a phone or a server is given a whole
// /64 and may send from any of its 2^64 addresses.
func clientKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap().WithZone("")
	if a.Is4() {
		return a.String()
	}
	p, _ := a.Prefix(64) // 64 is valid for every IPv6 address
	return p.String()
}

// limiterStore keeps a token bucket per client in an LRU of bounded size;
// it implements echo's middleware.RateLimiterStore.
type limiterStore struct {
	rate    rate.Limit
	burst   int
	mu      sync.Mutex // the LRU is not safe for concurrent use
	clients *simplelru.LRU[string, *rate.Limiter]
}

func newLimiterStore(r rate.Limit, burst, size int) *limiterStore {
	clients, _ := simplelru.NewLRU[string, *rate.Limiter](size, nil) // size > 0 is all it checks
	return &limiterStore{rate: r, burst: burst, clients: clients}
}

// Allow takes a token from the client's bucket, if there is one.
func (s *limiterStore) Allow(client string) (bool, error) {
	s.mu.Lock()
	l, ok := s.clients.Get(client)
	if !ok {
		l = rate.NewLimiter(s.rate, s.burst)
		s.clients.Add(client, l)
	}
	s.mu.Unlock()
	return l.Allow(), nil
}
