package structure_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/extract/structure"
)

// TestJoinSentences: in a text read a sentence a unit the parts of a
// sentence that bear on each other become one unit, which keeps the
// relation of the part the others lean on (the one bearing outside the
// sentence; after "but" the point made, not the point granted); relations
// inside the sentence go, relations to a part go to the joined unit;
// parts that bear on different units become one unit too; a sentence
// whose parts all bear on one unit, or that reports a view and turns on
// it, stays in parts. Written for this test.
func TestJoinSentences(t *testing.T) {
	S, A := structure.Support, structure.Attack
	for _, c := range []struct {
		name  string
		parts []string // each "|" ends a sentence's part; ". " ends a sentence
		st    structure.Structure
		units []string
		want  structure.Structure
	}{
		{"a reason inside its sentence",
			[]string{"Ferries should run all night,", "because nurses work late shifts.", "The last boat leaves at ten."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}, {From: 2, To: 1, Kind: S}}},
			[]string{"Ferries should run all night, because nurses work late shifts.", "The last boat leaves at ten."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}}}},
		{"a point granted and the point made",
			[]string{"Ferries should run all night.", "A night crew costs money,", "but empty roads save the council more."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 2, Kind: A}, {From: 2, To: 0, Kind: S}}},
			[]string{"Ferries should run all night.", "A night crew costs money, but empty roads save the council more."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}}}},
		{"a point granted, the point made and its reason",
			[]string{"Ferries should run all night.", "A night crew costs money,", "but empty roads save the council more,", "because fewer crashes happen."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: A}, {From: 2, To: 0, Kind: S}, {From: 3, To: 2, Kind: S}}},
			[]string{"Ferries should run all night.", "A night crew costs money, but empty roads save the council more, because fewer crashes happen."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}}}},
		{"parts bearing on different units: one move",
			[]string{"Ferries should run all night.", "Buses stop at ten.", "Nurses work late shifts,", "and the cafés would stay open later."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}, {From: 2, To: 0, Kind: S}, {From: 3, To: 1, Kind: A}}},
			[]string{"Ferries should run all night.", "Buses stop at ten.", "Nurses work late shifts, and the cafés would stay open later."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}, {From: 2, To: 0, Kind: S}}}},
		{"parts bearing on one unit stay apart",
			[]string{"Ferries should run all night.", "Nurses work late shifts,", "and bars close at two."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}, {From: 2, To: 0, Kind: S}}},
			[]string{"Ferries should run all night.", "Nurses work late shifts,", "and bars close at two."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: S}, {From: 2, To: 0, Kind: S}}}},
		{"two voices stay apart",
			[]string{"Ferries should run all night.", "My neighbour says nobody would use them,", "but I doubt it."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: A}, {From: 2, To: 1, Kind: A}}},
			[]string{"Ferries should run all night.", "My neighbour says nobody would use them,", "but I doubt it."},
			structure.Structure{Central: []int{0}, Relations: []structure.Relation{{From: 1, To: 0, Kind: A}, {From: 2, To: 1, Kind: A}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Join(c.parts, " ")
			var units []structure.Unit
			off, sent := 0, 0
			for _, p := range c.parts {
				units = append(units, structure.Unit{Start: off, End: off + len(p), Sent: sent})
				if strings.HasSuffix(p, ".") {
					sent++
				}
				off += len(p) + 1
			}
			c.st.Opponent = make([]float64, len(units))
			got, st := structure.JoinSentences(text, units, c.st)
			var texts []string
			for _, u := range got {
				texts = append(texts, text[u.Start:u.End])
			}
			if d := cmp.Diff(c.units, texts); d != "" {
				t.Errorf("units (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.want.Central, st.Central); d != "" {
				t.Errorf("central (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.want.Relations, st.Relations); d != "" {
				t.Errorf("relations (-want +got):\n%s", d)
			}
		})
	}
}
