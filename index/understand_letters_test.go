package index

import (
	"slices"
	"testing"
)

// letterHelpers are the services whose own texts say they explain letters
// from offices and help with forms (topic "letters").
var letterHelpers = []string{
	"awo-migrationsberatung-braunschweig", "caritas-braunschweig", "caritas-peine",
	"stadt-salzgitter-migration", "refugium-braunschweig",
}

// TestLettersHaveTheirOwnTopic: "I got a letter I do not understand", in
// the ten languages, finds a counselling that explains letters first, not a
// meeting place that shared the broad topic "arrival" with it. The queries
// are written for this test, not taken from a relevance set.
func TestLettersHaveTheirOwnTopic(t *testing.T) {
	ix := mustRealIndex(t)
	for _, q := range []string{
		"ich habe post vom amt bekommen und verstehe sie nicht",
		"i got a letter from the ausländerbehörde i do not understand",
		"وصلني مكتوب من الدائرة ما فهمته",
		"отримав лист з відомства, не розумію що там написано",
		"получил письмо из ausländerbehörde не понимаю",
		"jobcenterdan mektup geldi anlamadım",
		"نامه از اداره اومده نمیفهمم",
		"dostałem pismo z urzędu i nie rozumiem",
		"am primit o scrisoare de la autorități si nu inteleg",
		"получих писмо от службата и не го разбирам",
	} {
		got := ranked(t, ix, q)
		if len(got) == 0 || !slices.Contains(letterHelpers, got[0]) {
			t.Errorf("%q: got %v, want a service that explains letters first", q, got[:min(3, len(got))])
		}
	}
}
