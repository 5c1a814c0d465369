package main

import (
	"context"
	"log/slog"
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/index"
	"github.com/wegweiser-braunschweig/wegweiser/server"
)

// TestStartUpWarningsSummedUp: serving the real records (about 80 warnings)
// logs a count per kind and where the list is, not a line per warning;
// with -v each warning is logged. Errors are never summed up (see
// TestReloadRejectsOversizedData).
func TestStartUpWarningsSummedUp(t *testing.T) {
	_, problems := index.Load(data.FS(), time.Now())
	want := 0
	for _, p := range problems {
		if p.Warning {
			want++
		}
	}
	if want < 10 {
		t.Skipf("the real records have %d warnings: nothing to sum up", want)
	}
	count := regexp.MustCompile(`msg="data warnings" count=(\d+)`)
	for _, verbose := range []bool{false, true} {
		t.Run("verbose="+strconv.FormatBool(verbose), func(t *testing.T) {
			var logs syncBuffer
			var live index.Live
			r := newReloader(data.FS(), "", index.Options{}, &live, server.NewMetrics(), slog.New(slog.NewTextHandler(&logs, nil)))
			r.verbose = verbose
			if err := r.reload(context.Background()); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(r.close)
			out := logs.String()
			each := strings.Count(out, `msg="data problem"`)
			summed := 0
			for _, m := range count.FindAllStringSubmatch(out, -1) {
				n, _ := strconv.Atoi(m[1])
				summed += n
			}
			if verbose {
				if each != want || summed != 0 {
					t.Errorf("-v: %d warning lines and %d summed up, want %d lines", each, summed, want)
				}
				return
			}
			if each != 0 || summed != want {
				t.Errorf("%d warning lines and %d summed up, want none and %d", each, summed, want)
			}
			if lines := strings.Count(out, "\n"); lines > 12 {
				t.Errorf("start-up logs %d lines, want a dozen at most:\n%s", lines, out)
			}
			if !strings.Contains(out, strconv.Itoa(want)+" data warnings in ") || !strings.Contains(out, "`wegweiser check` lists each") {
				t.Errorf("the summary does not say how many warnings or where the list is:\n%s", out)
			}
		})
	}
}

func TestWarningKind(t *testing.T) {
	tests := []struct{ msg, want string }{
		{`address "Peine" is undated: set as_of to the date of the source that states it (and source to its URL)`, "address … is undated"},
		{`newest source is of 2016-01-01, over 5 years ago: the page shows the record as unconfirmed (possibly closed)`, "newest source is of …, over 5 years ago"},
		{`contact facts not confirmed for over 12 months: the oldest is the phone of 2024-06-01 (0800 4 5555 20)`, "contact facts not confirmed for over 12 months"},
	}
	for _, tc := range tests {
		if got := warningKind(tc.msg); got != tc.want {
			t.Errorf("warningKind(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}

func TestBrowsable(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"[::]:8080", "localhost:8080"}, {"0.0.0.0:8080", "localhost:8080"},
		{"127.0.0.1:9000", "127.0.0.1:9000"}, {"[::1]:8080", "[::1]:8080"},
	}
	for _, tc := range tests {
		a, err := net.ResolveTCPAddr("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := browsable(a); got != tc.want {
			t.Errorf("browsable(%s) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}
