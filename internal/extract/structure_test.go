package extract_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// TestRelateShortArgument runs the pipeline on a short argument written for
// this test: the conclusion is the main claim, the conceded point contests
// it and the reply to the concession undercuts that relation.
func TestRelateShortArgument(t *testing.T) {
	text := "Of course, the new stadium will be loud. But the noise stops at ten every night. " +
		"So the neighbours should welcome it."
	g := extractDoc(t, "stadium.txt", []byte(text))
	if err := g.Validate(nil); err != nil {
		t.Fatalf("draft does not validate: %v", err)
	}
	id := map[string]string{}
	for _, c := range g.Claims {
		id[c.Text] = c.ID
		if c.Main != strings.HasPrefix(c.Text, "So the neighbours") {
			t.Errorf("claim %q main = %v", c.Text, c.Main)
		}
	}
	concede, reply, concl := id["Of course, the new stadium will be loud."], id["But the noise stops at ten every night."], id["So the neighbours should welcome it."]
	if concede == "" || reply == "" || concl == "" {
		t.Fatalf("claims = %v, want the three sentences as claims", claimTexts(g))
	}
	var attack *argmap.Relation
	for i, r := range g.Relations {
		if r.From[0] == concede && r.To == concl && r.Kind == argmap.Contests {
			attack = &g.Relations[i]
		}
	}
	if attack == nil {
		t.Fatalf("relations = %+v, want the concession contesting the conclusion", g.Relations)
	}
	undercut := false
	for _, r := range g.Relations {
		if r.From[0] == reply && r.To == attack.ID && r.Kind == argmap.Contests {
			undercut = true
		}
	}
	if !undercut {
		t.Errorf("relations = %+v, want the reply contesting relation %s (an undercut)", g.Relations, attack.ID)
	}
}

// TestRelateSubSentence checks that a clause the parser splits off is its
// own unit with its own span, and bears on the clause it backs.
func TestRelateSubSentence(t *testing.T) {
	text := "Towns should keep their markets open because small farmers depend on them. " +
		"Supermarkets pay farmers less."
	g := extractDoc(t, "market.txt", []byte(text))
	var thesis, reason string
	for _, c := range g.Claims {
		if c.Spans[0].Quote != text[c.Spans[0].Start:c.Spans[0].End] {
			t.Errorf("claim %q span does not quote the text", c.Text)
		}
		switch c.Text {
		case "Towns should keep their markets open":
			thesis = c.ID
			if !c.Main {
				t.Errorf("the thesis is not the main claim")
			}
		case "because small farmers depend on them.":
			reason = c.ID
		}
	}
	if thesis == "" || reason == "" {
		t.Fatalf("claims = %q, want the sentence split before because", claimTexts(g))
	}
	for _, r := range g.Relations {
		if r.From[0] == reason && r.To == thesis && r.Kind == argmap.Supports {
			return
		}
	}
	t.Errorf("relations = %+v, want the because-clause supporting the thesis", g.Relations)
}
