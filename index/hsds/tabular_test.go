package hsds

import (
	"encoding/csv"
	"encoding/json"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestExportCSVIsAValidDataPackage exports the real records as a tabular
// data package and checks it as a Frictionless validator would: every
// resource's file exists with the declared columns, required cells are
// filled, uuids, numbers and dates parse, primary keys are unique and
// every foreign key finds its row.
func TestExportCSVIsAValidDataPackage(t *testing.T) {
	m := realMapper(t)
	dir := t.TempDir()
	w, err := m.ExportCSV(dir, []string{"de", "ar"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %d KiB for two languages", w.Files, w.Bytes/1024)
	var pkg struct {
		Licenses  []struct{ Name string }
		Resources []struct {
			Name, Path string
			Schema     struct {
				Fields []struct {
					Name, Type, Format string
					Constraints        struct{ Required bool }
				}
				PrimaryKey  string
				ForeignKeys []struct {
					Fields    string
					Reference struct{ Resource, Fields string }
				}
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "de", "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "CC-BY-4.0" {
		t.Errorf("licenses %+v, want CC-BY-4.0", pkg.Licenses)
	}
	tables := map[string][]map[string]string{}
	rows := 0
	for _, r := range pkg.Resources {
		recs := readCSV(t, filepath.Join(dir, "de", r.Path))
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(recs[0], names) {
			t.Fatalf("%s: header %v, want %v", r.Path, recs[0], names)
		}
		ids := map[string]bool{}
		for i, rec := range recs[1:] {
			row := map[string]string{}
			for j, f := range r.Schema.Fields {
				v := rec[j]
				row[f.Name] = v
				if msg := cellProblem(v, f.Type, f.Format, f.Constraints.Required); msg != "" {
					t.Errorf("%s row %d, %s %q: %s", r.Path, i+2, f.Name, v, msg)
				}
			}
			if key := row[r.Schema.PrimaryKey]; ids[key] {
				t.Errorf("%s: primary key %s twice", r.Path, key)
			} else {
				ids[key] = true
			}
			tables[r.Name] = append(tables[r.Name], row)
		}
		rows += len(recs) - 1
	}
	for _, r := range pkg.Resources {
		for _, fk := range r.Schema.ForeignKeys {
			for _, row := range tables[r.Name] {
				v := row[fk.Fields]
				if v != "" && !slices.ContainsFunc(tables[fk.Reference.Resource], func(x map[string]string) bool { return x[fk.Reference.Fields] == v }) {
					t.Errorf("%s.%s = %s: no %s with that %s", r.Name, fk.Fields, v, fk.Reference.Resource, fk.Reference.Fields)
				}
			}
		}
	}
	t.Logf("%d resources, %d rows in de", len(pkg.Resources), rows)
	if len(tables["schedule"]) == 0 || len(tables["metadata"]) == 0 || len(tables["taxonomy_term"]) < 300 {
		t.Errorf("schedules %d, metadata %d, terms %d: the package lacks what the records hold", len(tables["schedule"]), len(tables["metadata"]), len(tables["taxonomy_term"]))
	}
}

func readCSV(tb testing.TB, path string) [][]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return recs
}

// cellProblem checks one cell against its field, "" when it is fine; an
// empty cell is a missing value.
func cellProblem(v, typ, format string, required bool) string {
	if v == "" {
		if required {
			return "required but empty"
		}
		return ""
	}
	switch {
	case format == "uuid":
		if _, err := uuid.Parse(v); err != nil {
			return "not a uuid"
		}
	case typ == "number":
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return "not a number"
		}
	case typ == "integer":
		if _, err := strconv.Atoi(v); err != nil {
			return "not an integer"
		}
	case typ == "date":
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return "not a date"
		}
	case typ == "time":
		if _, err := time.Parse(time.TimeOnly, v); err != nil {
			return "not a time (HH:MM:SS)"
		}
	case format == "email":
		if _, err := mail.ParseAddress(v); err != nil {
			return "not an e-mail address"
		}
	case format == "uri":
		if u, err := url.Parse(v); err != nil || !u.IsAbs() {
			return "not an absolute URI"
		}
	}
	return ""
}
