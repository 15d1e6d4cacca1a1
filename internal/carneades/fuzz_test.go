package carneades_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/carneades"
	"github.com/argmap/argmap/internal/evaluate"
)

// FuzzRead checks that any input is either refused with EINVALID or
// ETOOLARGE, or read into a valid graph that every semantics can evaluate.
// Seeds are in testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Add([]byte("statements:\n  p: P\n  q: Q\narguments:\n  a1:\n    conclusion: q\n    premises: [p]\nassumptions: [p]\n"))
	f.Add([]byte("statements: {a: A, b: B}\nissues:\n  i: {positions: [a, b], standard: BRD}\n"))
	f.Add([]byte("- just\n- a list\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := carneades.Read(data)
		if err != nil {
			if c := argmap.ErrorCode(err); c != argmap.EINVALID && c != argmap.ETOOLARGE {
				t.Fatalf("Read error code %q, want invalid or too_large: %v", c, err)
			}
			return
		}
		if err := im.Graph.Validate(nil); err != nil {
			t.Fatalf("Read gave an invalid graph: %v", err)
		}
		for _, sem := range []evaluate.Semantics{evaluate.SemCarneades, evaluate.SemGrounded, evaluate.SemPreferred} {
			ev, err := evaluate.EvaluateGraph(im.Graph, sem, evaluate.Options{Limits: evaluate.Limits{MaxSteps: 10000}})
			if err != nil {
				if argmap.ErrorCode(err) != argmap.ETOOLARGE {
					t.Fatalf("EvaluateGraph(%s): %v", sem, err)
				}
				continue
			}
			if len(ev.Statements) != len(im.Graph.Claims) {
				t.Fatalf("EvaluateGraph(%s) labelled %d statements, want %d", sem, len(ev.Statements), len(im.Graph.Claims))
			}
		}
	})
}
