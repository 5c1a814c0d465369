// Package cputime measures the CPU time this process has used, for the
// benchmarks: on a shared machine the elapsed time of a run varies with the
// other work on its cores, the CPU time it takes much less.
package cputime

import (
	"testing"
	"time"
)

// Report reports the CPU seconds per operation since start (Used at the
// start), including the collector's and every goroutine's background work.
func Report(b *testing.B, start time.Duration) {
	b.ReportMetric((Used()-start).Seconds()/float64(b.N), "cpu-s/op")
}
