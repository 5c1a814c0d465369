package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that a running server may write to while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestCheckEmbeddedDataIsValid(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"check", "--quiet"}, &out, &errOut); err != nil {
		t.Fatalf("check on the embedded data failed: %v\n%s%s", err, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), " 0 errors") {
		t.Errorf("got %q, want a summary with 0 errors", out.String())
	}
}

func TestCheckReportsBrokenFolder(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"check", "--data", "../../testdata/broken"}, &out, &errOut)
	if err == nil {
		t.Fatalf("check passed on broken data:\n%s", out.String())
	}
	for _, want := range []string{
		"testdata/broken/organizations/syntax-error.toml:2:20: error: TOML syntax",
		`testdata/broken/organizations/unknown-key.toml:9:1: error: unknown key "locations.adress"`,
		`testdata/broken/organizations/unknown-topic-and-duplicate.toml:11:1: error: service beratung: unknown topic "astrologie"`,
		`testdata/broken/organizations/unknown-topic-and-duplicate.toml:16:1: error: duplicate service id "beratung"`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCommandErrors(t *testing.T) {
	tests := [][]string{{}, {"frobnicate"}, {"check", "--data", "/does/not/exist"}, {"serve", "--data", "../../testdata/broken", "--addr", "127.0.0.1:0"}, {"serve", "--addr", "not an address"}}
	for _, args := range tests {
		var out, errOut bytes.Buffer
		if err := run(context.Background(), args, &out, &errOut); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}

func TestServeAnswersAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data", "../../testdata/fixture"}, &out, &errOut)
	}()
	addr := waitForAddr(t, &out, done)
	resp, err := http.Get("http://" + addr + "/api/v1/search?q=Aufenthaltstitel")
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Results []struct{ ID string } `json:"results"`
	}
	err = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || len(body.Results) == 0 || body.Results[0].ID != "beispiel-amt/aufenthalt" {
		t.Errorf("search: status %d, %+v, %v", resp.StatusCode, body, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after cancel, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestVersionAndSearchCommands(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"version"}, &out, &errOut); err != nil || !strings.HasPrefix(out.String(), "wegweiser ") {
		t.Errorf("version: %q %v", out.String(), err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", "../../testdata/fixture", "--explain", "work permit"}, &out, &errOut); err != nil {
		t.Fatalf("search: %v %s", err, errOut.String())
	}
	if !strings.Contains(out.String(), " 1. beispiel-amt/aufenthalt") || !strings.Contains(out.String(), `topic residence`) {
		t.Errorf("search output lacks the ranking or the explanation:\n%s", out.String())
	}
}

var listening = regexp.MustCompile(`listening on http://(\S+)`)

func waitForAddr(tb testing.TB, out *syncBuffer, done <-chan error) string {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := listening.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			tb.Fatalf("serve stopped early: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	tb.Fatal("serve did not start listening")
	return ""
}

func (b *syncBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Reset()
}
