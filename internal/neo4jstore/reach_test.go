package neo4jstore_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestLevelEdgesFrom(t *testing.T) {
	recs := []*neo4j.Record{
		record("target", "clm_a", "relation", "rel_b", "kind", "contests", "premises", []any{"clm_x"}),
		record("target", "clm_a", "relation", "rel_a", "kind", "supports", "premises", []any{"evd_1", "clm_2"}),
	}
	got, err := neo4jstore.LevelEdgesFrom(recs)
	if err != nil {
		t.Fatal(err)
	}
	want := []neo4jstore.LevelEdge{
		{Target: "clm_a", Relation: "rel_a", Kind: argmap.Supports, Premises: []string{"evd_1", "clm_2"}},
		{Target: "clm_a", Relation: "rel_b", Kind: argmap.Contests, Premises: []string{"clm_x"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("levelEdgesFrom mismatch (-want +got):\n%s", diff)
	}
	if _, err := neo4jstore.LevelEdgesFrom([]*neo4j.Record{record("target", "clm_a", "relation", "rel_a", "kind", "supports", "premises", []any{int64(1)})}); argmap.ErrorCode(err) != argmap.EINTERNAL {
		t.Errorf("levelEdgesFrom(non-ID premise) = %v, want EINTERNAL", err)
	}
}

// TestWalk drives the level-by-level walk Reach runs with the rows each level
// of reach_level would return, for a graph with linked premises, an undercut,
// a counter-attack and two paths of different lengths to one node:
//
//	rel_1: evd_e, clm_b supports clm_q
//	rel_2: clm_c contests clm_q
//	rel_3: clm_u contests rel_1          (undercut)
//	rel_4: clm_d contests clm_c          (defends clm_q)
//	rel_5: clm_b supports clm_c          (clm_b is already reached by rel_1)
//	rel_6: evd_f supports rel_3          (supports the undercut)
func TestWalk(t *testing.T) {
	level1 := []neo4jstore.LevelEdge{
		{Target: "clm_q", Relation: "rel_2", Kind: argmap.Contests, Premises: []string{"clm_c"}},
		{Target: "clm_q", Relation: "rel_1", Kind: argmap.Supports, Premises: []string{"evd_e", "clm_b"}},
	}
	level2 := []neo4jstore.LevelEdge{
		{Target: "rel_1", Relation: "rel_3", Kind: argmap.Contests, Premises: []string{"clm_u"}},
		{Target: "clm_c", Relation: "rel_4", Kind: argmap.Contests, Premises: []string{"clm_d"}},
		{Target: "clm_c", Relation: "rel_5", Kind: argmap.Supports, Premises: []string{"clm_b"}},
	}
	level3 := []neo4jstore.LevelEdge{
		{Target: "rel_3", Relation: "rel_6", Kind: argmap.Supports, Premises: []string{"evd_f"}},
	}
	s1 := argmap.Step{RelationID: "rel_1", Kind: argmap.Supports, To: "clm_q"}
	s2 := argmap.Step{RelationID: "rel_2", Kind: argmap.Contests, From: "clm_c", To: "clm_q"}
	from := func(s argmap.Step, f string) argmap.Step { s.From = f; return s }
	s3 := argmap.Step{RelationID: "rel_3", Kind: argmap.Contests, From: "clm_u", To: "rel_1"}
	want := []argmap.Reach{
		{Node: "clm_q", Steps: []argmap.Step{}, Spans: []argmap.Span{}},
		{Node: "clm_b", Steps: []argmap.Step{from(s1, "clm_b")}, Spans: []argmap.Span{}},
		{Node: "clm_c", Steps: []argmap.Step{s2}, Spans: []argmap.Span{}},
		{Node: "evd_e", Steps: []argmap.Step{from(s1, "evd_e")}, Spans: []argmap.Span{}},
		{Node: "clm_d", Steps: []argmap.Step{{RelationID: "rel_4", Kind: argmap.Contests, From: "clm_d", To: "clm_c"}, s2}, Spans: []argmap.Span{}},
		// The undercut's path enters rel_1 by rel_1 itself.
		{Node: "clm_u", Steps: []argmap.Step{s3, from(s1, "rel_1")}, Spans: []argmap.Span{}},
		{Node: "evd_f", Steps: []argmap.Step{{RelationID: "rel_6", Kind: argmap.Supports, From: "evd_f", To: "rel_3"}, from(s3, "rel_3"), from(s1, "rel_1")}, Spans: []argmap.Span{}},
	}
	got := neo4jstore.WalkReaches("clm_q", [][]neo4jstore.LevelEdge{level1, level2, level3})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}
	// Polarity follows: the undercutter contests clm_q, its supporter too,
	// the defender of clm_q supports it.
	pol := map[string]int{}
	for _, r := range got {
		pol[r.Node] = argmap.Polarity(r.Steps)
	}
	wantPol := map[string]int{"clm_q": 1, "clm_b": 1, "evd_e": 1, "clm_c": -1, "clm_d": 1, "clm_u": -1, "evd_f": -1}
	if diff := cmp.Diff(wantPol, pol); diff != "" {
		t.Errorf("polarities mismatch (-want +got):\n%s", diff)
	}
}
