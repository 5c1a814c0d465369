package static_test

import (
	"bytes"
	"image"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// need skips the test when a tool is missing, but fails in CI, where
// .ci/run installs everything.
func need(tb testing.TB, what string, err error) {
	tb.Helper()
	if err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("%s: %v (CI must install it: apt-get install -y chromium; npm ci --prefix .ci)", what, err)
	}
	tb.Skipf("skipping browser test, %s: %v (apt-get install -y chromium; npm ci --prefix .ci)", what, err)
}

func chromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	return exec.LookPath("chromium")
}

func axeSource() (string, error) {
	b, err := os.ReadFile(filepath.Join("..", ".ci", "node_modules", "axe-core", "axe.min.js"))
	return string(b), err
}

// server is the real wegweiser binary, serving on a free local port.
type server struct {
	URL  string
	cmd  *exec.Cmd
	logs bytes.Buffer
}

func startServer(tb testing.TB, flags ...string) *server {
	tb.Helper()
	dir := tb.TempDir()
	bin := filepath.Join(dir, "wegweiser")
	build := exec.Command("go", "build", "-o", bin, "./cmd/wegweiser")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	addr := freeAddr(tb)
	s := &server{URL: "http://" + addr}
	s.cmd = exec.Command(bin, append([]string{"serve", "--addr", addr}, flags...)...)
	s.cmd.Stdout, s.cmd.Stderr = &s.logs, &s.logs
	if err := s.cmd.Start(); err != nil {
		tb.Fatalf("start server: %v", err)
	}
	tb.Cleanup(func() {
		s.stop()
		if tb.Failed() {
			tb.Logf("server log (end):\n%s", tail(s.logs.String(), 40))
		}
	})
	waitReady(tb, s.URL+"/readyz")
	return s
}

// stop ends the server; the page must then live on its service worker.
func (s *server) stop() {
	if s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func freeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitReady(tb testing.TB, url string) {
	tb.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	tb.Fatalf("%s not ready after 90 s", url)
}

// tileServer stands in for the operator's tile server: every tile is grey.
func tileServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 256, 256)))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
	tb.Cleanup(ts.Close)
	return ts
}
