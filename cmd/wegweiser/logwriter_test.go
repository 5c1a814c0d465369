package main

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLogWriterKeepsWholeLines: lines written from many goroutines come
// out whole, each once, after Close; a line longer than the buffer too.
func TestLogWriterKeepsWholeLines(t *testing.T) {
	var out syncBuffer
	w := newLogWriter(&out)
	long := strings.Repeat("x", logBufferSize+10) + "\n"
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				if g == 0 && i == 1000 {
					w.Write([]byte(long))
				}
				w.Write([]byte(strings.Repeat(string(rune('a'+g)), 1+i%50) + "\n"))
			}
		})
	}
	wg.Wait()
	w.Close()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 8*2000+1 {
		t.Fatalf("%d lines, want %d", len(lines), 8*2000+1)
	}
	for _, l := range lines {
		if strings.Trim(l, l[:1]) != "" {
			t.Fatalf("a line mixes writes: %.60q", l)
		}
	}
}

// TestLogWriterFlushesInTime: a line written while nothing else is logged
// reaches the output within a few flush periods, without Close.
func TestLogWriterFlushesInTime(t *testing.T) {
	var out syncBuffer
	w := newLogWriter(&out)
	defer w.Close()
	w.Write([]byte("ready\n"))
	deadline := time.Now().Add(20 * flushEvery)
	for out.String() != "ready\n" {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %q", 20*flushEvery, out.String())
		}
		time.Sleep(flushEvery / 4)
	}
}

// TestLogWriterStopsAtAWriteError: a broken stderr does not fail the
// writes (the server keeps serving) and is not written to again.
func TestLogWriterStopsAtAWriteError(t *testing.T) {
	f := &failingWriter{}
	w := newLogWriter(f)
	for range 3 {
		if n, err := w.Write([]byte("line\n")); n != 5 || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
		w.Flush()
	}
	w.Close()
	if f.calls != 1 {
		t.Errorf("%d writes after the first failed, want none", f.calls-1)
	}
}

type failingWriter struct{ calls int }

func (f *failingWriter) Write(p []byte) (int, error) {
	f.calls++
	return 0, errors.New("stderr closed")
}
