package server

import (
	"bufio"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// TestDumpAnswers writes the full JSON answer of /api/v1/search to the file
// named by WEGWEISER_ANSWERS_DUMP for every query of the relevance sets
// (in their page language, with filters, pages, a position, prefixes as
// typed) and for combinations of the tail benchmark's queries. A change
// to the search core that must keep answers identical is checked by
// comparing the dumps written before and after it (docs/decisions/
// query-cost.md). Whether a location is open now is left out: it moves
// with the minute, not with the code.
func TestDumpAnswers(t *testing.T) {
	path := os.Getenv("WEGWEISER_ANSWERS_DUMP")
	if path == "" {
		t.Skip("WEGWEISER_ANSWERS_DUMP names no file")
	}
	e, d := realServer(t, true)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	openNow := regexp.MustCompile(`"open_now":(true|false),?`)
	get := func(params url.Values) {
		target := "/api/v1/search?" + params.Encode()
		req := httptest.NewRequest("GET", target, nil)
		req.RemoteAddr = "192.0.2.1:1234"
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		w.WriteString(target + "\n")
		w.WriteString(rec.Result().Status + " ")
		w.Write(openNow.ReplaceAll(rec.Body.Bytes(), nil))
		w.WriteString("\n")
	}
	variants := []url.Values{{}, {"page": {"2"}}, {"limit": {"5"}}, {"topic": {d.Topics[0].ID}},
		{"area": {d.Areas[0].ID}}, {"language": {"ar", "en"}}, {"group": {d.Groups[0].ID}},
		{"free": {"true"}, "wheelchair": {"true"}}, {"near": {"52.26,10.52"}}}
	sets, _ := filepath.Glob("../testdata/relevance*")
	for _, dir := range sets {
		files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
		for _, file := range files {
			var qs struct {
				Query []struct{ Lang, Q string }
			}
			if _, err := toml.DecodeFile(file, &qs); err != nil {
				t.Fatal(err)
			}
			for i, q := range qs.Query {
				v := variants[i%len(variants)]
				for _, p := range []url.Values{{"q": {q.Q}, "lang": {q.Lang}}, merged(v, "q", q.Q, "lang", q.Lang)} {
					get(p)
				}
				if n := utf8.RuneCountInString(q.Q); n > 3 {
					get(url.Values{"q": {string([]rune(q.Q)[:n*2/3])}, "lang": {q.Lang}})
				}
			}
		}
	}
	for i := 0; i < 20*20*20; i += 7 {
		q := tailWords[i%len(tailWords)] + " " + tailWords[(i/len(tailWords))%len(tailWords)] + " " + tailWords[(i/len(tailWords)/len(tailWords))%len(tailWords)]
		get(url.Values{"q": {q}, "lang": {[]string{"de", "en", "ar", "uk"}[i%4]}})
	}
}

func merged(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = vs
	}
	for i := 0; i < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}
