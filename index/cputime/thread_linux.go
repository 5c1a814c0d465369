package cputime

import (
	"syscall"
	"time"
)

// rusageThread is Linux's RUSAGE_THREAD, which the syscall package does
// not name.
const rusageThread = 1

// Thread is the CPU time the calling OS thread has used so far, and
// whether the system tells it. The caller must hold its thread
// (runtime.LockOSThread) between two readings for their difference to be
// its own work: then another process's time on the core, or the
// hypervisor's, is not in it, as it is in the elapsed time.
func Thread() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
