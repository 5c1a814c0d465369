//go:build unix

package index

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU reports the process's CPU time (user and system, every
// goroutine and the collector) per iteration as cpu-ms/op: on a machine
// shared with other work, wall time says more about the neighbours than
// about the code, CPU time much less. Call it after the loop, with the
// value startCPU returned before it.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func startCPU() time.Duration { return cpuTime() }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
