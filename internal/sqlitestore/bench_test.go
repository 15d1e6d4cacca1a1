package sqlitestore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// The benchmarks share one generated store of benchClaims claims and
// benchRelations relations, built once per test binary run in a temporary
// directory that TestMain removes.
const (
	claimsPerSource   = 100
	sourcesPerBatch   = 10
	relationsPerClaim = 3
)

// benchClaims is the number of claims generated: 100000 (and three times as
// many relations), or ARGMAP_BENCH_CLAIMS for a quicker run.
var benchClaims = func() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("ARGMAP_BENCH_CLAIMS"), &n); err == nil && n > 0 {
		return n
	}
	return 100_000
}()

var bench struct {
	once    sync.Once
	dir     string
	store   *sqlitestore.Store
	claims  []string // claim IDs in generation order
	texts   []string // claim texts
	load    time.Duration
	loadCPU time.Duration
	counts  argmap.Counts
	loaded  int
	err     error
	targets []string // claims with relations into them
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

// vocabulary is a fixed list of words claims are made of; a few are common,
// most rare, as in real text.
var vocabulary = strings.Fields(`migration border control asylum refugee camp patrol sea route desert
	smuggler trafficking return readmission agreement fund donor europe union africa sahel niger mali
	mauritania senegal morocco libya frontex organization programme project capacity building training
	police checkpoint detention deportation voluntary assistance reintegration development aid security
	externalisation policy law rights protection humanitarian crisis vulnerability information campaign
	awareness community youth employment remittance diaspora labour mobility visa quota surveillance
	biometric database registration data sharing cooperation partnership dialogue summit action plan
	evaluation report study evidence figure increase decrease number thousand arrival departure crossing`)

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		// Zipf-like: low indexes far more often.
		k := int(float64(len(vocabulary)) * r.Float64() * r.Float64())
		w[i] = vocabulary[k]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

// generate writes the benchmark graph through WriteGraph in batches.
func generate(b *testing.B) {
	bench.once.Do(func() {
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
		r := rand.New(rand.NewPCG(1, 2))
		start, startCPU := time.Now(), cpuTime()
		var rels []string
		targeted := map[string]bool{}
		for len(bench.claims) < benchClaims {
			g := &argmap.Graph{}
			for si := 0; si < sourcesPerBatch; si++ {
				var sb strings.Builder
				type pos struct{ start, end int }
				var spans []pos
				var texts []string
				for ci := 0; ci < claimsPerSource; ci++ {
					t := sentence(r, 6+r.IntN(10))
					spans = append(spans, pos{sb.Len(), sb.Len() + len(t)})
					texts = append(texts, t)
					sb.WriteString(t)
					sb.WriteString(" ")
				}
				src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: fmt.Sprintf("Generated report %d", len(bench.claims)/claimsPerSource+si),
					Kind: argmap.SourceReport, Text: sb.String()}
				src.ContentHash = argmap.ContentHash([]byte(src.Text))
				g.Sources = append(g.Sources, src)
				for ci, t := range texts {
					c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: t, Origin: argmap.OriginExtracted, Score: r.Float64(),
						Spans: []argmap.Span{{SourceID: src.ID, Start: spans[ci].start, End: spans[ci].end}}}
					g.Claims = append(g.Claims, c)
				}
			}
			batchStart := len(bench.claims)
			for _, c := range g.Claims {
				bench.claims = append(bench.claims, c.ID)
				bench.texts = append(bench.texts, c.Text)
			}
			// Relations point at claims nearby (same batch or earlier),
			// from one or two premises; one in twenty is an undercut.
			for len(g.Relations) < len(g.Claims)*relationsPerClaim {
				hi := len(bench.claims)
				lo := max(0, batchStart-5000)
				pick := func() string { return bench.claims[lo+r.IntN(hi-lo)] }
				kind := argmap.Supports
				if r.IntN(3) == 0 {
					kind = argmap.Contests
				}
				rel := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: kind, Origin: argmap.OriginExtracted, Score: 0.5}
				if len(rels) > 0 && r.IntN(20) == 0 {
					rel.To = rels[max(0, len(rels)-1-r.IntN(3000))]
					rel.Kind = argmap.Contests
				} else {
					rel.To = pick()
					targeted[rel.To] = true
				}
				rel.From = []string{pick()}
				if r.IntN(5) == 0 {
					rel.From = append(rel.From, pick())
				}
				if rel.From[0] == rel.To || (len(rel.From) == 2 && (rel.From[1] == rel.To || rel.From[1] == rel.From[0])) {
					rel.From = rel.From[:1]
					if rel.From[0] == rel.To {
						continue
					}
				}
				g.Relations = append(g.Relations, rel)
				rels = append(rels, rel.ID)
			}
			if err := s.WriteGraph(ctx, g); err != nil {
				bench.err = err
				return
			}
		}
		bench.load = time.Since(start)
		bench.loadCPU = cpuTime() - startCPU
		bench.loaded = len(bench.claims)
		for id := range targeted {
			bench.targets = append(bench.targets, id)
		}
		sort.Strings(bench.targets)
		bench.counts, bench.err = s.Stats(ctx)
	})
	if bench.err != nil {
		b.Fatalf("generating the benchmark graph: %v", bench.err)
	}
	b.Logf("graph: %+v, loaded in %v (%v CPU)", bench.counts, bench.load.Round(time.Millisecond), bench.loadCPU.Round(time.Millisecond))
}

// latencies collects per-operation durations and reports percentiles.
type latencies []time.Duration

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	at := func(p float64) float64 {
		i := int(p * float64(len(l)-1))
		return float64(l[i].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50_ms")
	b.ReportMetric(at(0.99), "p99_ms")
}

func reportLoad(b *testing.B) {
	b.ReportMetric(float64(bench.loaded)/bench.load.Seconds(), "load_claims/s")
	if bench.loadCPU > 0 {
		b.ReportMetric(float64(bench.loaded)/bench.loadCPU.Seconds(), "load_claims/cpu_s")
	}
}

// BenchmarkReach measures Reach (depth 3) and FindSupporters by claim ID on
// claims that relations point at.
func BenchmarkReach(b *testing.B) {
	generate(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		op   func(id string) error
	}{
		{"Reach", func(id string) error { _, err := bench.store.Reach(ctx, id, argmap.DefaultDepth); return err }},
		{"FindSupporters", func(id string) error {
			_, err := argmap.FindSupporters(ctx, bench.store, nil, id, argmap.DefaultDepth)
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(3, 4))
			var lat latencies
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				id := bench.targets[r.IntN(len(bench.targets))]
				t0 := time.Now()
				if err := tc.op(id); err != nil {
					b.Fatalf("%s(%s) = %v", tc.name, id, err)
				}
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			lat.report(b)
			reportLoad(b)
		})
	}
}

// BenchmarkSearchClaims measures SearchClaims and FindSupporters by text with
// queries made of words of stored claims.
func BenchmarkSearchClaims(b *testing.B) {
	generate(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		op   func(q string) error
	}{
		{"SearchClaims", func(q string) error { _, err := bench.store.SearchClaims(ctx, q, 10); return err }},
		{"FindSupporters", func(q string) error {
			_, err := argmap.FindSupporters(ctx, bench.store, nil, q, argmap.DefaultDepth)
			if argmap.IsNotFound(err) {
				return nil
			}
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(5, 6))
			var lat latencies
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				words := strings.Fields(strings.TrimSuffix(bench.texts[r.IntN(len(bench.texts))], "."))
				q := strings.Join(words[:min(4, len(words))], " ")
				t0 := time.Now()
				if err := tc.op(q); err != nil {
					b.Fatalf("%s(%q) = %v", tc.name, q, err)
				}
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			lat.report(b)
			reportLoad(b)
		})
	}
}

// BenchmarkReachCTE measures the recursive-CTE alternative to Reach on the
// same claims, after checking that both reach the same nodes at the same
// distances.
func BenchmarkReachCTE(b *testing.B) {
	generate(b)
	ctx := context.Background()
	for _, id := range bench.targets[:50] {
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
	r := rand.New(rand.NewPCG(3, 4))
	var lat latencies
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := bench.targets[r.IntN(len(bench.targets))]
		t0 := time.Now()
		if _, err := bench.store.ReachCTE(ctx, id, argmap.DefaultDepth); err != nil {
			b.Fatalf("ReachCTE(%s) = %v", id, err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	lat.report(b)
}

// BenchmarkNeighbourhood measures the map around a claim: two relations
// deep, at most 200 claims and evidence, as the HTTP map endpoint asks.
func BenchmarkNeighbourhood(b *testing.B) {
	generate(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 8))
	var lat latencies
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := bench.targets[r.IntN(len(bench.targets))]
		t0 := time.Now()
		if _, err := bench.store.Neighbourhood(ctx, id, 2, 200); err != nil {
			b.Fatalf("Neighbourhood(%s) = %v", id, err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	lat.report(b)
}
