package render

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// costGraph is a map of n claims and e support relations between random
// pairs of claims, or, with local > 0, from each claim to one of the local
// claims before it (a layered web without cycles). It is deterministic.
func costGraph(n, e, local int) *argmap.Graph {
	rng := rand.New(rand.NewSource(1))
	g := &argmap.Graph{Sources: []argmap.Source{{ID: "src_0", Title: "s"}}}
	for i := range n {
		g.Claims = append(g.Claims, argmap.Claim{ID: fmt.Sprintf("clm_%04d", i), Text: fmt.Sprintf("Claim %d about rescue and deaths at sea in the central route", i), Origin: argmap.OriginExtracted})
	}
	seen := map[[2]int]bool{}
	for k := 0; len(g.Relations) < e && k < 10*e; k++ {
		a, b := rng.Intn(n), rng.Intn(n)
		if local > 0 {
			b = a - 1 - rng.Intn(local)
		}
		if b < 0 || a == b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_%05d", len(g.Relations)), Kind: argmap.Supports,
			From: []string{fmt.Sprintf("clm_%04d", a)}, To: fmt.Sprintf("clm_%04d", b), Origin: argmap.OriginLinked})
	}
	return g
}

// TestLayoutCost checks the layout cost estimate against SVG layout times
// measured with one worker on a shared two-core machine (seconds; 99 means
// it did not finish in 25 s): maps laid out in under 5 s must stay within
// DefaultMaxCost, maps that took 20 s or more must exceed it; between the
// two either may be. bigGraph(1500) of the render tests (1672 nodes, 1776
// edges, no cycle, 14 s) costs 46,600.
func TestLayoutCost(t *testing.T) {
	tests := []struct {
		n, e, local int
		secs        float64
	}{
		{50, 100, 0, 0.3}, {50, 200, 0, 1.05}, {50, 300, 0, 11.4}, {100, 200, 0, 0.29}, {100, 300, 0, 8.3},
		{100, 400, 0, 99}, {200, 300, 0, 3.1}, {200, 400, 0, 99}, {300, 450, 0, 1.8}, {500, 600, 0, 3.8},
		{1000, 1100, 0, 8.1}, {500, 1000, 12, 1.2}, {1500, 2000, 12, 3.8}, {1500, 3000, 12, 15.7},
		{1000, 3000, 5, 16.4}, {167, 2660, 0, 99}, {300, 900, 30, 2.2},
	}
	for _, tt := range tests {
		_, st, err := buildDOT(costGraph(tt.n, tt.e, tt.local), argmap.RenderOptions{Format: argmap.FormatSVG})
		if err != nil {
			t.Fatal(err)
		}
		refused := st.Cost > DefaultMaxCost
		if (tt.secs < 5 && refused) || (tt.secs >= 20 && !refused) {
			t.Errorf("layout cost of %d nodes, %d edges (local %d) = %.0f, measured %.1f s: refused = %v, want %v (limit %d)",
				st.Nodes, st.Edges, tt.local, st.Cost, tt.secs, refused, !refused, DefaultMaxCost)
		}
	}
}

// TestRenderRefusesDenseMaps checks that a map too dense to lay out in time
// (167 claims and 2,660 relations, inside the node and edge bounds, held a
// worker for 20 s on every try) is refused at once, before any work.
func TestRenderRefusesDenseMaps(t *testing.T) {
	r := New(Options{Worker: []string{"/nonexistent/worker"}})
	defer r.Close()
	_, err := r.Render(t.Context(), costGraph(167, 2660, 0), argmap.RenderOptions{Format: argmap.FormatSVG})
	if argmap.ErrorCode(err) != argmap.ETOOLARGE {
		t.Errorf("Render(167 claims, 2,660 relations) = %v, want ETOOLARGE before any worker is asked", err)
	}
}
