package index

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// TestWordMemoAnalyses checks that analysing word by word with remembered
// words gives exactly the tokens of the analyzers themselves, for every
// text of the real data and some hard cases, the first time and again.
func TestWordMemoAnalyses(t *testing.T) {
	an, texts := dataTexts(t, true)
	texts = append(texts, "Aufenthaltserlaubnis und Arbeitserlaubnis verlängern; Anerkennungsberatung",
		"می‌خواهم کار پیدا کنم", "İş arıyorum, Türkiye'den geldim", "Don't the workers' rights",
		"Ми не отримали зарплату", "не платят зарплату 2024", "nie zapłacili", "fără contract",
		"работата на работниците", "أبحث عن عمل في براونشفايغ", "中中中", "  ", "")
	memo := newMemoAnalyzers(an)
	check := func(name string, direct, memo analysis.Analyzer) {
		for round := range 2 {
			for _, text := range texts {
				want, got := tokens(direct.Analyze([]byte(text))), tokens(memo.Analyze([]byte(text)))
				if want != got {
					t.Fatalf("%s, round %d, %q:\n got %s\nwant %s", name, round, text, got, want)
				}
			}
		}
	}
	for _, lang := range Languages {
		check(lang, an.lang[lang], memo.lang[lang])
	}
	check("plain", an.plain, memo.plain)
}

// dataTexts are the analyzers of the real data and its texts: names,
// descriptions, each service's keywords joined as they are indexed, the
// topics' labels and, with phrases, the situations' phrases.
func dataTexts(tb testing.TB, phrases bool) (*analyzers, []string) {
	tb.Helper()
	d, problems := Load(data.FS(), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		tb.Fatal(errs)
	}
	stats, err := newWordStats(d)
	if err != nil {
		tb.Fatal(err)
	}
	an, err := newAnalyzers(stats.GermanWords)
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	add := func(t Text) {
		for _, s := range t {
			texts = append(texts, s)
		}
	}
	for _, o := range d.Organizations {
		add(o.Name)
		add(o.Description)
		for _, s := range o.Services {
			add(s.Name)
			add(s.Description)
			for _, kw := range s.Keywords {
				texts = append(texts, strings.Join(kw, " ; "))
			}
		}
	}
	for _, tp := range d.Topics {
		add(tp.Label)
	}
	if phrases {
		for _, s := range d.Situations {
			for _, list := range s.Phrases {
				texts = append(texts, list...)
			}
		}
	}
	return an, texts
}

func tokens(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%q %d-%d @%d %d %v; ", t.Term, t.Start, t.End, t.Position, t.Type, t.KeyWord)
	}
	return b.String()
}
