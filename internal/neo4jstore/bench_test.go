package neo4jstore_test

import (
	"context"
	"math/rand/v2"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/neo4jstore"
)

// The benchmarks share one generated graph (argmaptest.GenerateBenchGraph,
// the same the SQLite store's benchmarks use), written once per test binary
// run into the database ARGMAP_NEO4J_URI names, which is wiped first.
// scripts/bench.sh neo4j runs them on a server of the bundled launcher.
// With ARGMAP_BENCH_REUSE=1 a database that already holds claims (a graph an
// earlier run generated) is measured as it is, without a new load: two
// builds then ask the same questions of the same data.
var bench struct {
	once  sync.Once
	store *neo4jstore.Store
	graph *argmaptest.BenchGraph
	err   error
}

func generate(b *testing.B) {
	uri := os.Getenv("ARGMAP_NEO4J_URI")
	if uri == "" {
		b.Skip("ARGMAP_NEO4J_URI is not set: no Neo4j server (scripts/bench.sh neo4j starts one)")
	}
	bench.once.Do(func() {
		cfg, err := neo4jstore.ConfigFromEnv(uri)
		if err != nil {
			bench.err = err
			return
		}
		cfg.QueryTimeout = 10 * time.Minute
		ctx := context.Background()
		s, err := neo4jstore.Open(ctx, cfg)
		if err != nil {
			bench.err = err
			return
		}
		bench.store = s
		if os.Getenv("ARGMAP_BENCH_REUSE") == "1" {
			var n argmap.Counts
			if n, bench.err = s.Stats(ctx); bench.err != nil || n.Claims > 0 {
				if bench.err == nil {
					bench.graph, bench.err = storedGraph(ctx, s, n)
				}
				return
			}
		}
		if bench.err = s.Wipe(ctx); bench.err != nil {
			return
		}
		bench.graph, bench.err = argmaptest.GenerateBenchGraph(ctx, s, argmaptest.BenchClaims())
	})
	if bench.err != nil {
		b.Fatalf("generating the benchmark graph: %v", bench.err)
	}
	b.Logf("graph: %+v, loaded (%s) in %v", bench.graph.Counts, bench.graph.LoadMode, bench.graph.Load.Round(time.Millisecond))
}

// storedGraph reads back what the benchmarks ask about from a stored graph:
// every claim and its text by ID, and the claims that relations target.
func storedGraph(ctx context.Context, s *neo4jstore.Store, n argmap.Counts) (*argmaptest.BenchGraph, error) {
	g := &argmaptest.BenchGraph{Counts: n, LoadMode: "reused"}
	for p := (argmap.Page{Limit: argmap.MaxLimit}); ; {
		cs, err := s.Claims(ctx, argmap.ClaimFilter{Page: p})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			g.Claims, g.Texts = append(g.Claims, c.ID), append(g.Texts, c.Text)
		}
		if len(cs) < p.Limit {
			break
		}
		p.After = cs[len(cs)-1].ID
	}
	targets := map[string]bool{}
	for p := (argmap.Page{Limit: argmap.MaxLimit}); ; {
		rs, err := s.Relations(ctx, argmap.RelationFilter{Page: p})
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if argmap.KindOf(r.To) == argmap.KindClaim {
				targets[r.To] = true
			}
		}
		if len(rs) < p.Limit {
			break
		}
		p.After = rs[len(rs)-1].ID
	}
	for id := range targets {
		g.Targets = append(g.Targets, id)
	}
	sort.Strings(g.Targets)
	return g, nil
}

// BenchmarkStore runs the store benchmarks every store shares
// (argmaptest.RunStoreBenchmarks): Reach, supporters by ID and by text,
// SearchClaims, Neighbourhood.
func BenchmarkStore(b *testing.B) {
	generate(b)
	argmaptest.RunStoreBenchmarks(b, bench.store, bench.graph)
}

// BenchmarkReachShapes measures Reach's two shapes on the same claims,
// after checking that they give the same answers: one reach_level statement
// per level (Levels) and one variable-length reach_walk statement (Paths,
// which Reach uses up to depth 3).
func BenchmarkReachShapes(b *testing.B) {
	generate(b)
	ctx := context.Background()
	targets := bench.graph.Targets
	for _, id := range targets[:min(50, len(targets))] {
		levels, err := bench.store.ReachLevels(ctx, id, argmap.DefaultDepth)
		if err != nil {
			b.Fatal(err)
		}
		paths, err := bench.store.ReachPaths(ctx, id, argmap.DefaultDepth)
		if err != nil {
			b.Fatal(err)
		}
		if diff := cmp.Diff(levels, paths); diff != "" {
			b.Fatalf("ReachPaths(%s) and ReachLevels differ (-levels +paths):\n%s", id, diff)
		}
	}
	for _, tc := range []struct {
		name  string
		reach func(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error)
	}{{"Levels", bench.store.ReachLevels}, {"Paths", bench.store.ReachPaths}} {
		b.Run(tc.name, func(b *testing.B) {
			argmaptest.Measure(b, func(r *rand.Rand) string { return targets[r.IntN(len(targets))] }, func(id string) error {
				_, err := tc.reach(ctx, id, argmap.DefaultDepth)
				return err
			})
		})
	}
}
