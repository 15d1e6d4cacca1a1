package structure_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/extract/structure"
)

// TestJoinLeaning: a central claim that is the second part of its sentence
// and leans on the first ("…, but it …", "…, and …") takes in the parts of
// its sentence before it; relations between them go, relations to a joined
// part go to the joined unit; a central claim that stands alone, or is its
// sentence's first part, is left as it is.
func TestJoinLeaning(t *testing.T) {
	text := "Night buses cost the city little, but they are badly run. Drivers quit within a year. Routes change every winter."
	at := func(s string) (int, int) {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return i, i + len(s)
			}
		}
		t.Fatalf("%q not in the text", s)
		return 0, 0
	}
	unit := func(s string, sent int) structure.Unit {
		a, b := at(s)
		return structure.Unit{Start: a, End: b, Sent: sent}
	}
	units := []structure.Unit{
		unit("Night buses cost the city little,", 0),
		unit("but they are badly run.", 0),
		unit("Drivers quit within a year.", 1),
		unit("Routes change every winter.", 2),
	}
	tests := []struct {
		name      string
		st        structure.Structure
		wantUnits []string
		wantSt    structure.Structure
	}{
		{"leaning",
			structure.Structure{Central: []int{1}, Opponent: []float64{0.9, 0.1, 0.2, 0.3}, Relations: []structure.Relation{
				{From: 0, To: 1, Kind: structure.Attack}, {From: 2, To: 1, Kind: structure.Support}, {From: 3, To: 0, Kind: structure.Support}}},
			[]string{"Night buses cost the city little, but they are badly run.", "Drivers quit within a year.", "Routes change every winter."},
			structure.Structure{Central: []int{0}, Opponent: []float64{0.1, 0.2, 0.3}, Relations: []structure.Relation{
				{From: 1, To: 0, Kind: structure.Support}, {From: 2, To: 0, Kind: structure.Support}}}},
		{"first part",
			structure.Structure{Central: []int{0}, Opponent: []float64{0, 0, 0, 0}, Relations: []structure.Relation{
				{From: 1, To: 0, Kind: structure.Attack}, {From: 2, To: 0, Kind: structure.Support}, {From: 3, To: 2, Kind: structure.Support}}},
			[]string{"Night buses cost the city little,", "but they are badly run.", "Drivers quit within a year.", "Routes change every winter."},
			structure.Structure{Central: []int{0}, Opponent: []float64{0, 0, 0, 0}, Relations: []structure.Relation{
				{From: 1, To: 0, Kind: structure.Attack}, {From: 2, To: 0, Kind: structure.Support}, {From: 3, To: 2, Kind: structure.Support}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us, st := structure.JoinLeaning(text, units, tt.st)
			checkJoin(t, text, us, st, tt.wantUnits, tt.wantSt)
		})
	}
	// the half before reports what others hold: two voices, kept apart;
	// the writer's half loses its conjunction
	text2 := "Bus drivers say the routes are too long, but nobody has asked the passengers. The depot closes at nine."
	b, c := strings.Index(text2, "but nobody"), strings.Index(text2, "The depot")
	units2 := []structure.Unit{{Start: 0, End: b - 1, Sent: 0}, {Start: b, End: c - 1, Sent: 0}, {Start: c, End: len(text2), Sent: 1}}
	st2 := structure.Structure{Central: []int{1}, Opponent: []float64{0.9, 0.1, 0.2}, Relations: []structure.Relation{
		{From: 0, To: 1, Kind: structure.Attack}, {From: 2, To: 1, Kind: structure.Support}}}
	us, st := structure.JoinLeaning(text2, units2, st2)
	checkJoin(t, text2, us, st, []string{"Bus drivers say the routes are too long,", "nobody has asked the passengers.", "The depot closes at nine."}, st2)
}

func checkJoin(t *testing.T, text string, us []structure.Unit, st structure.Structure, wantUnits []string, wantSt structure.Structure) {
	t.Helper()
	var got []string
	for _, u := range us {
		got = append(got, text[u.Start:u.End])
	}
	if diff := cmp.Diff(wantUnits, got); diff != "" {
		t.Errorf("JoinLeaning units (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantSt, st); diff != "" {
		t.Errorf("JoinLeaning structure (-want +got):\n%s", diff)
	}
}
