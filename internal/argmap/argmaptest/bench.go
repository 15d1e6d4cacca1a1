package argmaptest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

// The benchmark graph: sources of claimsPerSource claims, written
// sourcesPerBatch sources per WriteGraph, with relationsPerClaim relations
// per claim.
const (
	claimsPerSource   = 100
	sourcesPerBatch   = 10
	relationsPerClaim = 3
)

// BenchClaims is the number of claims the store benchmarks generate:
// 100000 (and three times as many relations), or ARGMAP_BENCH_CLAIMS for a
// quicker run.
func BenchClaims() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("ARGMAP_BENCH_CLAIMS"), &n); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchGraph is what GenerateBenchGraph wrote.
type BenchGraph struct {
	Claims  []string      // claim IDs in generation order
	Texts   []string      // claim texts, in the same order
	Targets []string      // claims that relations point at, sorted
	Counts  argmap.Counts // the store's counts afterwards
	Load    time.Duration // wall time of the writes
	// LoadMode is how it was written: "bulk" (one argmap.Bulk load) or
	// "batches" (a transaction per batch).
	LoadMode string
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

// GenerateBenchGraph writes a graph of claims claims (rounded up to whole
// batches) and three times as many relations into s, in batches through
// WriteGraph, from a fixed seed: every store gets the same texts, shapes and
// relations (IDs are minted afresh). Relations point at claims nearby, from
// one or two premises; one in twenty is an undercut of a recent relation.
// A store that is an argmap.BulkLoader gets every batch in one Bulk load
// (a bulk load as a user's copy or import makes); with ARGMAP_BENCH_LOAD=batches,
// or on other stores, each batch is a transaction of its own (as ingest writes).
func GenerateBenchGraph(ctx context.Context, s argmap.Store, claims int) (*BenchGraph, error) {
	start := time.Now()
	var g *BenchGraph
	var targeted map[string]bool
	load := func(s argmap.Store) error {
		var err error
		g, targeted, err = generate(claims, func(batch *argmap.Graph) error { return s.WriteGraph(ctx, batch) })
		return err
	}
	mode := "batches"
	var err error
	if _, ok := s.(argmap.BulkLoader); ok && os.Getenv("ARGMAP_BENCH_LOAD") != "batches" {
		mode = "bulk"
		err = argmap.Bulk(ctx, s, load)
	} else {
		err = load(s)
	}
	if err != nil {
		return nil, err
	}
	g.Load, g.LoadMode = time.Since(start), mode
	for id := range targeted {
		g.Targets = append(g.Targets, id)
	}
	sort.Strings(g.Targets)
	g.Counts, err = s.Stats(ctx)
	return g, err
}

// generate makes the benchmark graph and hands its batches to emit in order.
func generate(claims int, emit func(batch *argmap.Graph) error) (*BenchGraph, map[string]bool, error) {
	g := &BenchGraph{}
	r := rand.New(rand.NewPCG(1, 2))
	var rels []string
	targeted := map[string]bool{}
	for len(g.Claims) < claims {
		batch := &argmap.Graph{}
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
			src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: fmt.Sprintf("Generated report %d", len(g.Claims)/claimsPerSource+si),
				Kind: argmap.SourceReport, Text: sb.String()}
			src.ContentHash = argmap.ContentHash([]byte(src.Text))
			batch.Sources = append(batch.Sources, src)
			for ci, t := range texts {
				c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: t, Origin: argmap.OriginExtracted, Score: r.Float64(),
					Spans: []argmap.Span{{SourceID: src.ID, Start: spans[ci].start, End: spans[ci].end}}}
				batch.Claims = append(batch.Claims, c)
			}
		}
		batchStart := len(g.Claims)
		for _, c := range batch.Claims {
			g.Claims = append(g.Claims, c.ID)
			g.Texts = append(g.Texts, c.Text)
		}
		for len(batch.Relations) < len(batch.Claims)*relationsPerClaim {
			hi := len(g.Claims)
			lo := max(0, batchStart-5000)
			pick := func() string { return g.Claims[lo+r.IntN(hi-lo)] }
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
			batch.Relations = append(batch.Relations, rel)
			rels = append(rels, rel.ID)
		}
		if err := emit(batch); err != nil {
			return nil, nil, fmt.Errorf("write batch at claim %d: %w", batchStart, err)
		}
	}
	return g, targeted, nil
}

// Latencies collects per-operation durations.
type Latencies []time.Duration

// Report reports the 50th and 99th percentiles as p50_ms and p99_ms.
func (l Latencies) Report(b *testing.B) {
	b.Helper()
	l.report(b, "")
}

// report reports the percentiles as prefix+"p50_ms" and prefix+"p99_ms".
func (l Latencies) report(b *testing.B, prefix string) {
	if len(l) == 0 {
		return
	}
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	at := func(p float64) float64 {
		i := int(p * float64(len(l)-1))
		return float64(l[i].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), prefix+"p50_ms")
	b.ReportMetric(at(0.99), prefix+"p99_ms")
}

// Measure runs op b.N times on inputs next gives and reports the latency
// percentiles (p50_ms, p99_ms: wall time); an error fails b. Where the
// system gives each thread's CPU time (Linux), it also reports the
// percentiles of the CPU time the calling thread spent in each op
// (cpu_p50_ms, cpu_p99_ms; the goroutine is locked to its thread while it
// measures): on a shared machine the wall percentiles include the time the
// thread waited for a core, which the CPU ones do not, so the two tell the
// operation's own slowest cases from the machine's load. For a store in
// another process (Neo4j) the CPU figures are the client's share only.
func Measure(b *testing.B, next func(r *rand.Rand) string, op func(in string) error) {
	b.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r := rand.New(rand.NewPCG(3, 4))
	var lat, cpu Latencies
	_, haveCPU := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := next(r)
		c0, _ := threadCPU()
		t0 := time.Now()
		if err := op(in); err != nil {
			b.Fatalf("%s(%q) = %v", b.Name(), in, err)
		}
		lat = append(lat, time.Since(t0))
		if haveCPU {
			c1, _ := threadCPU()
			cpu = append(cpu, c1-c0)
		}
	}
	b.StopTimer()
	lat.report(b, "")
	cpu.report(b, "cpu_")
}

// RunStoreBenchmarks measures, on s holding g: Reach (depth
// argmap.DefaultDepth) and FindSupporters by claim ID on claims that
// relations point at; SearchClaims and FindSupporters by text with queries
// of four words of a stored claim (at DefaultDepth, and at the depth a
// question in words gets by default); and Neighbourhood (two relations deep, at
// most 200 claims and evidence, as the HTTP map endpoint asks). Each reports
// p50_ms and p99_ms, and load_claims/s, the rate g was written at.
func RunStoreBenchmarks(b *testing.B, s argmap.Store, g *BenchGraph) {
	b.Helper()
	ctx := context.Background()
	target := func(r *rand.Rand) string { return g.Targets[r.IntN(len(g.Targets))] }
	query := func(r *rand.Rand) string {
		words := strings.Fields(strings.TrimSuffix(g.Texts[r.IntN(len(g.Texts))], "."))
		return strings.Join(words[:min(4, len(words))], " ")
	}
	supportersAt := func(depth int) func(q string) error {
		return func(q string) error {
			_, err := argmap.FindSupporters(ctx, s, nil, q, depth)
			if argmap.IsNotFound(err) {
				return nil
			}
			return err
		}
	}
	supporters := supportersAt(argmap.DefaultDepth)
	tests := []struct {
		name string
		next func(r *rand.Rand) string
		op   func(in string) error
	}{
		{"Reach", target, func(id string) error { _, err := s.Reach(ctx, id, argmap.DefaultDepth); return err }},
		{"SupportersByID", target, supporters},
		{"SearchClaims", query, func(q string) error { _, err := s.SearchClaims(ctx, q, 10); return err }},
		{"SupportersByText", query, supporters},
		// the depth a question in words is walked when none is asked for
		// (argmap.AnswerDepth), what the CLI, the API and the web app
		// answer by default; SupportersByText walks DefaultDepth as a claim
		// ID does, as every session measured it
		{"SupportersByTextDefaultDepth", query, supportersAt(0)},
		{"Neighbourhood", target, func(id string) error { _, err := s.Neighbourhood(ctx, id, 2, 200); return err }},
	}
	for _, tc := range tests {
		b.Run(tc.name, func(b *testing.B) {
			Measure(b, tc.next, tc.op)
			if g.Load > 0 {
				b.ReportMetric(float64(len(g.Claims))/g.Load.Seconds(), "load_claims/s")
			}
		})
	}
}
