package index

import "testing"

// TestAppointmentWordsAskNothing: the word for an appointment next to an
// office's name asks for that office, not for whichever service mentions
// appointments ("Übersetzung für Termin"); after a negation it asks for a
// drop-in hour.
func TestAppointmentWordsAskNothing(t *testing.T) {
	ix := mustRealIndex(t)
	for _, c := range []struct{ q, want string }{
		{"agentur für arbeit termin", "agentur-fuer-arbeit-braunschweig-goslar"},
		{"termin auslaenderbehoerde braunschweig", "auslaenderbehoerde-braunschweig"},
		{"appointment at the jobcenter wolfsburg", "jobcenter-wolfsburg"},
		{"randevu ausländerbehörde braunschweig", "auslaenderbehoerde-braunschweig"},
		{"beratung ohne termin", "refugium-braunschweig"},
	} {
		got := ranked(t, ix, c.q)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q: got %v, want %s first", c.q, got[:min(3, len(got))], c.want)
		}
	}
}
