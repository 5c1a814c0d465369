//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Used is the CPU time (user and system) the process has used so far, on
// every core; 0 when the system does not tell.
func Used() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
