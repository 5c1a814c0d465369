package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"300MiB", 300 << 20, true},
		{"2GiB", 2 << 30, true},
		{"1.5GiB", 3 << 29, true},
		{"512KiB", 512 << 10, true},
		{"1000", 1000, true},
		{"1000B", 1000, true},
		{"", 0, false},
		{"300MB", 0, false},
		{"-1GiB", 0, false},
		{"lots", 0, false},
		{"1e30TiB", 0, false},
	} {
		got, err := parseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestNewMemory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	v2, unlimited, v1huge := write("v2", "1073741824\n"), write("max", "max\n"), write("v1", "9223372036854771712\n")
	const pace = servingGCPercent
	for _, tc := range []struct {
		name, flag string
		env        map[string]string
		files      []string
		want       memory
		err        bool
	}{
		{"a size", "300MiB", nil, nil, memory{fixed: 300 << 20, pace: pace}, false},
		{"off: Go's defaults", "off", map[string]string{"GOMEMLIMIT": "1GiB"}, []string{v2}, memory{off: true}, false},
		{"GOMEMLIMIT first", "auto", map[string]string{"GOMEMLIMIT": "384MiB"}, []string{v2}, memory{fixed: 384 << 20, pace: pace}, false},
		{"80% of the container", "auto", nil, []string{unlimited, v2}, memory{fixed: 858993459, pace: pace}, false},
		{"no container limit: adaptive", "auto", nil, []string{unlimited, v1huge, filepath.Join(dir, "missing")}, memory{pace: pace}, false},
		{"GOMEMLIMIT off: container", "auto", map[string]string{"GOMEMLIMIT": "off"}, []string{v2}, memory{fixed: 858993459, pace: pace}, false},
		{"the operator's GOGC stays", "auto", map[string]string{"GOGC": "150"}, nil, memory{}, false},
		{"the operator's GOGC with a limit", "1GiB", map[string]string{"GOGC": "off"}, nil, memory{fixed: 1 << 30}, false},
		{"bad flag", "3 gigs", nil, nil, memory{}, true},
		{"zero", "0", nil, nil, memory{}, true},
		{"bad GOMEMLIMIT", "auto", map[string]string{"GOMEMLIMIT": "x"}, nil, memory{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := newMemory(tc.flag, func(k string) string { return tc.env[k] }, tc.files)
			if (err != nil) != tc.err {
				t.Fatalf("err = %v, want error %v", err, tc.err)
			}
			if err == nil && (m.fixed != tc.want.fixed || m.off != tc.want.off || m.pace != tc.want.pace || (m.adaptive != nil) != (m.fixed == 0 && !m.off)) {
				t.Errorf("got %+v, want %+v", *m, tc.want)
			}
		})
	}
}

func TestServingLimit(t *testing.T) {
	for _, tc := range []struct {
		m    memory
		h    heap
		want int64
	}{
		{memory{}, heap{live: 50 << 20}, servingFloor},
		{memory{}, heap{live: 300 << 20}, 450 << 20},
		// the room for garbage is at most servingHeadroom
		{memory{}, heap{live: 400 << 20}, 592 << 20},
		// free slots in spans in use count against the limit and cannot be
		// collected: the limit leaves room above them
		{memory{}, heap{live: 500 << 20, unused: 280 << 20}, 972 << 20},
		{memory{fixed: 1 << 30}, heap{live: 900 << 20, unused: 100 << 20}, 1 << 30},
		{memory{off: true}, heap{live: 400 << 20}, 0},
	} {
		if got := tc.m.servingLimit(tc.h); got != tc.want {
			t.Errorf("%+v, heap %+v: %d MiB, want %d MiB", tc.m, tc.h, got>>20, tc.want>>20)
		}
	}
}

func TestMachineMemory(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "meminfo")
	if err := os.WriteFile(p, []byte("MemTotal:       24576000 kB\nMemFree:         1000 kB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := machineMemory(p); got != 24576000<<10 {
		t.Errorf("machineMemory = %d, want %d", got, 24576000<<10)
	}
	if got := machineMemory(filepath.Join(dir, "missing")); got != 0 {
		t.Errorf("machineMemory of no file = %d, want 0", got)
	}
	m := &memory{machine: 4 << 30}
	if got := m.buildingLimit(); got != 2<<30 {
		t.Errorf("building limit on 4 GiB = %d, want 2 GiB", got)
	}
	if got := (&memory{}).buildingLimit(); got != math.MaxInt64 {
		t.Errorf("building limit, machine unknown = %d, want none", got)
	}
}

// TestBuildingRestores checks that a (re)load's pace of the collector ends
// with it: serving sets GOGC back and the limit for serving.
func TestBuildingRestores(t *testing.T) {
	oldLimit := debug.SetMemoryLimit(-1)
	oldPercent := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetMemoryLimit(oldLimit); debug.SetGCPercent(oldPercent) })
	m := &memory{}
	serving := m.building()
	if p := debug.SetGCPercent(buildGCPercent); p != buildGCPercent {
		t.Errorf("GOGC while building = %d, want %d", p, buildGCPercent)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("limit while building = %d, want none", l)
	}
	limit := serving()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC after building = %d, want 100", p)
	}
	if l := debug.SetMemoryLimit(-1); l != limit || limit < servingFloor {
		t.Errorf("limit while serving = %d, returned %d, want at least %d", l, limit, servingFloor)
	}
	paced := &memory{pace: servingGCPercent}
	paced.building()()
	if p := debug.SetGCPercent(100); p != servingGCPercent {
		t.Errorf("GOGC after building with a serving pace = %d, want %d", p, servingGCPercent)
	}
}

// TestRaiseFollowsTheLiveHeap checks that the adaptive limit grows with the
// live heap while serving (the caches fill after an index is ready), never
// shrinks, and is left alone while a reload builds and under an
// operator's limit.
func TestRaiseFollowsTheLiveHeap(t *testing.T) {
	oldLimit := debug.SetMemoryLimit(-1)
	oldPercent := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetMemoryLimit(oldLimit); debug.SetGCPercent(oldPercent) })
	m := &memory{adaptive: &adaptiveLimit{}}
	if got := m.serve(heap{live: 300 << 20}); got != 450<<20 {
		t.Fatalf("serving limit for 300 MiB live = %d MiB, want 450", got>>20)
	}
	for _, step := range []struct {
		h    heap
		want int64 // the limit raise sets; 0: unchanged
	}{
		{heap{live: 310 << 20}, 0},                            // within a twentieth of 450 MiB: unchanged
		{heap{live: 600 << 20}, 792 << 20},                    // the caches filled
		{heap{live: 100 << 20}, 0},                            // never lower
		{heap{live: 620 << 20}, 0},                            // 812 MiB is within a twentieth of 792
		{heap{live: 620 << 20, unused: 120 << 20}, 932 << 20}, // fragmented
	} {
		if got := m.raise(step.h); got != step.want {
			t.Errorf("raise(%+v) = %d MiB, want %d", step.h, got>>20, step.want>>20)
		}
	}
	if l := debug.SetMemoryLimit(-1); l != 932<<20 {
		t.Errorf("limit set = %d MiB, want 932", l>>20)
	}
	serving := m.building()
	if got := m.raise(heap{live: 2 << 30}); got != 0 {
		t.Errorf("raise while building = %d MiB, want unchanged", got>>20)
	}
	serving()
	fixed := &memory{fixed: 1 << 30}
	fixed.serve(heap{live: 400 << 20})
	if got := fixed.raise(heap{live: 2 << 30}); got != 0 {
		t.Errorf("raise under the operator's limit = %d MiB, want unchanged", got>>20)
	}
}
