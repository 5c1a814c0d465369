package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestRecordCodecCoversEveryField fills every exported field of an
// organization (and of everything in it) with a value of its own, writes
// and reads it back, and wants it whole: a field added to a record and not
// to record_codec.go fails here.
func TestRecordCodecCoversEveryField(t *testing.T) {
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		n++
		switch v.Kind() {
		case reflect.String:
			v.SetString(fmt.Sprintf("s%d", n))
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Int:
			v.SetInt(int64(n))
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem())
		case reflect.Float64:
			v.SetFloat(float64(n) + 0.25)
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range 2 {
				fill(v.Index(i))
			}
		case reflect.Map:
			v.Set(reflect.MakeMap(v.Type()))
			for _, lang := range []string{"de", "xx"} {
				e := reflect.New(v.Type().Elem()).Elem()
				fill(e)
				v.SetMapIndex(reflect.ValueOf(lang), e)
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(time.Time{}) {
				v.Set(reflect.ValueOf(time.Date(2024, 9, 1+n%20, 0, 0, 0, 0, time.FixedZone("", 3600))))
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					fill(v.Field(i))
				}
			}
		default:
			t.Fatalf("the test cannot fill a %s: teach it, and record_codec.go", v.Type())
		}
	}
	want := &Organization{}
	fill(reflect.ValueOf(want).Elem())
	w := newRecordWriter()
	part := w.organizations([]*Organization{want, {ID: "empty"}})
	strs, err := readStrings(w.stringsBlock())
	if err != nil {
		t.Fatal(err)
	}
	got, err := readOrganizations(part, strs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !reflect.DeepEqual(got[0], want) || !reflect.DeepEqual(got[1], &Organization{ID: "empty"}) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got[0], want)
	}
}

// TestRecordCodecRefusesDamage: a part cut short, a wrong string table
// or another format is an error, never a record.
func TestRecordCodecRefusesDamage(t *testing.T) {
	d, _ := Load(data.FS(), time.Now())
	w := newRecordWriter()
	part := w.organizations(d.Organizations)
	block := w.stringsBlock()
	strs, err := readStrings(block)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readOrganizations(part, strs); err != nil {
		t.Fatalf("whole part: %v", err)
	}
	for _, c := range []struct {
		name        string
		part, block []byte
	}{
		{"part cut short", part[:len(part)/2], block},
		{"part with a byte more", append(append([]byte{}, part...), 0), block},
		{"strings cut short", part, block[:len(block)-1]},
		{"strings of another format", part, append([]byte("wegweiser-records-1\n"), block[len(recordsMagic):]...)},
		{"part of another format", append([]byte("wegweiser-records-1\n"), part[len(recordsMagic):]...), block},
		// kept before services had limited_to: decoded anew, not misread
		{"part of the format before limited_to", append([]byte("wegweiser-records-2\n"), part[len(recordsMagic):]...), block},
		{"fewer strings", part, newRecordWriter().stringsBlock()},
	} {
		strs, err := readStrings(c.block)
		if err == nil {
			_, err = readOrganizations(c.part, strs)
		}
		if err == nil {
			t.Errorf("%s: read without an error", c.name)
		}
	}
}

// TestKeptRecordsOfAnotherFormatAreDecodedAnew: records kept by an older
// version (gob parts, no format), or damaged, are not read back; Open
// decodes the data again and keeps it in this format.
func TestKeptRecordsOfAnotherFormatAreDecodedAnew(t *testing.T) {
	now := time.Now()
	for _, c := range []struct {
		name   string
		damage func(folder string) error
	}{
		{"older format", func(folder string) error {
			var s snapshot
			if err := readGob(filepath.Join(folder, "main.gob"), &s); err != nil {
				return err
			}
			s.Format = "" // as written before the format was recorded
			return writeGob(filepath.Join(folder, "main.gob"), s)
		}},
		{"part missing", func(folder string) error { return os.Remove(partPath(folder, 3)) }},
		{"part damaged", func(folder string) error {
			return os.WriteFile(partPath(folder, 0), []byte(recordsMagic+"\xff\xff"), 0o644)
		}},
		{"strings damaged", func(folder string) error {
			return os.WriteFile(stringsPath(folder), []byte(recordsMagic), 0o644)
		}},
		{"strings missing", func(folder string) error { return os.Remove(stringsPath(folder)) }},
		{"last part missing", func(folder string) error { return os.Remove(partPath(folder, snapshotParts-1)) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			ix, _, err := Open(context.Background(), data.FS(), now, Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			want := len(ix.Directory().Organizations)
			ix.Close()
			key, err := ContentKey(data.FS())
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := readSnapshot(dir, key); !ok {
				t.Fatal("the kept records are not read back")
			}
			if err := c.damage(snapshotPath(dir, key)); err != nil {
				t.Fatal(err)
			}
			if _, ok := readSnapshot(dir, key); ok {
				t.Fatal("records of another format or damaged are read back")
			}
			ix, _, err = Open(context.Background(), data.FS(), now, Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if got := len(ix.Directory().Organizations); got != want {
				t.Errorf("%d organizations after decoding anew, want %d", got, want)
			}
			if s, ok := readSnapshot(dir, key); !ok || len(s.Directory.Organizations) != want {
				t.Errorf("the records were not kept again in this format")
			}
		})
	}
}
