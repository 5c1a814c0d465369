package index

import (
	"fmt"
	"testing"
)

// TestPlacesRead: a search says which places of the query it read, with the
// words as typed (issue 12's "Königslutter", "Westhagen", "Bad Harzburg",
// "Jobcenter Peine"), the town's name as the records write it when the words
// name one, and the area it ranked by.
func TestPlacesRead(t *testing.T) {
	ix := mustRealIndex(t)
	tests := []struct {
		name, q string
		want    []PlaceRead
	}{
		{"a town", "Jobcenter Peine", []PlaceRead{{"Peine", "lk-peine", "Peine"}}},
		{"a town by part of its name", "Königslutter Ausländerbehörde", []PlaceRead{{"Königslutter", "lk-helmstedt", "Königslutter am Elm"}}},
		{"a town's whole name", "Ausländerbehörde Königslutter am Elm", []PlaceRead{{"Königslutter am Elm", "lk-helmstedt", "Königslutter am Elm"}}},
		{"Bad is part of the name", "Jobcenter Bad Harzburg", []PlaceRead{{"Bad Harzburg", "lk-goslar", "Bad Harzburg"}}},
		{"as typed", "bad harzburg jobcenter", []PlaceRead{{"bad harzburg", "lk-goslar", "Bad Harzburg"}}},
		{"without Bad", "Harzburg", []PlaceRead{{"Harzburg", "lk-goslar", "Bad Harzburg"}}},
		{"a city district", "Beratung in Westhagen!", []PlaceRead{{"Westhagen", "wolfsburg", "Westhagen"}}},
		{"misspelt", "Königsluter Ausländerbehörde", []PlaceRead{{"Königsluter", "lk-helmstedt", "Königslutter am Elm"}}},
		{"misspelt village", "Jobcenter Vechelda", []PlaceRead{{"Vechelda", "lk-peine", "Vechelde"}}},
		{"inflected", "Wolfsburger Firma", []PlaceRead{{"Wolfsburger", "wolfsburg", "Wolfsburg"}}},
		{"a name with am", "Lutter am Barenberge", []PlaceRead{{"Lutter am Barenberge", "lk-goslar", "Lutter am Barenberge"}}},
		{"a hyphenated name", "Clausthal Jobcenter", []PlaceRead{{"Clausthal", "lk-goslar", "Clausthal-Zellerfeld"}}},
		{"the town, not its quarter", "Salzgitter", []PlaceRead{{"Salzgitter", "salzgitter", "Salzgitter"}}},
		{"two places of one area", "Wolfsburg Westhagen", []PlaceRead{{"Wolfsburg", "wolfsburg", "Wolfsburg"}, {"Westhagen", "wolfsburg", "Westhagen"}}},
		{"once each", "Jobcenter Peine (Peine)", []PlaceRead{{"Peine", "lk-peine", "Peine"}}},
		{"Cyrillic: the words, no German name", "работа вольфсбург", []PlaceRead{{"вольфсбург", "wolfsburg", ""}}},
		{"Arabic with its preposition", "مساعدة بفولفسبورغ", []PlaceRead{{"بفولفسبورغ", "wolfsburg", ""}}},
		{"a name of three places", "Petritor", []PlaceRead{{"Petritor", "braunschweig", ""}}},
		{"no place", "Deutschkurs", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.Search(t.Context(), Query{Text: tc.q, Lang: "de", Page: 1, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := fmt.Sprintf("%+v", res.Places), fmt.Sprintf("%+v", tc.want); got != want {
				t.Errorf("%q: got places %s, want %s", tc.q, got, want)
			}
		})
	}
}
