package neo4jstore_test

import (
	"context"
	"sort"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// argument is the traversal fixture of the conformance suite, with fixed IDs:
//
//	e1 supports c2 (r2), c2 supports c1 (r1), c3 contests c1 (r3),
//	c4 contests c3 (r4), c5 contests r1 (r5, an undercut),
//	c1 supports c4 (r6, closing a cycle), c6 supports c2 (r7),
//	e1 supports c6 (r8, a longer way from e1 to c1).
func argumentGraph() *argmap.Graph {
	sp := func(src string, start int) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: start, End: start + 4, Quote: "text"}}
	}
	claim := func(id, src string, start int) argmap.Claim {
		return argmap.Claim{ID: id, Text: id, Origin: argmap.OriginExtracted, Spans: sp(src, start)}
	}
	rel := func(id string, kind argmap.RelationKind, to string, from ...string) argmap.Relation {
		return argmap.Relation{ID: id, Kind: kind, From: from, To: to, Origin: argmap.OriginExtracted}
	}
	c2 := claim("clm_2", "src_a", 10)
	c2.Actors = []argmap.ActorRef{{ActorID: "act_f", Role: argmap.RoleNamed}}
	return &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_a", Title: "A"}, {ID: "src_b", Title: "B"}, {ID: "src_c", Title: "C"}},
		Actors:  []argmap.Actor{{ID: "act_f", Name: "Frontex"}},
		Claims: []argmap.Claim{claim("clm_1", "src_a", 0), c2, claim("clm_3", "src_b", 0),
			claim("clm_4", "src_c", 0), claim("clm_5", "src_c", 20), claim("clm_6", "src_a", 20)},
		Evidence: []argmap.Evidence{{ID: "evd_1", Text: "e1", Origin: argmap.OriginExtracted, Spans: sp("src_a", 30)}},
		Relations: []argmap.Relation{
			rel("rel_1", argmap.Supports, "clm_1", "clm_2"),
			rel("rel_2", argmap.Supports, "clm_2", "evd_1"),
			rel("rel_3", argmap.Contests, "clm_1", "clm_3"),
			rel("rel_4", argmap.Contests, "clm_3", "clm_4"),
			rel("rel_5", argmap.Contests, "rel_1", "clm_5"),
			rel("rel_6", argmap.Supports, "clm_4", "clm_1"),
			rel("rel_7", argmap.Supports, "clm_2", "clm_6"),
			rel("rel_8", argmap.Supports, "clm_6", "evd_1"),
		},
	}
}

func TestReachScripted(t *testing.T) {
	g := argumentGraph()
	st := func(rel string, kind argmap.RelationKind, from, to string) argmap.Step {
		return argmap.Step{RelationID: rel, Kind: kind, From: from, To: to}
	}
	r1 := st("rel_1", argmap.Supports, "clm_2", "clm_1")
	r3 := st("rel_3", argmap.Contests, "clm_3", "clm_1")
	paths := map[string][]argmap.Step{
		"clm_1": {},
		"clm_2": {r1},
		"clm_3": {r3},
		"evd_1": {st("rel_2", argmap.Supports, "evd_1", "clm_2"), r1},
		"clm_6": {st("rel_7", argmap.Supports, "clm_6", "clm_2"), r1},
		"clm_4": {st("rel_4", argmap.Contests, "clm_4", "clm_3"), r3},
		"clm_5": {st("rel_5", argmap.Contests, "clm_5", "rel_1"), st("rel_1", argmap.Supports, "rel_1", "clm_1")},
	}
	spans := map[string][]argmap.Span{}
	for _, c := range g.Claims {
		spans[c.ID] = c.Spans
	}
	spans["evd_1"] = g.Evidence[0].Spans
	tests := []struct {
		depth  int
		nodes  []string
		paths  int // reach_walk statements run (depth 0 to 3)
		levels int // reach_level statements run (deeper)
	}{
		{0, []string{"clm_1"}, 1, 0},
		{1, []string{"clm_1", "clm_2", "clm_3"}, 1, 0},
		{2, []string{"clm_1", "clm_2", "clm_3", "evd_1", "clm_6", "clm_4", "clm_5"}, 1, 0},
		{3, []string{"clm_1", "clm_2", "clm_3", "evd_1", "clm_6", "clm_4", "clm_5"}, 1, 0},
		{-3, []string{"clm_1"}, 1, 0},
		// The cycle c1-c4-c3 is walked once; the walk stops when a level
		// finds nothing new, well before depth 40 (cut to MaxDepth).
		{40, []string{"clm_1", "clm_2", "clm_3", "evd_1", "clm_6", "clm_4", "clm_5"}, 0, 4},
	}
	for _, tc := range tests {
		sc := newScript(t, sim{g}.answer)
		got, err := neo4jstore.NewDirect(sc).Reach(context.Background(), "clm_1", tc.depth)
		if err != nil {
			t.Fatalf("Reach(clm_1, %d) = %v", tc.depth, err)
		}
		if len(got) == 0 || got[0].Node != "clm_1" {
			t.Fatalf("Reach(clm_1, %d) = %+v, want clm_1 first", tc.depth, got)
		}
		var nodes []string
		for _, r := range got {
			nodes = append(nodes, r.Node)
			want := argmap.Reach{Node: r.Node, Steps: paths[r.Node], Spans: spans[r.Node]}
			if diff := cmp.Diff(want, r, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Reach(clm_1, %d) for %s (-want +got):\n%s", tc.depth, r.Node, diff)
			}
		}
		sort.Strings(nodes)
		if diff := cmp.Diff(sortedCopy(tc.nodes), nodes); diff != "" {
			t.Errorf("Reach(clm_1, %d) nodes (-want +got):\n%s", tc.depth, diff)
		}
		if n := len(sc.params("reach_level")); n != tc.levels {
			t.Errorf("Reach(clm_1, %d) ran reach_level %d times, want %d", tc.depth, n, tc.levels)
		}
		if n := len(sc.params("reach_walk")); n != tc.paths {
			t.Errorf("Reach(clm_1, %d) ran reach_walk %d times, want %d", tc.depth, n, tc.paths)
		}
	}
	// From c3 three deep: the path of c1 runs round the cycle.
	sc := newScript(t, sim{g}.answer)
	got, err := neo4jstore.NewDirect(sc).Reach(context.Background(), "clm_3", 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.Node == "evd_1" {
			t.Errorf("Reach(clm_3, 3) has evd_1, four relations away")
		}
		if r.Node == "clm_1" {
			want := []argmap.Step{st("rel_6", argmap.Supports, "clm_1", "clm_4"), st("rel_4", argmap.Contests, "clm_4", "clm_3")}
			if diff := cmp.Diff(want, r.Steps); diff != "" {
				t.Errorf("Reach(clm_3, 3) path of clm_1 (-want +got):\n%s", diff)
			}
		}
	}
	for _, id := range []string{"clm_9", "evd_1"} {
		_, err := neo4jstore.NewDirect(newScript(t, sim{g}.answer)).Reach(context.Background(), id, 3)
		if code := argmap.ErrorCode(err); code != argmap.ENOTFOUND {
			t.Errorf("Reach(%s) code = %q (%v), want %q", id, code, err, argmap.ENOTFOUND)
		}
	}
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}

func TestNeighbourhoodScripted(t *testing.T) {
	g := argumentGraph()
	tests := []struct {
		name          string
		focus         string
		depth, limit  int
		nodes, rels   []string
		sources, acts []string
	}{
		{"claim depth 0", "clm_2", 0, 0, []string{"clm_2"}, nil, []string{"src_a"}, []string{"act_f"}},
		{"claim depth 1", "clm_2", 1, 0, []string{"clm_1", "clm_2", "clm_6", "evd_1"},
			[]string{"rel_1", "rel_2", "rel_7", "rel_8"}, []string{"src_a"}, []string{"act_f"}},
		{"claim depth 2", "clm_2", 2, 0, []string{"clm_1", "clm_2", "clm_3", "clm_4", "clm_5", "clm_6", "evd_1"},
			[]string{"rel_1", "rel_2", "rel_3", "rel_4", "rel_5", "rel_6", "rel_7", "rel_8"}, []string{"src_a", "src_b", "src_c"}, []string{"act_f"}},
		{"evidence depth 1", "evd_1", 1, 0, []string{"clm_2", "clm_6", "evd_1"}, []string{"rel_2", "rel_7", "rel_8"}, []string{"src_a"}, []string{"act_f"}},
		{"relation depth 0", "rel_1", 0, 0, []string{"clm_1", "clm_2"}, []string{"rel_1"}, []string{"src_a"}, []string{"act_f"}},
		{"undercut depth 0", "rel_5", 0, 0, []string{"clm_1", "clm_2", "clm_5"}, []string{"rel_1", "rel_5"}, []string{"src_a", "src_c"}, []string{"act_f"}},
		{"claim depth 1 limit 1", "clm_3", 1, 1, []string{"clm_3"}, nil, []string{"src_b"}, nil},
		{"limit keeps the focus", "clm_1", 3, 3, nil, nil, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := neo4jstore.NewDirect(newScript(t, sim{g}.answer)).Neighbourhood(context.Background(), tc.focus, tc.depth, tc.limit)
			if err != nil {
				t.Fatalf("Neighbourhood(%s, %d, %d) = %v", tc.focus, tc.depth, tc.limit, err)
			}
			var nodes, rels, srcs, acts []string
			for _, c := range got.Claims {
				nodes = append(nodes, c.ID)
			}
			for _, e := range got.Evidence {
				nodes = append(nodes, e.ID)
			}
			for _, r := range got.Relations {
				rels = append(rels, r.ID)
			}
			for _, s := range got.Sources {
				srcs = append(srcs, s.ID)
			}
			for _, a := range got.Actors {
				acts = append(acts, a.ID)
			}
			sort.Strings(nodes)
			if tc.name == "limit keeps the focus" {
				if len(nodes) != 3 || sort.SearchStrings(nodes, "clm_1") == len(nodes) || nodes[sort.SearchStrings(nodes, "clm_1")] != "clm_1" {
					t.Errorf("Neighbourhood(clm_1, 3, 3) nodes = %v, want 3 with the focus", nodes)
				}
			} else {
				for _, c := range []struct {
					what      string
					want, got []string
				}{{"nodes", tc.nodes, nodes}, {"relations", tc.rels, rels}, {"sources", tc.sources, srcs}, {"actors", tc.acts, acts}} {
					if diff := cmp.Diff(sortedCopy(c.want), c.got, cmpopts.EquateEmpty()); diff != "" {
						t.Errorf("Neighbourhood(%s, %d, %d) %s (-want +got):\n%s", tc.focus, tc.depth, tc.limit, c.what, diff)
					}
				}
			}
			if err := got.Validate(nil); err != nil {
				t.Errorf("Neighbourhood(%s) is not closed: %v", tc.focus, err)
			}
		})
	}
	for _, focus := range []string{"clm_9", "rel_9", "nonsense", "src_a"} {
		_, err := neo4jstore.NewDirect(newScript(t, sim{g}.answer)).Neighbourhood(context.Background(), focus, 1, 0)
		if code := argmap.ErrorCode(err); code != argmap.ENOTFOUND {
			t.Errorf("Neighbourhood(%s) code = %q (%v), want %q", focus, code, err, argmap.ENOTFOUND)
		}
	}
}

// TestSingleStatementRead checks that a read run as one auto-commit
// statement refuses a second one: two auto-commit statements would read two
// snapshots.
func TestSingleStatementRead(t *testing.T) {
	if code := argmap.ErrorCode(neo4jstore.RunTwice(context.Background())); code != argmap.EINTERNAL {
		t.Errorf("a second statement in a single-statement read gave code %q, want %q", code, argmap.EINTERNAL)
	}
}
