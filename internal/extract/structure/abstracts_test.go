package structure_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// An abstract written for this test: background, method (active, then
// passive), two results, a limitation, the conclusion.
const abstractText = `Green roofs are said to cool buildings, but few measurements exist for older flats. We fitted sedum roofs to twelve blocks of flats built before 1970 and left twelve similar blocks unchanged. Indoor temperatures were logged every hour through two summers. Top-floor rooms under the green roofs stayed on average two degrees cooler on hot afternoons. The effect vanished on the floors below. The blocks were not chosen at random, so the comparison may not hold for other estates. Green roofs are therefore worth fitting to the top floors of older flats.`

// TestParseAbstract: the conclusion is the central claim, the results
// support it, the limitation attacks it, background and method bear on
// nothing.
func TestParseAbstract(t *testing.T) {
	m := defaultModel(t)
	text := abstractText
	units := m.Segment(text, extract.StructureSentences(text))
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
	st := m.Parse(text, units, structure.ParseOptions{})
	claim := unitOf("Green roofs are therefore")
	if len(st.Central) != 1 || st.Central[0] != claim {
		t.Fatalf("central = %v, want unit %d (the conclusion)", st.Central, claim)
	}
	head := map[int]structure.Relation{}
	for _, r := range st.Relations {
		head[r.From] = r
	}
	results := units[unitOf("Top-floor rooms")].Start
	for i, u := range units {
		if r, ok := head[i]; ok && u.Start < results {
			t.Errorf("background or method %q bears on %d, want nothing", text[u.Start:u.End], r.To)
		}
	}
	if r, ok := head[unitOf("Top-floor rooms")]; !ok || r.Kind != structure.Support || r.To != claim {
		t.Errorf("result: %+v (present %v), want support of the conclusion %d", r, ok, claim)
	}
	if r, ok := head[unitOf("The blocks were not")]; !ok || r.Kind != structure.Attack || r.To != claim {
		t.Errorf("limitation: %+v (present %v), want an attack on the conclusion %d", r, ok, claim)
	}
}
