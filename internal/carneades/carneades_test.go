package carneades_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/carneades"
)

func TestRead(t *testing.T) {
	const doc = `meta:
  title: A small graph
statements:
  p: P holds.
  q:
    text: Q holds.
    assumed: true
  np: P does not hold.
  u: The argument does not apply.
issues:
  i1:
    positions: [p, np]
    standard: CCE
arguments:
  a1:
    scheme: cumulative
    conclusion: p
    premises:
      major: q
    undercutter: u
assumptions: [u]
tests:
  in: [q, u]
  out: [p]
  undecided: [np]
`
	im, err := carneades.Read([]byte(doc))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	g := im.Graph
	if im.Title != "A small graph" || len(g.Claims) != 4 || len(g.Relations) != 2 {
		t.Fatalf("Read = title %q, %d claims, %d relations; want A small graph, 4, 2", im.Title, len(g.Claims), len(g.Relations))
	}
	byKey := map[string]argmap.Claim{}
	for _, c := range g.Claims {
		byKey[c.Title] = c
	}
	if !byKey["q"].Assumed || !byKey["u"].Assumed || byKey["p"].Assumed {
		t.Errorf("assumed: q %v u %v p %v, want true true false", byKey["q"].Assumed, byKey["u"].Assumed, byKey["p"].Assumed)
	}
	if byKey["p"].Issue != "i1" || byKey["np"].Issue != "i1" || byKey["p"].Standard != argmap.StandardCCE {
		t.Errorf("issue of p %q, np %q, standard %q; want i1, i1, cce", byKey["p"].Issue, byKey["np"].Issue, byKey["p"].Standard)
	}
	a1, under := g.Relations[0], g.Relations[1]
	if a1.Title != "a1" || a1.Scheme != argmap.SchemeCumulative || a1.To != byKey["p"].ID || len(a1.From) != 1 || a1.From[0] != byKey["q"].ID {
		t.Errorf("argument a1 = %+v", a1)
	}
	if under.Kind != argmap.Contests || under.To != a1.ID || under.From[0] != byKey["u"].ID {
		t.Errorf("undercut = %+v, want a contest of a1 from u", under)
	}
	if im.Expected["np"] != "undec" || im.Expected["p"] != "out" || len(im.Expected) != 4 {
		t.Errorf("Expected = %v", im.Expected)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"not yaml", "statements: [unclosed", "not YAML"},
		{"not a map", "- a\n- b\n", "top level"},
		{"unknown conclusion", "statements: {p: P}\narguments:\n  a: {conclusion: q, premises: [p]}\n", "conclusion \"q\" is not a statement"},
		{"unknown premise", "statements: {p: P}\narguments:\n  a: {conclusion: p, premises: [x]}\n", "premise x is not a statement"},
		{"bad standard", "statements: {p: P, q: Q}\nissues:\n  i: {positions: [p, q], standard: XYZ}\n", "standard"},
		{"two issues", "statements: {p: P, q: Q, r: R}\nissues:\n  i: {positions: [p, q]}\n  j: {positions: [p, r]}\n", "two issues"},
		{"invalid utf-8", "statements: {p: \xff}\n", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := carneades.Read([]byte(tt.doc))
			if argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(argmap.ErrorMessage(err), tt.want) {
				t.Errorf("Read(%q) error = %v, want EINVALID mentioning %q", tt.doc, err, tt.want)
			}
		})
	}
	if im, err := carneades.Read(nil); err != nil || len(im.Graph.Claims) != 0 {
		t.Errorf("Read(empty) = %v, %v; want an empty graph", im, err)
	}
}

func TestReadNormalisesTermKeys(t *testing.T) {
	im, err := carneades.Read([]byte("statements:\n  \"price(car, 1000)\": The car costs 1000.\n  ok: OK\narguments:\n  a: {conclusion: ok, premises: [\"price(car,1000)\"]}\n"))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if im.Graph.Claims[0].Title != "price(car,1000)" || len(im.Graph.Relations) != 1 {
		t.Errorf("Read = %q, %d relations; want the key written price(car,1000) and the argument kept", im.Graph.Claims[0].Title, len(im.Graph.Relations))
	}
}
