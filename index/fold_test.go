package index

import "testing"

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
