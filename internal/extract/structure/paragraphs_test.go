package structure_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// An essay written for this test: an opening paragraph of background and a
// stance, two body paragraphs (the second answering an objection) and a
// closing restatement.
const paragraphEssay = `Many villages lost their post office in the last twenty years. Their buildings now stand empty.
I think village post offices should be kept open with public money.

First of all, older people depend on them. Many of them do not bank online and need cash nearby.

Some argue that the service costs too much. But the sums involved are small compared with the cost of isolation.

In short, a village post office is worth its price.
`

// TestParseParagraphs: a text of several paragraphs is decoded paragraph
// by paragraph: the thesis is the opening paragraph's stance, each later
// paragraph's first unit bears on it, the scene-setting sentences that open
// the text bear on nothing, and the same sentences as one paragraph are
// one argument (a single tree over every unit).
func TestParseParagraphs(t *testing.T) {
	m := defaultModel(t)
	text := paragraphEssay
	sents := extract.StructureSentences(text)
	units := m.Segment(text, sents)
	unitOf := func(prefix string) int {
		t.Helper()
		for i, u := range units {
			if strings.HasPrefix(text[u.Start:u.End], prefix) {
				return i
			}
		}
		t.Fatalf("no unit starts with %q", prefix)
		return -1
	}
	// what the roles stage would say: the opening scene is plain description
	for _, p := range []string{"Many villages", "Their buildings"} {
		units[unitOf(p)].Plain = true
	}
	st := m.Parse(text, units, structure.ParseOptions{})
	thesis := unitOf("I think")
	if len(st.Central) != 1 || st.Central[0] != thesis {
		t.Fatalf("central = %v, want unit %d (the stance)", st.Central, thesis)
	}
	head := map[int]structure.Relation{}
	for _, r := range st.Relations {
		if _, dup := head[r.From]; dup {
			t.Errorf("unit %d has two heads", r.From)
		}
		head[r.From] = r
	}
	for _, p := range []string{"Many villages", "Their buildings"} {
		if r, ok := head[unitOf(p)]; ok {
			t.Errorf("background %q bears on unit %d", p, r.To)
		}
	}
	for _, p := range []string{"First of all", "Some argue", "In short"} {
		r, ok := head[unitOf(p)]
		if !ok || r.To != thesis {
			t.Errorf("paragraph claim %q: relation %+v (present %v), want it on the thesis", p, r, ok)
		}
	}
	for p, claim := range map[string]string{"Many of them": "First of all", "But the sums": "Some argue"} {
		if r := head[unitOf(p)]; r.To != unitOf(claim) {
			t.Errorf("%q bears on unit %d, want its paragraph's claim %q", p, r.To, claim)
		}
	}
	if r := head[unitOf("In short")]; r.Kind != structure.Support {
		t.Errorf("the closing restatement %s the thesis, want support", r.Kind)
	}
	// one paragraph: one argument, every unit but the root attached
	one := make([]structure.Unit, len(units))
	copy(one, units)
	for i := range one {
		one[i].Para = 0
	}
	st1 := m.Parse(text, one, structure.ParseOptions{})
	if len(st1.Central) != 1 || len(st1.Relations) != len(units)-1 {
		t.Errorf("one paragraph: %d central, %d relations for %d units, want one tree", len(st1.Central), len(st1.Relations), len(units))
	}
}
