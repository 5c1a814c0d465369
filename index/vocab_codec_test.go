package index

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/data"
)

// vocabDifference names the first field in which two vocabularies differ,
// or is "" (build and scratch are empty in both). Analyzers and typo
// automata are code, made again on reading: only which languages have them
// is compared. TestVocabCodecCoversEveryField keeps this list whole.
func vocabDifference(a, b *vocabulary) string {
	fields := []struct {
		name string
		x, y any
	}{
		{"concepts", a.concepts, b.concepts}, {"phrases", a.phrases, b.phrases}, {"situations", a.situations, b.situations},
		{"byTerm", a.byTerm, b.byTerm}, {"idf", a.idf, b.idf}, {"words", a.words, b.words}, {"plainWords", a.plainWords, b.plainWords},
		{"countries", a.countries, b.countries}, {"origins", a.origins, b.origins},
		{"fuzzy", a.fuzzy.byTerm, b.fuzzy.byTerm}, {"officeTypos", a.officeTypos.byTerm, b.officeTypos.byTerm},
		{"officeVowels", a.officeVowels, b.officeVowels},
		{"others", slices.Sorted(mapKeys(a.others)), slices.Sorted(mapKeys(b.others))},
		{"pipelines", slices.Sorted(mapKeys(a.pipelines)), slices.Sorted(mapKeys(b.pipelines))},
		{"byScript", a.byScript, b.byScript}, {"translit", a.translit, b.translit}, {"asked", a.asked, b.asked},
		{"bigrams", a.bigrams, b.bigrams}, {"fillers", a.fillers, b.fillers}, {"intentSurface", a.intentSurface, b.intentSurface},
		{"memberPhrases", a.memberPhrases, b.memberPhrases}, {"dictionary", a.dictionary, b.dictionary},
		{"germanLong", a.germanLong, b.germanLong},
	}
	for _, f := range fields {
		if !reflect.DeepEqual(f.x, f.y) {
			return f.name
		}
	}
	return ""
}

// TestVocabCodecReadsBackAsBuilt: the real data's vocabulary, written and
// read back, equals the one built, field by field.
func TestVocabCodecReadsBackAsBuilt(t *testing.T) {
	ix := mustRealIndex(t)
	b := marshalVocabulary(ix.vocab, "code")
	v, err := unmarshalVocabulary(b, "code", ix.dir, ix.an, ix.germanWords)
	if err != nil {
		t.Fatal(err)
	}
	if f := vocabDifference(ix.vocab, v); f != "" {
		t.Errorf("field %s read back differs from the one built", f)
	}
	if again := marshalVocabulary(v, "code"); !bytes.Equal(again, b) {
		t.Error("the vocabulary read back is written differently")
	}
}

// TestVocabCodecCoversEveryField fails when a field is added to the
// vocabulary: vocab_codec.go must write it, or say why not, and
// vocabDifference compare it.
func TestVocabCodecCoversEveryField(t *testing.T) {
	known := "build concepts phrases situations byTerm idf words plainWords countries origins fuzzy officeTypos " +
		"officeVowels others pipelines byScript translit asked bigrams fillers intentSurface memberPhrases " +
		"dictionary germanLong scratch"
	var fields []string
	for f := range reflect.TypeFor[vocabulary]().Fields() {
		fields = append(fields, f.Name)
	}
	if got := strings.Join(fields, " "); got != known {
		t.Errorf("the vocabulary's fields are\n%s\nthe codec knows\n%s", got, known)
	}
}

// TestKeptVocabularyRefused: a vocabulary file of another program, of
// another format, damaged or cut short is an error, never a vocabulary.
func TestKeptVocabularyRefused(t *testing.T) {
	ix := mustRealIndex(t)
	good := marshalVocabulary(ix.vocab, "code")
	for _, c := range []struct {
		name string
		file []byte
		code string
	}{
		{"another program", good, "other"},
		{"another format", append([]byte("wegweiser-vocabulary-0\n"), good[len(vocabMagic):]...), "code"},
		{"a byte changed", slices.Concat(good[:len(good)/2], []byte{good[len(good)/2] ^ 1}, good[len(good)/2+1:]), "code"},
		{"cut short", good[:len(good)-100], "code"},
		{"empty", nil, "code"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if v, err := unmarshalVocabulary(c.file, c.code, ix.dir, ix.an, ix.germanWords); err == nil || v != nil {
				t.Errorf("read back: %v, %v", v != nil, err)
			}
		})
	}
	if _, err := unmarshalVocabulary(good, "other", ix.dir, ix.an, ix.germanWords); !errors.Is(err, errVocabStale) {
		t.Errorf("another program's vocabulary: %v, want %v", err, errVocabStale)
	}
}

// TestOpenKeepsTheVocabulary: Open with a Dir keeps the vocabulary; a warm
// Open reads it (a term taken out of the kept file is missing), and a
// damaged one is built anew, logged and kept again.
func TestOpenKeepsTheVocabulary(t *testing.T) {
	now := time.Now()
	dir := t.TempDir()
	var log bytes.Buffer
	open := func() *Index {
		t.Helper()
		ix, _, err := Open(context.Background(), data.FS(), now, Options{Dir: dir, Log: slog.New(slog.NewTextHandler(&log, nil))})
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	built := open()
	key, err := ContentKey(data.FS())
	if err != nil {
		t.Fatal(err)
	}
	path := vocabPath(snapshotPath(dir, key))
	code, err := codeKey()
	if err != nil {
		t.Skip(err) // no /proc: the vocabulary is not kept
	}
	kept, err := readVocabulary(path, built.dir, built.an, built.germanWords)
	if err != nil {
		t.Fatalf("no vocabulary kept: %v", err)
	}
	if f := vocabDifference(built.vocab, kept); f != "" {
		t.Fatalf("kept vocabulary differs in %s", f)
	}
	built.Close()

	term := vocabKey("de", "aufenthaltstitel")
	if !kept.knows("de", "aufenthaltstitel") {
		t.Fatalf("the vocabulary has no %q", term)
	}
	delete(kept.byTerm, term)
	if err := os.WriteFile(path, marshalVocabulary(kept, code), 0o644); err != nil {
		t.Fatal(err)
	}
	warm := open()
	if warm.vocab.knows("de", "aufenthaltstitel") {
		t.Error("a warm Open did not read the kept vocabulary")
	}
	warm.Close()

	if err := os.WriteFile(path, []byte(vocabMagic+"damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	anew := open()
	defer anew.Close()
	if !anew.vocab.knows("de", "aufenthaltstitel") {
		t.Error("a damaged vocabulary was read")
	}
	if !strings.Contains(log.String(), "kept vocabulary not used") {
		t.Errorf("nothing logged: %q", log.String())
	}
	if _, err := readVocabulary(path, anew.dir, anew.an, anew.germanWords); err != nil {
		t.Errorf("not kept again: %v", err)
	}
}

// TestDecodeAndKeepKeepsTheVocabulary: a cold Open keeps the vocabulary
// with the records before it reads them back, so that the read-back reads
// it instead of building it a second time (Build would keep one anyway,
// which TestOpenKeepsTheVocabulary cannot tell apart).
func TestDecodeAndKeepKeepsTheVocabulary(t *testing.T) {
	if _, err := codeKey(); err != nil {
		t.Skip(err) // no /proc: the vocabulary is not kept
	}
	dir := t.TempDir()
	key, err := ContentKey(data.FS())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeAndKeep(context.Background(), data.FS(), testNow, key, Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	built := mustRealIndex(t)
	kept, err := readVocabulary(vocabPath(snapshotPath(dir, key)), built.dir, built.an, built.germanWords)
	if err != nil {
		t.Fatalf("no vocabulary kept: %v", err)
	}
	if f := vocabDifference(built.vocab, kept); f != "" {
		t.Fatalf("kept vocabulary differs in %s", f)
	}
}
