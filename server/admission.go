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

// enter waits for a slot for a search of text; call release when the search
// is done. The error is errBusy, or the context's when it ends first.
func (a *admission) enter(ctx context.Context, text string) (release func(), err error) {
	long := queryTerms(text) >= longQueryTerms
	timer := time.NewTimer(a.wait)
	defer timer.Stop()
	if long {
		if err := a.take(ctx, a.long, timer.C, long); err != nil {
			return nil, err
		}
	}
	if err := a.take(ctx, a.all, timer.C, long); err != nil {
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

func (a *admission) take(ctx context.Context, slots chan struct{}, timeout <-chan time.Time, long bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case slots <- struct{}{}:
		return nil
	case <-timeout:
		a.metrics.searchRejected(long)
		return errBusy
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
