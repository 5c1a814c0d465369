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

// TestDecomposedWithoutRoom: a buffer with no room left is grown, not
// written past (the encoding went to buf[len:cap] and panicked there).
func TestDecomposedWithoutRoom(t *testing.T) {
	for _, r := range []rune{'ä', 'é', 'ł', 'ß', '中', '𝔄'} {
		for _, buf := range [][]byte{nil, make([]byte, 3, 3), make([]byte, 1, 2)} {
			if got, want := string(decomposed(r, buf)), norm.NFD.String(string(r)); got != want {
				t.Errorf("decomposed(%U) after %d bytes = %+q, NFD %+q", r, len(buf), got, want)
			}
		}
	}
}
