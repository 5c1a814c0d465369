package index

import (
	"io/fs"
	"reflect"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
	"github.com/wegweiser-braunschweig/wegweiser/data/synth"
)

// TestCompactRecordsKeepsEveryRecord: the records a cold Open serves
// after compacting them are those decoded from the files, in the same
// order, for every number of parts (more parts than records included).
// Times are compared as instants: the codec keeps a date's offset, not
// the TOML decoder's location value.
func TestCompactRecordsKeepsEveryRecord(t *testing.T) {
	now := time.Now()
	want, _ := Load(data.FS(), now)
	inUTC(reflect.ValueOf(want.Organizations))
	for _, parts := range []int{1, 3, snapshotParts, len(want.Organizations) + 2} {
		d, _ := Load(data.FS(), now)
		e := encodeRecords(d.Organizations, parts)
		got, err := e.decode()
		if err != nil {
			t.Fatalf("%d parts: %v", parts, err)
		}
		if len(e.parts) != parts {
			t.Errorf("%d parts: encoded in %d", parts, len(e.parts))
		}
		inUTC(reflect.ValueOf(got))
		if !reflect.DeepEqual(got, want.Organizations) {
			t.Errorf("%d parts: the records read back differ from those decoded", parts)
		}
	}
	d, _ := Load(data.FS(), now)
	if _, err := compactRecords(d); err != nil {
		t.Fatal(err)
	}
	inUTC(reflect.ValueOf(d.Organizations))
	if !reflect.DeepEqual(d.Organizations, want.Organizations) {
		t.Error("compactRecords changed the records")
	}
}

// TestColdOpenServesTheLoadedRecords: a cold Open decodes the files
// without making their strings canonical (load(…, false)) and serves the
// records as compactRecords reads them back; they are the records Load
// gives, in the same order, with the same problems, for the real data and
// a synthetic folder.
func TestColdOpenServesTheLoadedRecords(t *testing.T) {
	now := time.Now()
	copies := synthFS(t, synth.Copies, 120)
	for _, c := range []struct {
		name string
		fsys fs.FS
	}{{"real data", data.FS()}, {"copies", copies}} {
		t.Run(c.name, func(t *testing.T) {
			want, wantProblems := Load(c.fsys, now)
			d, problems := load(c.fsys, now, false)
			if !reflect.DeepEqual(problems, wantProblems) {
				t.Errorf("problems %v, Load's %v", problems, wantProblems)
			}
			if _, err := compactRecords(d); err != nil {
				t.Fatal(err)
			}
			inUTC(reflect.ValueOf(want.Organizations))
			inUTC(reflect.ValueOf(d.Organizations))
			if len(d.Organizations) != len(want.Organizations) || len(d.Organizations) == 0 {
				t.Fatalf("%d organizations, Load's %d", len(d.Organizations), len(want.Organizations))
			}
			for i := range want.Organizations {
				if !reflect.DeepEqual(d.Organizations[i], want.Organizations[i]) {
					t.Fatalf("organization %d (%s) differs from Load's", i, want.Organizations[i].ID)
				}
			}
		})
	}
}

// inUTC sets every time reachable from v (through pointers, slices and
// exported struct fields) to the same instant in UTC.
func inUTC(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			inUTC(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			inUTC(v.Index(i))
		}
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			v.Set(reflect.ValueOf(t.UTC()))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				inUTC(v.Field(i))
			}
		}
	}
}
