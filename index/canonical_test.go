package index

import (
	"io/fs"
	"reflect"
	"testing"
	"unsafe"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestRecordsKeepNoSource checks that no string of a decoded record points
// into its file's source, which would keep the whole file in memory.
func TestRecordsKeepNoSource(t *testing.T) {
	files, err := fs.Glob(data.FS(), orgDir+"/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatal("no organization files", err)
	}
	for _, file := range files {
		org, kp, problems := loadOrganization(data.FS(), file, newStringTable())
		if org == nil {
			t.Fatalf("%s: %v", file, problems)
		}
		kp.scanned() // drops the source it kept for line numbers
		var walk func(path string, v reflect.Value)
		walk = func(path string, v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer, reflect.Interface:
				if !v.IsNil() {
					walk(path, v.Elem())
				}
			case reflect.Struct:
				for i := range v.NumField() {
					walk(path+"."+v.Type().Field(i).Name, v.Field(i))
				}
			case reflect.Slice:
				for i := range v.Len() {
					walk(path, v.Index(i))
				}
			case reflect.Map:
				for _, k := range v.MapKeys() {
					if k.Kind() == reflect.String && !canonical(k.String()) {
						t.Errorf("%s %s: key %q points into the decoder's input", file, path, k.String())
					}
					walk(path, v.MapIndex(k))
				}
			}
		}
		walk("", reflect.ValueOf(org).Elem())
	}
}

// canonical reports whether s is the package's own string for its language.
func canonical(s string) bool {
	for _, l := range Languages {
		if l == s {
			return unsafe.StringData(l) == unsafe.StringData(s)
		}
	}
	return true // a copy, made by langKey
}
