package index

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFoldText(t *testing.T) {
	for in, want := range map[string]string{
		"Beratung": "beratung", "Ausländerbehörde": "auslanderbehorde", "Çalışma İzni": "calısma izni",
		"Praca w Łodzi": "praca w łodzi", "работа": "работа", "تَصْرِيح": "تصريح", "": "",
	} {
		if got := foldText(in); got != want {
			t.Errorf("foldText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDecomposedIsNFD checks decomposed against norm's NFD for every rune
// beyond ASCII.
func TestDecomposedIsNFD(t *testing.T) {
	var buf [utf8.UTFMax * 4]byte
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if got, want := string(decomposed(r, buf[:0])), norm.NFD.String(string(r)); got != want {
			t.Errorf("decomposed(%U) = %+q, NFD %+q", r, got, want)
		}
	}
}
