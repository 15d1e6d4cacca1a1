package evaluate_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
)

// BenchmarkGrounded measures the grounded labelling on sparse random
// frameworks; the time per argument stays flat as they grow (linear).
func BenchmarkGrounded(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		r := rand.New(rand.NewPCG(3, uint64(n)))
		f := sparseFramework(r, n, 2)
		b.Run(fmt.Sprintf("args=%d", n), func(b *testing.B) {
			for b.Loop() {
				evaluate.Grounded(f)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/arg")
		})
	}
}

// BenchmarkPreferred and BenchmarkStable measure the enumerating semantics on
// frameworks of hundreds of arguments: random sparse ones (two attacks per
// argument on average) and debate-shaped ones (chains of mutual rebuttals
// with attacks between neighbouring pairs).
func BenchmarkPreferred(b *testing.B) { benchEnumerating(b, evaluate.SemPreferred) }

// BenchmarkStable is BenchmarkPreferred for stable semantics.
func BenchmarkStable(b *testing.B) { benchEnumerating(b, evaluate.SemStable) }

func benchEnumerating(b *testing.B, sem evaluate.Semantics) {
	for _, n := range []int{200, 500} {
		for _, shape := range []string{"random", "debate"} {
			r := rand.New(rand.NewPCG(5, uint64(n)))
			var f *evaluate.Framework
			if shape == "random" {
				f = sparseFramework(r, n, 1.2)
			} else {
				f = debateFramework(r, n)
			}
			b.Run(fmt.Sprintf("%s/args=%d", shape, n), func(b *testing.B) {
				for b.Loop() {
					if _, err := evaluate.Evaluate(f, sem, evaluate.Limits{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// sparseFramework gives n arguments about deg attacks each, at random.
func sparseFramework(r *rand.Rand, n int, deg float64) *evaluate.Framework {
	f := evaluate.NewFramework()
	for i := range n {
		f.AddArgument(fmt.Sprint(i))
	}
	m := int(deg * float64(n))
	for range m {
		f.AddAttack(fmt.Sprint(r.IntN(n)), fmt.Sprint(r.IntN(n)))
	}
	return f
}

// debateFramework gives n arguments in pairs that rebut each other, each pair
// attacking one argument of a nearby pair, with a few unattacked facts.
func debateFramework(r *rand.Rand, n int) *evaluate.Framework {
	f := evaluate.NewFramework()
	pairs := n / 2
	for p := range pairs {
		a, b := fmt.Sprintf("p%d", p), fmt.Sprintf("c%d", p)
		f.AddAttack(a, b)
		f.AddAttack(b, a)
		if p > 0 {
			q := p - 1 - r.IntN(min(p, 5))
			f.AddAttack(a, fmt.Sprintf("c%d", q))
		}
		if p%10 == 0 {
			f.AddAttack(fmt.Sprintf("fact%d", p), b)
		}
	}
	return f
}

// BenchmarkEvaluateGraph measures the Carneades evaluation and grounded
// semantics of argmap graphs shaped like extracted ones: claims stated in
// sources, evidence, supports (a third linked pairs) and contests between
// random claims, one relation in ten undercut.
func BenchmarkEvaluateGraph(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		g := extractedGraph(rand.New(rand.NewPCG(9, uint64(n))), n)
		for _, sem := range []evaluate.Semantics{evaluate.SemCarneades, evaluate.SemGrounded} {
			b.Run(fmt.Sprintf("%s/claims=%d", sem, n), func(b *testing.B) {
				for b.Loop() {
					if _, err := evaluate.EvaluateGraph(g, sem, evaluate.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n+len(g.Relations)), "ns/node+rel")
			})
		}
	}
}

func extractedGraph(r *rand.Rand, n int) *argmap.Graph {
	g := &argmap.Graph{}
	for i := range n {
		c := argmap.Claim{ID: fmt.Sprintf("clm_%d", i), Text: fmt.Sprintf("claim %d", i), Origin: argmap.OriginExtracted}
		if i%3 != 0 {
			c.Spans = []argmap.Span{{SourceID: "src_x", Start: 0, End: 1}}
		}
		g.Claims = append(g.Claims, c)
	}
	for i := range n / 3 {
		g.Evidence = append(g.Evidence, argmap.Evidence{ID: fmt.Sprintf("evd_%d", i), Text: "e", Origin: argmap.OriginExtracted})
	}
	node := func() string {
		if r.IntN(4) == 0 && len(g.Evidence) > 0 {
			return g.Evidence[r.IntN(len(g.Evidence))].ID
		}
		return g.Claims[r.IntN(n)].ID
	}
	for i := range 2 * n {
		kind := argmap.Supports
		if i%5 == 0 {
			kind = argmap.Contests
		}
		rel := argmap.Relation{ID: fmt.Sprintf("rel_%d", i), Kind: kind, To: g.Claims[r.IntN(n)].ID, Origin: argmap.OriginExtracted, Score: 0.5 + r.Float64()/2}
		rel.From = []string{node()}
		if i%3 == 0 {
			rel.From = append(rel.From, node())
		}
		g.Relations = append(g.Relations, rel)
	}
	for i := range n / 5 {
		g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_u%d", i), Kind: argmap.Contests,
			From: []string{g.Claims[r.IntN(n)].ID}, To: g.Relations[r.IntN(2*n)].ID, Origin: argmap.OriginExtracted, Score: 0.6})
	}
	return g
}
