package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

// TestStates: a text states something when it has a predicate outside its
// brackets and is more than an aside naming who reports; a bare citation,
// a heading, a name or a reporting aside states nothing.
func TestStates(t *testing.T) {
	s := extract.NewStancer()
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Lund (2017)", false},
		{"Lund and Okafor (2019)", false},
		{"Lund, K. (2017)", false},
		{"Timetables and their critics", false},
		{"Findings", false},
		{"as Lund (2017) recounts.", false},
		{"as the survey found", false},
		{"according to Lund (2017)", false},
		{"Night buses run late.", true},
		{"Lund (2017) showed that night buses run late.", true},
		{"The ferry (which the council bought in 2019) is often cancelled.", true},
		{"As fares rose, fewer people took the bus.", true},
		{"Drivers wait for late trains", true},
		{"The timetable was changed twice.", true},
		{"Few riders trust the new timetable (see Lund 2017).", true},
		{"It does not.", true},
	} {
		if got := s.States(c.text); got != c.want {
			t.Errorf("States(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestOutsideBracketsUnclosed: a bracket never closed is kept as text, so
// what follows it still counts; a closed pair inside it is still dropped.
func TestOutsideBracketsUnclosed(t *testing.T) {
	s := extract.NewStancer()
	for _, text := range []string{
		"The bulletin ( has just printed its new timetable for the harbour (TH).",
		"The bulletin [ has just printed its new timetable.",
	} {
		if !s.States(text) {
			t.Errorf("States(%q) = false, want true", text)
		}
	}
}
