package index

import "testing"

// A phrase's negation must be said for its intent, and counts for no
// content word: without it the rest is another question.
func TestIntentNeedsItsNegation(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q    string
		want bool // sensitive
	}{
		{"i can't leave the job", true},
		{"leave the job", false}, // "can't leave the job" without its negation
		{"can't leave", false},   // the negation and one word: no two words of its content
	}
	for _, tc := range tests {
		_, found := ix.vocab.match(ix.parse(tc.q))
		if got := found[intentSensitive] != nil; got != tc.want {
			t.Errorf("sensitive intent of %q = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// How people describe a risk in more languages (data/situations.toml):
// no papers, a child alone, refused a flat as a foreigner, exploited in
// the employer's housing; and a Vietnamese question about a permit is no
// one's without it ("không", not, is a negation).
func TestSensitiveSituationsInMoreLanguages(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		q    string
		want bool
	}{
		{"não tenho papéis", true},
		{"vim sozinho para a alemanha", true},
		{"мне 16 и я один", true},
		{"не сдают квартиру иностранцам", true},
		{"they took my id card", true},
		{"не имею документов", true},
		{"không có giấy phép cư trú", true},
		{"gia hạn giấy phép cư trú", false}, // renewing a permit
	}
	for _, tc := range tests {
		_, found := ix.vocab.match(ix.parse(tc.q))
		if got := found[intentSensitive] != nil; got != tc.want {
			t.Errorf("sensitive intent of %q = %v, want %v", tc.q, got, tc.want)
		}
	}
}
