package index

import "testing"

// TestEthiopicScript: Tigrinya and Amharic speakers write German towns and
// office words in their own script; both are found by their sounds.
func TestEthiopicScript(t *testing.T) {
	ix := mustRealIndex(t)
	for word, area := range map[string]string{"ብራውንሽቫይግ": "braunschweig", "ቮልፍስቡርግ": "wolfsburg", "ጎስላር": "lk-goslar"} {
		if got := ix.places.areaOf(word); got != area {
			t.Errorf("place of %s (%s) = %q, want %s", word, ethiopicToLatin(word), got, area)
		}
	}
	if got := ix.vocab.translit.alternatives("ጆብሰንተር", false)["de"]; !containsString(got, "jobcenter") {
		t.Errorf("German words for ጆብሰንተር = %v, want jobcenter among them", got)
	}
	if got := ranked(t, ix, "ጆብሰንተር"); len(got) == 0 || got[0][:9] != "jobcenter" {
		t.Errorf("ጆብሰንተር: got %v, want a Jobcenter first", got)
	}
}
