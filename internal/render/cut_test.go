package render_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// cutGraph has a star of five claims around clm_z_hub (the hub's ID sorts
// last), a pair clm_m1 -> clm_m2 with evidence evd_m, an undercut of the
// pair's relation, and four lone claims whose IDs sort first.
func cutGraph() *argmap.Graph {
	src := argmap.Source{ID: "src_a", Title: "A"}
	span := []argmap.Span{{SourceID: src.ID, Start: 0, End: 1}}
	g := &argmap.Graph{Sources: []argmap.Source{src, {ID: "src_unused", Title: "B"}},
		Actors: []argmap.Actor{{ID: "act_x", Name: "X"}, {ID: "act_unused", Name: "Y"}}}
	claim := func(id string) argmap.Claim { return argmap.Claim{ID: id, Text: id} }
	for _, id := range []string{"clm_a1", "clm_a2", "clm_a3", "clm_a4"} {
		g.Claims = append(g.Claims, claim(id))
	}
	hub := claim("clm_z_hub")
	hub.Spans = span
	hub.Actors = []argmap.ActorRef{{ActorID: "act_x", Role: argmap.RoleAsserts}}
	g.Claims = append(g.Claims, hub)
	for _, id := range []string{"clm_s1", "clm_s2", "clm_s3", "clm_s4"} {
		g.Claims = append(g.Claims, claim(id))
		g.Relations = append(g.Relations, argmap.Relation{ID: "rel_" + id, Kind: argmap.Supports, From: []string{id}, To: hub.ID})
	}
	g.Claims = append(g.Claims, claim("clm_m1"), claim("clm_m2"))
	g.Evidence = []argmap.Evidence{{ID: "evd_m", Text: "evidence"}}
	g.Relations = append(g.Relations,
		argmap.Relation{ID: "rel_m", Kind: argmap.Supports, From: []string{"clm_m1"}, To: "clm_m2"},
		argmap.Relation{ID: "rel_u", Kind: argmap.Contests, From: []string{"evd_m"}, To: "rel_m"},
		argmap.Relation{ID: "rel_out", Kind: argmap.Contests, From: []string{"clm_m2"}, To: "clm_elsewhere"})
	return g
}

func TestTrim(t *testing.T) {
	ids := func(g *argmap.Graph) []string {
		var out []string
		for _, c := range g.Claims {
			out = append(out, c.ID)
		}
		for _, e := range g.Evidence {
			out = append(out, e.ID)
		}
		for _, r := range g.Relations {
			out = append(out, r.ID)
		}
		for _, s := range g.Sources {
			out = append(out, s.ID)
		}
		for _, a := range g.Actors {
			out = append(out, a.ID)
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name    string
		max     int
		focus   string
		want    []string
		omitted render.Cut
		says    string
	}{
		{"fits", 20, "", ids(cutGraph()), render.Cut{}, "nothing left out"},
		{"largest parts first, not the lowest IDs", 8, "",
			[]string{"act_x", "clm_m1", "clm_m2", "clm_s1", "clm_s2", "clm_s3", "clm_s4", "clm_z_hub", "evd_m",
				"rel_clm_s1", "rel_clm_s2", "rel_clm_s3", "rel_clm_s4", "rel_m", "rel_out", "rel_u", "src_a"},
			render.Cut{Claims: 4}, "the largest 2 of 6 connected parts whole); left out 4 claims"},
		{"a part that does not fit gives its best-connected nodes", 2, "",
			[]string{"act_x", "clm_s1", "clm_z_hub", "rel_clm_s1", "src_a"},
			render.Cut{Claims: 9, Evidence: 1, Relations: 6, Partial: true}, "part of the largest of 6 connected parts: grown from its best-connected node"},
		{"the focus's part first, nearest first", 2, "clm_m2",
			[]string{"clm_m1", "clm_m2", "rel_m", "rel_out"},
			render.Cut{Claims: 9, Evidence: 1, Relations: 5, Partial: true}, "nearest the focus, then the best connected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := cutGraph()
			got, cut := render.Trim(g, tt.max, tt.focus)
			if gi := ids(got); !slices.Equal(gi, tt.want) {
				t.Errorf("Trim(%d, %q) kept %v, want %v", tt.max, tt.focus, gi, tt.want)
			}
			if cut.Claims != tt.omitted.Claims || cut.Evidence != tt.omitted.Evidence || cut.Relations != tt.omitted.Relations || cut.Partial != tt.omitted.Partial {
				t.Errorf("Trim(%d, %q) left out %+v, want %+v", tt.max, tt.focus, cut, tt.omitted)
			}
			if !strings.Contains(cut.String(), tt.says) {
				t.Errorf("Cut.String() = %q, want it to say %q", cut.String(), tt.says)
			}
			if cut.Omitted() != (tt.omitted.Claims+tt.omitted.Evidence+tt.omitted.Relations > 0) {
				t.Errorf("Cut.Omitted() = %v for %+v", cut.Omitted(), cut)
			}
			if n := len(got.Claims) + len(got.Evidence); n > max(tt.max, 0) {
				t.Errorf("Trim(%d) kept %d claims and evidence", tt.max, n)
			}
			if len(g.Claims) != 11 || len(g.Relations) != 7 {
				t.Errorf("Trim changed its input: %d claims, %d relations", len(g.Claims), len(g.Relations))
			}
		})
	}
}

// TestTrimGrowsConnected checks that a part cut without a focus is grown
// from its best-connected node through the best-connected neighbours: of two
// hubs joined through a bridge, Trim to two keeps a hub and the bridge (one
// relation drawn), not the two hubs that share none.
func TestTrimGrowsConnected(t *testing.T) {
	g := &argmap.Graph{}
	claim := func(id string) { g.Claims = append(g.Claims, argmap.Claim{ID: id, Text: id}) }
	link := func(from, to string) {
		g.Relations = append(g.Relations, argmap.Relation{ID: "rel_" + from + "_" + to, Kind: argmap.Supports, From: []string{from}, To: to})
	}
	claim("clm_hub_a")
	claim("clm_hub_b")
	claim("clm_bridge")
	for _, hub := range []string{"clm_hub_a", "clm_hub_b"} {
		for i := range 4 {
			leaf := hub + "_leaf" + string(rune('0'+i))
			claim(leaf)
			link(leaf, hub)
		}
		link("clm_bridge", hub)
	}
	for _, tc := range []struct {
		max  int
		want []string
	}{
		{1, []string{"clm_hub_a"}},
		{2, []string{"clm_bridge", "clm_hub_a"}},
		{3, []string{"clm_bridge", "clm_hub_a", "clm_hub_b"}},
	} {
		got, cut := render.Trim(g, tc.max, "")
		var ids []string
		for _, c := range got.Claims {
			ids = append(ids, c.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, tc.want) {
			t.Errorf("Trim(%d) kept %v, want %v", tc.max, ids, tc.want)
		}
		if len(got.Relations) != tc.max-1 {
			t.Errorf("Trim(%d) kept %d relations, want %d (what is kept hangs together)", tc.max, len(got.Relations), tc.max-1)
		}
		if !strings.Contains(cut.String(), "grown from its best-connected node") {
			t.Errorf("Cut.String() = %q", cut.String())
		}
	}
}
