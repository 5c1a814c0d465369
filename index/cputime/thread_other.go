//go:build !linux

package cputime

import "time"

// Thread is not told outside Linux: callers keep to elapsed times.
func Thread() (time.Duration, bool) { return 0, false }
