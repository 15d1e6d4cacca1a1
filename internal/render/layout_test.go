package render_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// scatteredGraph is a whole store in miniature: a web of bigGraph(n), a
// number of two-claim arguments, and isolated claims, evidence, sources and
// actors that nothing links.
func scatteredGraph(n, pairs, isolated int) *argmap.Graph {
	g := bigGraph(n)
	for i := range pairs {
		a, b := fmt.Sprintf("clm_pair%03da", i), fmt.Sprintf("clm_pair%03db", i)
		g.Claims = append(g.Claims,
			argmap.Claim{ID: a, Text: fmt.Sprintf("Pair %d: the first claim of a small argument about returns", i), Origin: argmap.OriginExtracted, CreatedAt: t0},
			argmap.Claim{ID: b, Text: fmt.Sprintf("Pair %d: a reason for it", i), Origin: argmap.OriginExtracted, CreatedAt: t0})
		g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_pair%03d", i), Kind: argmap.Supports, From: []string{b}, To: a, Origin: argmap.OriginExtracted, CreatedAt: t0})
	}
	for i := range isolated {
		switch i % 4 {
		case 0, 1:
			g.Claims = append(g.Claims, argmap.Claim{ID: fmt.Sprintf("clm_iso%03d", i), Text: fmt.Sprintf("Isolated claim %d that no relation bears on, wrapped over two lines", i), Origin: argmap.OriginExtracted, CreatedAt: t0})
		case 2:
			g.Evidence = append(g.Evidence, argmap.Evidence{ID: fmt.Sprintf("evd_iso%03d", i), Kind: argmap.EvidenceStatistic, Text: fmt.Sprintf("%d arrivals in a month", i*13), Origin: argmap.OriginExtracted, CreatedAt: t0})
		case 3:
			g.Actors = append(g.Actors, argmap.Actor{ID: fmt.Sprintf("act_iso%03d", i), Name: fmt.Sprintf("Isolated agency %d", i), CreatedAt: t0})
		}
	}
	return g
}

var svgSizeRE = regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"`)

// TestWholeGraphAspect checks that a map that falls apart in many pieces,
// most of them single nodes, is laid out near square rather than in one long
// row (before packing, such maps came out ten to twenty times wider than
// tall).
func TestWholeGraphAspect(t *testing.T) {
	r := render.New(inProcess())
	t.Cleanup(func() { r.Close() })
	tests := []struct {
		name               string
		n, pairs, isolated int
	}{
		{"mostly-isolated", 40, 5, 120},
		{"many-pairs", 60, 30, 20},
		{"web-and-isolated", 150, 0, 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := scatteredGraph(tt.n, tt.pairs, tt.isolated)
			svg, err := r.Render(context.Background(), g, argmap.RenderOptions{Format: argmap.FormatSVG})
			if err != nil {
				t.Fatalf("Render(svg) error: %v", err)
			}
			m := svgSizeRE.FindSubmatch(svg)
			if m == nil {
				t.Fatalf("Render(svg) has no width and height in points: %.200q", svg)
			}
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			if ratio := w / h; ratio < 0.5 || ratio > 2.5 {
				t.Errorf("Render(%s) is %.0f×%.0f pt, aspect %.2f, want between 0.5 and 2.5", tt.name, w, h, ratio)
			}
			t.Logf("%s: %.0f×%.0f pt", tt.name, w, h)
		})
	}
}

// TestDOTLayout checks when a map is packed and which nodes are gathered in
// grids: a map in one piece is drawn as before, a map whose largest piece
// holds three quarters of the nodes is not packed, isolated nodes of a kind
// are gathered once there are three of them, and every node is drawn.
func TestDOTLayout(t *testing.T) {
	tests := []struct {
		name     string
		g        *argmap.Graph
		pack     bool
		clusters []string // grid labels, in order
	}{
		{"one piece", smallGraph(), false, nil},
		{"two isolated claims", func() *argmap.Graph {
			g := smallGraph()
			g.Claims = append(g.Claims, argmap.Claim{ID: "clm_x1", Text: "x1", CreatedAt: t0}, argmap.Claim{ID: "clm_x2", Text: "x2", CreatedAt: t0})
			return g
		}(), false, nil},
		{"big web with strays", bigGraph(120), false, []string{"Sources (3)"}},
		{"scattered", scatteredGraph(40, 2, 12), true, []string{"Actors (3)", "Claims and evidence without relations (9)"}},
	}
	clusterRE := regexp.MustCompile(`subgraph cluster_isolated_\d+ \{\n\t\tgraph \[label="([^"]*)"`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := render.DOT(tt.g, argmap.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			dot := string(out)
			if got := strings.Contains(dot, "pack="); got != tt.pack {
				t.Errorf("DOT(%s) packs = %v, want %v", tt.name, got, tt.pack)
			}
			var got []string
			for _, m := range clusterRE.FindAllStringSubmatch(dot, -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, "|") != strings.Join(tt.clusters, "|") {
				t.Errorf("DOT(%s) grids = %q, want %q", tt.name, got, tt.clusters)
			}
			for _, c := range tt.g.Claims {
				if !strings.Contains(dot, "\t\""+c.ID+"\" [") {
					t.Errorf("DOT(%s) does not draw %s", tt.name, c.ID)
				}
			}
		})
	}
}
