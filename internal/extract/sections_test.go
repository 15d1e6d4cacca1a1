package extract_test

import (
	"context"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestNotesHeadingLeads: a heading opens the notes section only when it
// starts with the word ("Notes", "4. Endnotes", "Note on sources"). A title
// such as "Briefing note on assisted returns" filed the whole document under
// notes, where no sentence is a claim: the document gave no claim at all.
func TestNotesHeadingLeads(t *testing.T) {
	const body = "We argue that assisted return schemes are not voluntary for most of the people in them.\n\n" +
		"Critics contend that the agency enforces the exclusion of asylum seekers on behalf of its funders.\n\n"
	tests := []struct {
		heading string
		claims  int // claims from the two sentences under it
	}{
		{"Briefing note on assisted returns", 2},
		{"Field notes from the Aegean", 2},
		{"A note on method", 2},
		{"Notes", 0},
		{"4. Endnotes", 0},
		{"Note on sources", 0},
	}
	p := extract.New(extract.Options{})
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			// a body before the heading, so that a notes heading has a body to
			// end; its one claim is counted apart
			doc := "Return policy\n\nThe programme should be judged by what happens to people after they go back.\n\n" +
				tt.heading + "\n\n" + body
			g, err := p.Extract(context.Background(), argmap.Document{Name: "returns.txt", Data: []byte(doc)})
			if err != nil {
				t.Fatal(err)
			}
			under := 0
			for _, c := range g.Claims {
				if c.Spans[0].Start >= len(doc)-len(body) {
					under++
				}
			}
			if under != tt.claims {
				t.Errorf("claims under %q = %d, want %d (all claims: %d)", tt.heading, under, tt.claims, len(g.Claims))
			}
		})
	}
}
