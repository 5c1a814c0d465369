package main

import (
	"io"
	"sync"
	"time"
)

// logWriter collects the server's log lines and writes them out together,
// at least every flushEvery and whenever logBufferSize would overflow,
// instead of one write to stderr per line. The server logs every request:
// a write per line cost about a seventh of a cached answer's CPU (the
// head mix with the log batched: 47-58 against 51-76 us a request;
// docs/decisions/access-log.md). Each Write
// is one whole line (a slog handler writes a record at once), so a line
// is never split between two writes; a crash loses at most the lines of
// the last flushEvery.
type logWriter struct {
	mu   sync.Mutex
	out  io.Writer
	buf  []byte
	err  error // the first write error; later lines are dropped
	stop chan struct{}
	done chan struct{}
}

const (
	flushEvery    = 100 * time.Millisecond
	logBufferSize = 64 << 10
)

// newLogWriter starts flushing to out; Close flushes what is left and stops.
func newLogWriter(out io.Writer) *logWriter {
	w := &logWriter{out: out, buf: make([]byte, 0, logBufferSize), stop: make(chan struct{}), done: make(chan struct{})}
	go w.flushing()
	return w
}

func (w *logWriter) flushing() {
	defer close(w.done)
	t := time.NewTicker(flushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			w.Flush()
		case <-w.stop:
			w.Flush()
			return
		}
	}
}

// Write keeps line for the next flush; a line longer than the buffer is
// written at once, after the lines before it.
func (w *logWriter) Write(line []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf)+len(line) > cap(w.buf) {
		w.flushLocked()
	}
	if len(line) > cap(w.buf) {
		w.writeLocked(line)
	} else {
		w.buf = append(w.buf, line...)
	}
	return len(line), nil
}

// Flush writes out the lines kept so far.
func (w *logWriter) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.flushLocked()
}

func (w *logWriter) flushLocked() {
	if len(w.buf) > 0 {
		w.writeLocked(w.buf)
		w.buf = w.buf[:0]
	}
}

// writeLocked writes p unless a write failed before: stderr closed or full
// is no reason to stop serving, and there is nowhere to report it.
func (w *logWriter) writeLocked(p []byte) {
	if w.err == nil {
		_, w.err = w.out.Write(p)
	}
}

// Close flushes the lines left and stops the flushing.
func (w *logWriter) Close() error {
	close(w.stop)
	<-w.done
	return nil
}
