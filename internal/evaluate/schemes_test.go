package evaluate_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/carneades"
	"github.com/argmap/argmap/internal/evaluate"
)

// TestSchemesAndStandards checks the weighing schemes and proof standards on
// small Carneades graphs written for the test.
func TestSchemesAndStandards(t *testing.T) {
	tests := []struct {
		name, doc string
		want      map[string]string
	}{
		{"convergent needs one premise", `
statements: {p: P, s: S, t: T}
assumptions: [s]
arguments:
  a: {scheme: convergent, conclusion: t, premises: [p, s]}
`, map[string]string{"p": "out", "s": "in", "t": "in"}},
		{"convergent without premises weighs nothing", `
statements: {t: T}
arguments:
  a: {scheme: convergent, conclusion: t}
`, map[string]string{"t": "out"}},
		{"linked without premises holds", `
statements: {t: T}
arguments:
  a: {conclusion: t}
`, map[string]string{"t": "in"}},
		{"cumulative share loses to a full linked argument", `
statements: {a: A, b: B, x: X, y: Y, z: Z}
assumptions: [x, z]
issues:
  i: {positions: [a, b]}
arguments:
  r1: {scheme: cumulative, conclusion: a, premises: [x, y]}
  r2: {conclusion: b, premises: [z]}
`, map[string]string{"a": "out", "b": "in", "x": "in", "y": "out", "z": "in"}},
		{"clear and convincing needs a margin over 0.5", `
statements: {a: A, b: B, x: X, y: Y, z: Z}
assumptions: [x, z]
issues:
  i: {positions: [a, b], standard: CCE}
arguments:
  r1: {scheme: cumulative, conclusion: a, premises: [x, y]}
  r2: {conclusion: b, premises: [z]}
`, map[string]string{"a": "out", "b": "out", "x": "in", "y": "out", "z": "in"}},
		{"beyond reasonable doubt met", `
statements: {a: A, b: B, z: Z}
assumptions: [z]
issues:
  i: {positions: [a, b], standard: BRD}
arguments:
  r: {conclusion: a, premises: [z]}
`, map[string]string{"a": "in", "b": "out", "z": "in"}},
		{"beyond reasonable doubt not met when the rival weighs 0.33", `
statements: {a: A, b: B, x: X, y: Y, w: W, z: Z}
assumptions: [x, z]
issues:
  i: {positions: [a, b], standard: BRD}
arguments:
  r1: {scheme: cumulative, conclusion: b, premises: [x, y, w]}
  r2: {conclusion: a, premises: [z]}
`, map[string]string{"a": "out", "b": "out", "x": "in", "y": "out", "w": "out", "z": "in"}},
		{"dialectical validation: no argument against", `
statements: {a: A, b: B, x: X, y: Y, z: Z}
assumptions: [x, z]
issues:
  i: {positions: [a, b], standard: DV}
arguments:
  r1: {scheme: cumulative, conclusion: b, premises: [x, y]}
  r2: {conclusion: a, premises: [z]}
`, map[string]string{"a": "out", "b": "out", "x": "in", "y": "out", "z": "in"}},
		{"self-undercut", `
statements: {p: P, u: U}
assumptions: [p]
arguments:
  a: {conclusion: u, premises: [p], undercutter: u}
`, map[string]string{"p": "in", "u": "undec"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, err := carneades.Read([]byte(tt.doc))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			ev, err := evaluate.EvaluateGraph(im.Graph, evaluate.SemCarneades, evaluate.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, s := range ev.Statements {
				got[s.Key] = s.Label.String()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
		})
	}
}
