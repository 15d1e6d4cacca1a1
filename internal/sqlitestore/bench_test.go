package sqlitestore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// The benchmarks share one store holding the generated benchmark graph
// (argmaptest.GenerateBenchGraph, the same graph the Neo4j store's
// benchmarks use), built once per test binary run in a temporary directory
// that TestMain removes.
var bench struct {
	once    sync.Once
	dir     string
	store   *sqlitestore.Store
	graph   *argmaptest.BenchGraph
	loadCPU time.Duration
	err     error
	warm    sync.Once
	warmed  string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.store != nil {
		bench.store.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// generate builds the benchmark store once. With ARGMAP_BENCH_DB naming a
// store a run generated before (the file is kept), it is measured again
// without generating it anew: the same claims and queries, so that two
// versions of the store can be compared on one file.
func generate(b *testing.B) {
	bench.once.Do(func() {
		if path := os.Getenv("ARGMAP_BENCH_DB"); path != "" {
			bench.store, bench.graph, bench.err = reuse(path)
			return
		}
		dir, err := os.MkdirTemp("", "argmap-bench-")
		if err != nil {
			bench.err = err
			return
		}
		bench.dir = dir
		ctx := context.Background()
		s, err := sqlitestore.Open(ctx, filepath.Join(dir, "bench.db"))
		if err != nil {
			bench.err = err
			return
		}
		bench.store = s
		startCPU := cpuTime()
		bench.graph, bench.err = argmaptest.GenerateBenchGraph(ctx, s, argmaptest.BenchClaims())
		bench.loadCPU = cpuTime() - startCPU
	})
	if bench.err != nil {
		b.Fatalf("generating the benchmark graph: %v", bench.err)
	}
	bench.warm.Do(func() {
		// the relations, texts, spans, sources and index terms are read
		// into memory once per process and version (in the background,
		// once a version stays unchanged): time that apart, so that the
		// reads measured are those of a store that has them
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		t0 := time.Now()
		ok, err := bench.store.WarmAdjacency(context.Background(), bench.graph.Targets[0])
		if err != nil {
			bench.err = err
		}
		took := time.Since(t0)
		rel, content, _, err := bench.store.InMemory(context.Background())
		if err != nil {
			bench.err = err
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		bench.warmed = fmt.Sprintf("in memory: %v (relations %v, content %v) after %v; heap %+.1f MB",
			ok, rel, content, took.Round(time.Millisecond), float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6)
	})
	if bench.err != nil {
		b.Fatalf("reading the relations into memory: %v", bench.err)
	}
	b.Log(bench.warmed)
	b.Logf("graph: %+v, loaded (%s) in %v (%v CPU)", bench.graph.Counts, bench.graph.LoadMode, bench.graph.Load.Round(time.Millisecond), bench.loadCPU.Round(time.Millisecond))
}

// BenchmarkStore runs the store benchmarks every store shares
// (argmaptest.RunStoreBenchmarks): Reach, supporters by ID and by text,
// SearchClaims, Neighbourhood.
func BenchmarkStore(b *testing.B) {
	generate(b)
	argmaptest.RunStoreBenchmarks(b, bench.store, bench.graph)
	if bench.loadCPU > 0 {
		b.ReportMetric(float64(len(bench.graph.Claims))/bench.loadCPU.Seconds(), "load_claims/cpu_s")
	}
}

// BenchmarkReachCTE measures the recursive-CTE alternative to Reach on the
// same claims, after checking that both reach the same nodes at the same
// distances.
func BenchmarkReachCTE(b *testing.B) {
	generate(b)
	ctx := context.Background()
	targets := bench.graph.Targets
	for _, id := range targets[:min(50, len(targets))] {
		bfs, err := bench.store.Reach(ctx, id, argmap.DefaultDepth)
		if err != nil {
			b.Fatal(err)
		}
		cte, err := bench.store.ReachCTE(ctx, id, argmap.DefaultDepth)
		if err != nil {
			b.Fatal(err)
		}
		dist := func(rs []argmap.Reach) map[string]int {
			m := map[string]int{}
			for _, r := range rs {
				m[r.Node] = len(r.Steps)
			}
			return m
		}
		if diff := cmp.Diff(dist(bfs), dist(cte)); diff != "" {
			b.Fatalf("ReachCTE(%s) and Reach differ (-bfs +cte):\n%s", id, diff)
		}
	}
	argmaptest.Measure(b, func(r *rand.Rand) string { return targets[r.IntN(len(targets))] }, func(id string) error {
		_, err := bench.store.ReachCTE(ctx, id, argmap.DefaultDepth)
		return err
	})
}

// reuse opens the benchmark store at path, generating it there first if the
// file does not exist, and reads back what the benchmarks ask about: claim
// texts in the order written and the claims relations point at.
func reuse(path string) (*sqlitestore.Store, *argmaptest.BenchGraph, error) {
	ctx := context.Background()
	_, statErr := os.Stat(path)
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	if statErr != nil {
		startCPU := cpuTime()
		g, err := argmaptest.GenerateBenchGraph(ctx, s, argmaptest.BenchClaims())
		bench.loadCPU = cpuTime() - startCPU
		return s, g, err
	}
	g, err := s.BenchGraph(ctx)
	return s, g, err
}
