package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

var adminListening = regexp.MustCompile(`admin listening on http://(\S+)`)

// startServe runs `wegweiser serve` with args on free ports and returns the
// public and admin addresses, the logs, and a function that stops it and
// returns run's error.
func startServe(tb testing.TB, args ...string) (pub, admin string, logs *syncBuffer, stop func() error) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	logs = &syncBuffer{}
	done := make(chan error, 1)
	args = append([]string{"serve", "--addr", "127.0.0.1:0", "--data", "../../testdata/fixture"}, args...)
	go func() { done <- run(ctx, args, &out, logs) }()
	pub = waitForAddr(tb, &out, done)
	if m := adminListening.FindStringSubmatch(out.String()); m != nil {
		admin = m[1]
	}
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			tb.Fatal("serve did not stop")
			return nil
		}
	}
	tb.Cleanup(func() { _ = stop() })
	return pub, admin, logs, stop
}

func httpGet(tb testing.TB, url string) (int, string) {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestAdminListenerIsSeparate(t *testing.T) {
	pub, admin, logs, stop := startServe(t, "--admin-addr", "127.0.0.1:0", "--log-format", "json")
	if admin == "" {
		t.Fatal("no admin listener announced")
	}
	httpGet(t, "http://"+pub+"/api/v1/search?q=Aufenthaltstitel")
	for _, path := range []string{"/metrics", "/reload-problems"} {
		if code, _ := httpGet(t, "http://"+pub+path); code != http.StatusNotFound {
			t.Errorf("public %s: status %d, want 404", path, code)
		}
	}
	code, body := httpGet(t, "http://"+admin+"/metrics")
	for _, want := range []string{`wegweiser_http_requests_total{method="GET",route="/api/v1/search",status="200"} 1`,
		"wegweiser_index_services 2", "wegweiser_reload_last_success 1"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("admin /metrics: status %d, lacks %q", code, want)
		}
	}
	if code, body := httpGet(t, "http://"+admin+"/reload-problems"); code != 200 || !strings.Contains(body, `"ok": true`) {
		t.Errorf("admin /reload-problems: status %d, body %s", code, body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(logs.String(), "{") || strings.Contains(logs.String(), "Aufenthaltstitel") || strings.Contains(logs.String(), "127.0.0.1:") {
		t.Errorf("want JSON logs without the query or the client address:\n%s", logs.String())
	}
}

// TestShutdownFinishesInFlightRequest stops the server while a handler
// runs: the request is still answered in full, then runServers returns nil.
func TestShutdownFinishesInFlightRequest(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := newTestReloader(t, copyFixture(t))
	done := make(chan error, 1)
	go func() {
		done <- runServers(ctx, &serveFlags{shutdown: 5 * time.Second, debounce: time.Second}, r,
			[]*http.Server{{Handler: slow}}, []net.Listener{ln}, io.Discard, r.log)
	}()
	answer := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			answer <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		answer <- string(b)
	}()
	<-entered
	cancel() // what SIGTERM does
	time.Sleep(200 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("runServers returned %v while a request was in flight", err)
	default:
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Error("the listener still accepts during shutdown")
	}
	close(release)
	if got := <-answer; got != "finished" {
		t.Errorf("in-flight request got %q, want %q", got, "finished")
	}
	if err := <-done; err != nil {
		t.Errorf("runServers returned %v, want nil", err)
	}
}

func TestServeFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--log-format", "xml", "--addr", "127.0.0.1:0"},
		{"serve", "--rate-limit", "-1", "--addr", "127.0.0.1:0"},
		{"serve", "--request-timeout", "0s", "--addr", "127.0.0.1:0"},
		{"serve", "--max-searches", "-1", "--addr", "127.0.0.1:0"},
		{"serve", "--trusted-proxy", "not-a-network", "--addr", "127.0.0.1:0"},
		{"serve", "--admin-addr", "not an address", "--addr", "127.0.0.1:0"},
		{"serve", "--imprint-url", "https://example.org/i", "--imprint-file", "serve_test.go", "--addr", "127.0.0.1:0"},
		{"serve", "--imprint-url", "example.org/impressum", "--addr", "127.0.0.1:0"},
		{"serve", "--privacy-file", "no-such-file.md", "--addr", "127.0.0.1:0"},
	} {
		var out, errOut bytes.Buffer
		if err := run(context.Background(), args, &out, &errOut); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}

func TestCIDRList(t *testing.T) {
	var l cidrList
	for _, v := range []string{"10.0.0.0/8", "192.0.2.1, 2001:db8::/32", "::1"} {
		if err := l.Set(v); err != nil {
			t.Fatalf("Set(%q): %v", v, err)
		}
	}
	if got, want := l.String(), "10.0.0.0/8,192.0.2.1/32,2001:db8::/32,::1/128"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSIGHUPReloads sends the process a real SIGHUP while serve runs (serve
// catches it; without serve it would end the test binary).
func TestSIGHUPReloads(t *testing.T) {
	_, admin, _, stop := startServe(t, "--admin-addr", "127.0.0.1:0", "--data", copyFixture(t))
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	eventually(t, "SIGHUP to reload", func() bool {
		_, body := httpGet(t, "http://"+admin+"/metrics")
		return strings.Contains(body, `wegweiser_reloads_total{result="ok"} 2`)
	})
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestServerLimits checks the limits of the real listener, where the
// http.Server settings apply too.
func TestServerLimits(t *testing.T) {
	pub, _, _, _ := startServe(t)
	for _, tc := range []struct {
		name   string
		req    func() *http.Request
		status int
	}{
		{"huge header", func() *http.Request {
			r, _ := http.NewRequest("GET", "http://"+pub+"/healthz", nil)
			r.Header.Set("X-Filler", strings.Repeat("x", 20<<10))
			return r
		}, http.StatusRequestHeaderFieldsTooLarge},
		{"long URL", func() *http.Request {
			r, _ := http.NewRequest("GET", "http://"+pub+"/api/v1/search?q="+strings.Repeat("a", 5000), nil)
			return r
		}, http.StatusRequestURITooLong},
		{"POST", func() *http.Request {
			r, _ := http.NewRequest("POST", "http://"+pub+"/api/v1/search", strings.NewReader("q=x"))
			return r
		}, http.StatusMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.DefaultClient.Do(tc.req())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
}
