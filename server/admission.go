package server

import (
	"context"
	"errors"
	"runtime"
	"time"
	"unicode"
)

// searchWait is how long a search may queue for a slot before it is
// answered 503 busy. An ordinary search takes milliseconds, so a queue this
// long means overload, and a quick answer lets the client retry or go
// elsewhere instead of piling up work.
const searchWait = 500 * time.Millisecond

// longQueryTerms is the estimated number of terms from which a query counts
// as long. People type one to five words; a pasted sentence has more, and
// every term is searched in every language's fields, so its cost grows with
// them.
const longQueryTerms = 12

var errBusy = errors.New("too many searches at once")

// admission bounds the searches running at once: each takes a slot, and
// long queries may hold at most a quarter of the slots, so that a flood of
// costly queries cannot keep the ordinary ones waiting. A search that finds
// no slot within searchWait is refused with errBusy.
type admission struct {
	all     chan struct{} // a token per running search
	long    chan struct{} // a further token per running long query
	wait    time.Duration
	metrics *Metrics
}

// defaultMaxSearches lets twice as many searches run as there are CPUs to
// run them: searches are CPU work in memory, and more at once only adds
// memory and latency.
func defaultMaxSearches() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

func newAdmission(slots int, m *Metrics) *admission {
	if slots <= 0 {
		slots = defaultMaxSearches()
	}
	return &admission{all: make(chan struct{}, slots), long: make(chan struct{}, max(1, slots/4)),
		wait: searchWait, metrics: m}
}

// enter waits for a slot for a search of text, at most until the
// request's deadline; call release when the search is done. The error is
// errBusy after searchWait, context.DeadlineExceeded when the deadline
// comes first, or ctx's error when the request ends.
func (a *admission) enter(ctx context.Context, text string, deadline time.Time) (release func(), err error) {
	long := queryTerms(text) >= longQueryTerms
	w := waiting{limit: a.wait, err: errBusy}
	if left := time.Until(deadline); left < w.limit {
		w.limit, w.err = left, context.DeadlineExceeded
	}
	defer w.stop()
	if long {
		if err := a.take(ctx, a.long, &w, long); err != nil {
			return nil, err
		}
	}
	if err := a.take(ctx, a.all, &w, long); err != nil {
		if long {
			<-a.long
		}
		return nil, err
	}
	a.metrics.searchStarted(1)
	return func() {
		a.metrics.searchStarted(-1)
		<-a.all
		if long {
			<-a.long
		}
	}, nil
}

// waiting is how long a search may still wait for its slots, and the
// error when that time is up. Its timer is made only when a slot is not
// free at once: most searches find one, and a timer each was an
// allocation per request.
type waiting struct {
	limit time.Duration
	err   error
	timer *time.Timer
}

func (w *waiting) done() <-chan time.Time {
	if w.timer == nil {
		w.timer = time.NewTimer(w.limit)
	}
	return w.timer.C
}

func (w *waiting) stop() {
	if w.timer != nil {
		w.timer.Stop()
	}
}

// take puts a token into slots: at once when one is free, else when one
// frees up within the wait, unless ctx ends first.
func (a *admission) take(ctx context.Context, slots chan struct{}, w *waiting, long bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.limit <= 0 {
		return w.err // the request's time was up before its search
	}
	select {
	case slots <- struct{}{}:
		return nil
	default:
	}
	select {
	case slots <- struct{}{}:
		return nil
	case <-w.done():
		if w.err == errBusy {
			a.metrics.searchRejected(long)
		}
		return w.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// queryTerms estimates how many terms the analyzers make of text: one per
// word, and one per character of the scripts written without spaces
// (Chinese characters, hiragana), which the tokenizer splits one by one.
func queryTerms(text string) int {
	n, inWord := 0, false
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana):
			n, inWord = n+1, false
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			if !inWord {
				n++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return n
}
