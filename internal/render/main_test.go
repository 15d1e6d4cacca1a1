package render_test

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
)

var (
	update    = flag.Bool("update", false, "rewrite the golden files in testdata")
	artifacts = flag.String("artifacts", "", "write sample SVG and PNG maps to this directory, to look at")
)

// workerEnv makes the test binary act as a render worker: TestMain sees it
// and serves requests instead of running tests, so the subprocess path is
// tested for real.
const workerEnv = "ARGMAP_RENDER_TEST_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := render.ServeWorker(os.Stdin, os.Stdout, gvwasm.Layout); err != nil {
			fmt.Fprintln(os.Stderr, "render worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// inProcess returns Options that lay maps out in the test process.
// Tests of rendering keep no cache (CacheBytes -1): a map asked twice is
// drawn twice.
func inProcess() render.Options { return render.Options{Engine: gvwasm.Layout, CacheBytes: -1} }

// nativeDot is the native Graphviz dot of the machine (ARGMAP_DOT, else dot
// on PATH), or "" when there is none: tests of native rendering skip then.
func nativeDot() string {
	if p := os.Getenv("ARGMAP_DOT"); p != "" {
		return p
	}
	p, _ := exec.LookPath("dot")
	return p
}

// workerOptions returns Options that run workers as copies of the test binary.
func workerOptions(workers int, timeout time.Duration) render.Options {
	return render.Options{
		CacheBytes: -1,
		Worker:     []string{os.Args[0], "-test.run=^$"},
		Env:        []string{workerEnv + "=1"},
		Workers:    workers,
		Timeout:    timeout,
		// Tests share a loaded machine: a render may wait long for a
		// worker without that being what a test is about.
		QueueTimeout: 5 * time.Minute,
	}
}

var t0 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// smallGraph is a map of a debate about sea rescue: linked premises, an
// undercut, a rebuttal, evidence, two sources, actors in all three roles, a
// citation and a relation to a claim outside the map.
func smallGraph() *argmap.Graph {
	return &argmap.Graph{
		Sources: []argmap.Source{
			{ID: "src_guardian", Title: "Mediterranean rescue cuts: a deadly gamble", Authors: []string{"A. Writer", "B. Editor"}, Date: "2015-04", Kind: argmap.SourceArticle, CreatedAt: t0},
			{ID: "src_iomreport", Title: "Fatal Journeys: tracking lives lost during migration", Date: "2014", Kind: argmap.SourceReport, CreatedAt: t0},
		},
		Actors: []argmap.Actor{
			{ID: "act_iom", Name: "International Organization for Migration", Kind: argmap.ActorOrganisation, CreatedAt: t0},
			{ID: "act_uk", Name: "UK government", Kind: argmap.ActorState, CreatedAt: t0},
		},
		Claims: []argmap.Claim{
			{ID: "clm_main", Text: "Ending the Mare Nostrum operation made the Mediterranean crossing deadlier.", Gist: "Ending Mare Nostrum made the crossing deadlier", Main: true, Origin: argmap.OriginExtracted, Score: 0.9,
				Spans: []argmap.Span{{SourceID: "src_guardian", Start: 0, End: 10}}, Actors: []argmap.ActorRef{{ActorID: "act_iom", Role: argmap.RoleAsserts}}, CreatedAt: t0},
			{ID: "clm_cut", Text: "Search and rescue capacity fell sharply after Mare Nostrum ended in late 2014.", Origin: argmap.OriginExtracted, Score: 0.8,
				Spans: []argmap.Span{{SourceID: "src_guardian", Start: 11, End: 20}}, CreatedAt: t0},
			{ID: "clm_rose", Text: "Deaths at sea rose in the first months of 2015.", Origin: argmap.OriginExtracted, Score: 0.8,
				Spans: []argmap.Span{{SourceID: "src_iomreport", Start: 0, End: 10}, {SourceID: "src_guardian", Start: 21, End: 30}}, CreatedAt: t0},
			{ID: "clm_pull", Text: "Rescue operations are a pull factor that encourage more dangerous crossings.", Origin: argmap.OriginExtracted, Score: 0.7,
				Actors: []argmap.ActorRef{{ActorID: "act_uk", Role: argmap.RoleAsserts}, {ActorID: "act_iom", Role: argmap.RoleDisputes}}, CreatedAt: t0},
			{ID: "clm_corr", Text: "A rise that follows a policy change need not be caused by it: crossings also rose.", Origin: argmap.OriginCurated, Score: 0.6,
				Actors: []argmap.ActorRef{{ActorID: "act_uk", Role: argmap.RoleNamed}}, CreatedAt: t0},
		},
		Evidence: []argmap.Evidence{
			{ID: "evd_deaths", Kind: argmap.EvidenceStatistic, Text: "1,750 deaths recorded January to April 2015, against 96 in the same months of 2014.", Origin: argmap.OriginExtracted, Score: 0.9,
				Spans: []argmap.Span{{SourceID: "src_iomreport", Start: 11, End: 40}}, CreatedAt: t0},
		},
		Relations: []argmap.Relation{
			{ID: "rel_linked", Kind: argmap.Supports, From: []string{"clm_cut", "clm_rose"}, To: "clm_main", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0},
			{ID: "rel_undercut", Kind: argmap.Contests, From: []string{"clm_corr"}, To: "rel_linked", Origin: argmap.OriginCurated, Score: 0.6, CreatedAt: t0},
			{ID: "rel_rebut", Kind: argmap.Contests, From: []string{"clm_pull"}, To: "clm_main", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0},
			{ID: "rel_stat", Kind: argmap.Supports, From: []string{"evd_deaths"}, To: "clm_rose", Origin: argmap.OriginExtracted, Score: 0.9, CreatedAt: t0},
			{ID: "rel_out", Kind: argmap.Supports, From: []string{"clm_rose"}, To: "clm_elsewhere", Origin: argmap.OriginLinked, Score: 0.5, CreatedAt: t0},
		},
		Citations: []argmap.Citation{
			{ID: "cit_1", SourceID: "src_guardian", Author: "IOM", Year: "2014", CitedID: "src_iomreport"},
		},
	}
}

// bigGraph generates a map of about n nodes: a few sources and actors,
// claims in layers each supported or contested by claims of the layer below
// (some by linked pairs), evidence under the bottom layer, and an undercut
// every 25 relations. It is deterministic.
func bigGraph(n int) *argmap.Graph {
	g := &argmap.Graph{}
	nSources, nActors := max(n/40, 1), max(n/50, 1)
	nEvidence := n / 5
	nClaims := n - nSources - nActors - nEvidence
	for i := range nSources {
		g.Sources = append(g.Sources, argmap.Source{ID: fmt.Sprintf("src_%04d", i), Title: fmt.Sprintf("Report number %d on migration at sea", i), Date: "2016", CreatedAt: t0})
	}
	for i := range nActors {
		g.Actors = append(g.Actors, argmap.Actor{ID: fmt.Sprintf("act_%04d", i), Name: fmt.Sprintf("Agency %d", i), CreatedAt: t0})
	}
	words := []string{"rescue", "deaths", "crossings", "policy", "funding", "routes", "smugglers", "weather", "patrols", "arrivals"}
	for i := range nClaims {
		text := fmt.Sprintf("Claim %d: %s and %s changed because of %s in the central route", i, words[i%10], words[(i*3+1)%10], words[(i*7+2)%10])
		c := argmap.Claim{ID: fmt.Sprintf("clm_%04d", i), Text: text, Main: i < 3, Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: fmt.Sprintf("src_%04d", i%nSources)}}}
		if i%7 == 0 {
			c.Actors = []argmap.ActorRef{{ActorID: fmt.Sprintf("act_%04d", i%nActors), Role: []argmap.Role{argmap.RoleAsserts, argmap.RoleDisputes, argmap.RoleNamed}[i%3]}}
		}
		g.Claims = append(g.Claims, c)
	}
	for i := range nEvidence {
		g.Evidence = append(g.Evidence, argmap.Evidence{ID: fmt.Sprintf("evd_%04d", i), Kind: argmap.EvidenceStatistic, Text: fmt.Sprintf("%d people recorded in month %d", 100+i*37, i%12+1), Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: fmt.Sprintf("src_%04d", i%nSources)}}})
	}
	rel := 0
	addRel := func(kind argmap.RelationKind, from []string, to string) {
		g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_%04d", rel), Kind: kind, From: from, To: to, Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: t0})
		rel++
	}
	// Claim i bears on one of the twelve claims before it: a deep, narrow
	// web rather than a broad tree.
	for i := 1; i < nClaims; i++ {
		kind := argmap.Supports
		if i%4 == 0 {
			kind = argmap.Contests
		}
		from := []string{fmt.Sprintf("clm_%04d", i)}
		if i%9 == 0 && i+1 < nClaims {
			from = append(from, fmt.Sprintf("clm_%04d", i+1))
		}
		addRel(kind, from, fmt.Sprintf("clm_%04d", i-1-(i*7919)%min(i, 12)))
		if rel%25 == 0 && i > 2 {
			addRel(argmap.Contests, []string{fmt.Sprintf("clm_%04d", i-2)}, fmt.Sprintf("rel_%04d", rel-1))
		}
	}
	for i := range nEvidence {
		addRel(argmap.Supports, []string{fmt.Sprintf("evd_%04d", i)}, fmt.Sprintf("clm_%04d", nClaims-1-i%(nClaims/2)))
	}
	return g
}
