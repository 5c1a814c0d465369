package main

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memory is how the server tells Go's collector what it may use
// (docs/decisions/memory.md). While the data is (re)loaded the collector
// runs less often: building allocates gigabytes of short-lived garbage at
// 100,000 services, and collecting at the usual pace costs a sixth of the
// start. While serving, the heap is held under a soft limit: the
// operator's (--memory-limit, GOMEMLIMIT, or 80 % of the container's), or
// without one half again what the served index and its caches need, at
// least servingFloor; under that limit the collector keeps a slower pace
// than Go's default, servingGCPercent.
type memory struct {
	fixed int64 // the operator's limit in bytes; 0: none, adapt to the data
	off   bool  // --memory-limit off: no limit at all
	// pace is GOGC while serving; 0 leaves it as the process started
	// (the operator's GOGC, or Go's default without a limit).
	pace int
	// machine is the memory of the machine (0: unknown); without an
	// operator's limit, building stays under half of it.
	machine int64
	// adaptive is the limit set for serving without an operator's, which
	// follow raises as the caches fill; nil: none (as in tests).
	adaptive *adaptiveLimit
}

// adaptiveLimit is the adaptive limit set for serving.
type adaptiveLimit struct {
	mu    sync.Mutex
	on    bool  // set for serving; off while a reload builds
	limit int64 // in bytes
}

const (
	// buildGCPercent is GOGC while building (the default is 100).
	buildGCPercent = 300
	// servingGCPercent is GOGC while serving under a limit. At Go's 100 the
	// real data's 24 MB live heap was marked five times a second under the
	// head mix, and each mark took a share of the two cores for 20-40 ms:
	// at 400, 6-10 instead of 24-39 collections in 8 s and a head p99 1-3
	// ms lower on a quiet machine, for 180-270 instead of 90-200 MiB
	// resident (docs/decisions/memory.md, "Session 12"). Larger data sets
	// reach the limit first, which then sets the pace as before.
	servingGCPercent = 400
	// servingFloor is the least adaptive limit: below it the collector
	// would run for little gain.
	servingFloor = 256 << 20
	// servingHeadroom is the most the adaptive limit leaves for garbage
	// above the live heap and its free slots (half the live heap, up to
	// this). The garbage comes from requests, not from the index's size:
	// the tail mix at generated 100,000 services makes about 44 MB a
	// second (172 KB a search, 255 a second), so this is about 4.5 s
	// between collections at full load. Half of a 560 MB live heap there
	// kept 280 MB for it and resident memory over 1 GiB.
	servingHeadroom = 192 << 20
	// containerShare of a container's memory limit is the default limit,
	// leaving room for what Go does not count (the index's mapped files).
	containerShare = 0.8
)

// cgroupLimitFiles are where Linux tells a process its container's memory
// limit (cgroup v2, then v1); meminfoFile the machine's memory.
var cgroupLimitFiles = []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}

const meminfoFile = "/proc/meminfo"

// machineMemory is MemTotal of a meminfo file in bytes, 0 when unknown.
func machineMemory(file string) int64 {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kib, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil && kib > 0 {
				return kib << 10
			}
		}
	}
	return 0
}

// newMemory reads --memory-limit: "auto" (GOMEMLIMIT when set, else 80 %
// of the container's limit, else adapted to the data), "off", or a size
// such as 300MiB or 2GiB. Under a limit the collector is paced at
// servingGCPercent unless the operator set GOGC.
func newMemory(flag string, getenv func(string) string, limitFiles []string) (*memory, error) {
	m, err := memoryLimit(flag, getenv, limitFiles)
	if err != nil || m.off {
		return m, err
	}
	if getenv("GOGC") == "" {
		m.pace = servingGCPercent
	}
	return m, nil
}

// memoryLimit reads the limit part of newMemory.
func memoryLimit(flag string, getenv func(string) string, limitFiles []string) (*memory, error) {
	switch flag {
	case "off":
		return &memory{off: true}, nil
	case "auto", "":
		if env := getenv("GOMEMLIMIT"); env != "" && env != "off" {
			n, err := parseSize(env)
			if err != nil {
				return nil, fmt.Errorf("GOMEMLIMIT=%s: %w", env, err)
			}
			return &memory{fixed: n}, nil
		}
		if n := containerLimit(limitFiles); n > 0 {
			return &memory{fixed: int64(float64(n) * containerShare)}, nil
		}
		return &memory{adaptive: &adaptiveLimit{}}, nil
	}
	n, err := parseSize(flag)
	if err != nil {
		return nil, fmt.Errorf("--memory-limit %s: %w", flag, err)
	}
	if n <= 0 {
		return nil, fmt.Errorf("--memory-limit %s: must be more than 0 (or off)", flag)
	}
	return &memory{fixed: n}, nil
}

// containerLimit is the first limit found in files, 0 when none is set.
func containerLimit(files []string) int64 {
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err == nil && n > 0 && n < 1<<50 { // "max", or v1's huge "unlimited"
			return n
		}
	}
	return 0
}

// parseSize reads a size as GOMEMLIMIT writes it: a number of bytes with an
// optional unit B, KiB, MiB, GiB or TiB.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		factor float64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	factor := 1.0
	num := strings.TrimSpace(s)
	for _, u := range units {
		if rest, ok := strings.CutSuffix(num, u.suffix); ok {
			num, factor = strings.TrimSpace(rest), u.factor
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || f*factor > math.MaxInt64/2 {
		return 0, fmt.Errorf("not a size (write it like 300MiB or 2GiB)")
	}
	return int64(f * factor), nil
}

// start sets the operator's limit, if there is one, before anything is
// loaded.
func (m *memory) start() {
	if m != nil && m.fixed > 0 {
		debug.SetMemoryLimit(m.fixed)
	}
}

// building sets the collector's pace for a (re)load and returns the
// function that sets the pace for serving (m.pace, or the one before).
// The adaptive limit is lifted while building, so that a larger data set
// is not built under the limit of a smaller one; the operator's limit
// stays. A nil memory only gives the garbage of building back.
func (m *memory) building() (serving func() int64) {
	if m == nil {
		return func() int64 { debug.FreeOSMemory(); return 0 }
	}
	if a := m.adaptive; a != nil {
		a.mu.Lock()
		a.on = false
		a.mu.Unlock()
	}
	old := debug.SetGCPercent(buildGCPercent)
	if m.fixed == 0 {
		// The collector's slower pace must not take a small machine's
		// memory: under half of it, it collects as often as it must.
		debug.SetMemoryLimit(m.buildingLimit())
	}
	return func() int64 {
		if m.pace > 0 {
			old = m.pace
		}
		debug.SetGCPercent(old)
		// What building left behind goes back to the OS now rather than
		// whenever the collector would; this also measures what the
		// index served needs.
		debug.FreeOSMemory()
		return m.serve(readHeap())
	}
}

// buildingLimit is half the machine's memory, or no limit when unknown.
func (m *memory) buildingLimit() int64 {
	if m.machine > 0 {
		return m.machine / 2
	}
	return math.MaxInt64
}

// serve sets the limit for serving an index whose heap is h, and returns
// it (0: none).
func (m *memory) serve(h heap) int64 {
	limit := m.servingLimit(h)
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
	if a := m.adaptive; a != nil {
		a.mu.Lock()
		a.on, a.limit = limit > 0 && m.fixed == 0, limit
		a.mu.Unlock()
	}
	return limit
}

// followEvery is how often follow looks at the live heap.
const followEvery = 2 * time.Second

// follow raises the adaptive limit while the caches of the index served
// fill, until ctx ends. The limit set when an index is ready is half again
// its live heap then; the answer caches, the postings and the hits' views
// fill after that (generated 100,000 services: 440 MiB live when ready,
// 581 MiB after the tail mix), and the heap in use then passed the limit:
// the collector ran without pause (19-26 collections in 15 s, a quarter of
// the CPU). So the limit stays half again the live heap as it grows.
func (m *memory) follow(ctx context.Context, log *slog.Logger) {
	if m == nil || m.adaptive == nil {
		return // the operator's limit, or none
	}
	t := time.NewTicker(followEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if limit := m.raise(readHeap()); limit > 0 {
				log.Info("memory limit raised", "memory_limit_mib", limit>>20)
			}
		}
	}
}

// raise sets the adaptive limit to servingLimit's if that is at least a
// twentieth more than the limit set, and returns the new limit (0:
// unchanged). It never lowers it: a reload sets it anew.
func (m *memory) raise(h heap) int64 {
	a := m.adaptive
	if a == nil {
		return 0
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	want := m.servingLimit(h)
	if !a.on || want <= a.limit+a.limit/20 {
		return 0
	}
	debug.SetMemoryLimit(want)
	a.limit = want
	return want
}

// servingLimit is the operator's limit, or the live heap and half of it
// again (what searches and the answer caches use; at most servingHeadroom)
// plus the heap's free slots, at least servingFloor; 0 when off.
//
// The free slots are memory in spans that also hold live objects: the
// collector cannot give it back, and it counts against the limit. At
// generated 100,000 services they were 280 MB beside a live heap of about
// 500 MB; a limit of 1.5 times the live heap was then under what the heap
// could shrink to, and the collector never stopped, even with no requests
// (docs/decisions/memory.md, "Session 11").
func (m *memory) servingLimit(h heap) int64 {
	switch {
	case m.off:
		return 0
	case m.fixed > 0:
		return m.fixed
	}
	live, unused := min(h.live, math.MaxInt64/4), min(h.unused, math.MaxInt64/4)
	return max(servingFloor, int64(live+min(live/2, servingHeadroom)+unused))
}

// heap is what the collector found: the live heap, and the free slots in
// the spans in use (fragmentation).
type heap struct{ live, unused uint64 }

// readHeap reads the heap's shape from the runtime.
func readHeap() heap {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	var h heap
	if s[0].Value.Kind() == metrics.KindUint64 {
		h.live = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		h.unused = s[1].Value.Uint64()
	}
	return h
}
