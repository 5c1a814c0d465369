package index

import (
	"strings"
	"testing"
	"time"
)

// FuzzLoad feeds arbitrary text to Load as an organization file and as the
// topic vocabulary: it never panics or hangs, every problem names its
// file, and every syntax error its line. (Type errors such as
// `services.0.id = "x"` still come without a line: BurntSushi/toml gives
// none, see the dotted-keys seed.)
// Run long with: go test ./index -run '^$' -fuzz FuzzLoad -fuzztime 10m
func FuzzLoad(f *testing.F) {
	f.Add(fixtureOrg, fixtureTopics)
	f.Add("name = {", fixtureTopics)
	f.Add(fixtureOrg+"\n[[services]]\nid = \"aufenthalt\"\n", fixtureTopics)
	f.Add("verified = 2026-13-45\n", "[[topic]]\nid = 7\n")
	f.Add("[[locations]]\nopening_hours = \"Mo-Fr 25:00-99:00; PH off\"\n", "")
	f.Add("\xff\xfe\x00", "[[topic]]\nid = \"work\"\nlabel = { de = \"\" }\n[[topic]]\nid = \"work\"\n")
	f.Fuzz(func(t *testing.T, org, topics string) {
		fsys := fixtureFS(map[string]string{"organizations/fuzz.toml": org, "topics.toml": topics})
		var d *Directory
		var problems Problems
		done := make(chan struct{})
		go func() {
			defer close(done)
			d, problems = Load(fsys, testNow)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			// The fuzzer has no time limit per input; a hang would stall it
			// silently, and in production it would stall every reload.
			t.Fatalf("Load took over 5 s on org %q, topics %q", org, topics)
		}
		if d == nil {
			t.Fatal("Load returned no directory")
		}
		for _, p := range problems {
			if p.File == "" {
				t.Errorf("problem without a file: %+v", p)
			}
			if strings.HasPrefix(p.Message, "TOML syntax") && p.Line <= 0 {
				t.Errorf("syntax error without a line: %+v", p)
			}
			if p.Line < 0 || p.Col < 0 {
				t.Errorf("problem with a negative position: %+v", p)
			}
		}
	})
}
