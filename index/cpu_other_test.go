//go:build !unix

package index

import (
	"testing"
	"time"
)

// reportCPU reports nothing where the process's CPU time is not at hand.
func reportCPU(*testing.B, time.Duration) {}

func startCPU() time.Duration { return 0 }
