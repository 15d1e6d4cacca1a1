package structure_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract/structure"
)

// TestRejects: a short sentence that denies a view the sentence before
// reports, pointing back at it, is the writer's answer. Own sentences.
func TestRejects(t *testing.T) {
	for _, tt := range []struct {
		prev, cur string
		want      bool
	}{
		{"Some people think that supermarkets have made markets unnecessary.", "They have not.", true},
		{"Airlines like to say that night trains belong to the past.", "They are wrong.", true},
		{"The developer claims that the car park will bring shoppers back.", "The evidence does not support this.", true},
		{"Critics warn that the tax will drive tourists away.", "Experience shows otherwise.", true},
		{"People keep saying that trams are too slow.", "They are not.", true},
		{"Critics warn that the tax will drive tourists away.", "Some of them will go.", false},                                      // no denial
		{"The developer claims that the car park will bring shoppers back.", "Not every town has the money for one.", false},         // denies nothing before it
		{"Her central claim is that the agency is not a tool of states.", "That is not the case.", false},                            // "claim" is a noun: nothing reported
		{"Markets bring people into the town centre.", "That is not the case.", false},                                               // the writer's own claim, no view reported
		{"Some say the hall is too expensive.", "That is not the case, as the figures from three towns that built one show.", false}, // an argument, not a bare denial
	} {
		text := tt.prev + " " + tt.cur
		if got := structure.Rejects(text, 0, len(tt.prev), len(tt.prev)+1, len(text)); got != tt.want {
			t.Errorf("Rejects(%q, %q) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}
