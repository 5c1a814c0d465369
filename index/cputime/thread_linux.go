package cputime

import (
	"time"

	"golang.org/x/sys/unix"
)

// Thread is the CPU time the calling OS thread has used so far, and
// whether the system tells it. The caller must hold its thread
// (runtime.LockOSThread) between two readings for their difference to be
// its own work: then another process's time on the core, or the
// hypervisor's, is not in it, as it is in the elapsed time.
//
// It reads CLOCK_THREAD_CPUTIME_ID, which brings the running thread's
// time up to date. getrusage(RUSAGE_THREAD) does not: on kernels that
// account CPU time at the scheduler's ticks it moved only every few
// milliseconds, so a search of 0.3 ms read as 0 (the relevance queries'
// median did, on 4 December 2026).
func Thread() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
