package extract_test

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestExtractNamedSpeakers checks that the people and organisations a text
// reports as arguing are actors asserting what it reports, each of them
// when it names several: the actor finder reads them from the verb of
// saying, the attribution splits "A and B".
func TestExtractNamedSpeakers(t *testing.T) {
	tests := []struct {
		name, text, claim string
		want              []string
	}{
		{"two authors with a year", "# Review\n\nAshutosh and Mountz (2011) argue that the agency acts for the states that fund it. The agency denies this.\n",
			"Ashutosh and Mountz (2011) argue that the agency acts for the states that fund it.", []string{"Ashutosh", "Mountz"}},
		{"one person", "# Review\n\nMegan Bradley argues that the agency is bound by international law. Others disagree.\n",
			"Megan Bradley argues that the agency is bound by international law.", []string{"Megan Bradley"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := extract.New(extract.Options{}).Extract(context.Background(), argmap.Document{Name: "a.md", MediaType: "text/markdown", Data: []byte(tt.text)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			names := map[string]string{}
			for _, a := range g.Actors {
				names[a.ID] = a.Name
			}
			for _, c := range g.Claims {
				if c.Text != tt.claim {
					continue
				}
				got := []string{}
				for _, r := range c.Actors {
					if r.Role == argmap.RoleAsserts {
						got = append(got, names[r.ActorID])
					}
				}
				sort.Strings(got)
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("actors asserting %q (-want +got):\n%s", c.Text, diff)
				}
				return
			}
			var texts []string
			for _, c := range g.Claims {
				texts = append(texts, c.Text)
			}
			t.Errorf("no claim %q among %q", tt.claim, texts)
		})
	}
}
