package argmaptest

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// argument is the fixture of the traversal tests:
//
//	e1 supports c2 (r2), c2 supports c1 (r1), c3 contests c1 (r3),
//	c4 contests c3 (r4), c5 contests r1 (r5, an undercut),
//	c1 supports c4 (r6, closing a cycle), c6 supports c2 (r7),
//	e1 supports c6 (r8, a longer way from e1 to c1).
//
// Source A states c1, c2, c6 and e1; B states c3; C states c4 and c5.
type argument struct {
	a, b, c                    argmap.Source
	c1, c2, c3, c4, c5, c6     argmap.Claim
	e1                         argmap.Evidence
	actor                      argmap.Actor
	r1, r2, r3, r4, r5, r6, r7 argmap.Relation
	r8                         argmap.Relation
}

func buildArgument(t *testing.T, s argmap.Store) *argument {
	t.Helper()
	f := &argument{}
	f.a = newSource("A: the case for controls", "Controls reduce crossings. Patrols deter smugglers. Radar finds boats. In 2010, arrivals fell by half.")
	f.b = newSource("B: a critique", "Crossings merely moved east.")
	f.c = newSource("C: a reply", "Eastern routes were closed too. Deterrence does not follow from patrols.")
	f.c1 = stated(f.a, "Controls reduce crossings.")
	f.c2 = stated(f.a, "Patrols deter smugglers.")
	f.c6 = stated(f.a, "Radar finds boats.")
	f.e1 = newEvidence("arrivals fell by half", span(f.a, "arrivals fell by half"))
	f.c3 = stated(f.b, "Crossings merely moved east.")
	f.c4 = stated(f.c, "Eastern routes were closed too.")
	f.c5 = stated(f.c, "Deterrence does not follow from patrols.")
	f.actor = newActor("Frontex")
	f.c2.Actors = []argmap.ActorRef{{ActorID: f.actor.ID, Role: argmap.RoleNamed}}
	f.r1 = rel(argmap.Supports, f.c1.ID, f.c2.ID)
	f.r2 = rel(argmap.Supports, f.c2.ID, f.e1.ID)
	f.r3 = rel(argmap.Contests, f.c1.ID, f.c3.ID)
	f.r4 = rel(argmap.Contests, f.c3.ID, f.c4.ID)
	f.r5 = rel(argmap.Contests, f.r1.ID, f.c5.ID)
	f.r6 = rel(argmap.Supports, f.c4.ID, f.c1.ID)
	f.r7 = rel(argmap.Supports, f.c2.ID, f.c6.ID)
	f.r8 = rel(argmap.Supports, f.c6.ID, f.e1.ID)
	write(t, s, &argmap.Graph{
		Sources: []argmap.Source{f.a, f.b, f.c}, Actors: []argmap.Actor{f.actor},
		Claims:    []argmap.Claim{f.c1, f.c2, f.c3, f.c4, f.c5, f.c6},
		Evidence:  []argmap.Evidence{f.e1},
		Relations: []argmap.Relation{f.r1, f.r2, f.r3, f.r4, f.r5, f.r6, f.r7, f.r8},
	})
	return f
}

func step(r argmap.Relation, from, to string) argmap.Step {
	return argmap.Step{RelationID: r.ID, Kind: r.Kind, From: from, To: to}
}

// byNode indexes reaches by node, failing t on a node reached twice.
func byNode(t *testing.T, rs []argmap.Reach) map[string]argmap.Reach {
	t.Helper()
	m := map[string]argmap.Reach{}
	for _, r := range rs {
		if _, dup := m[r.Node]; dup {
			t.Errorf("Reach returned %s twice", r.Node)
		}
		m[r.Node] = r
	}
	return m
}

func testReach(t *testing.T, e *env) {
	s := e.store(t)
	f := buildArgument(t, s)
	paths := map[string][]argmap.Step{
		f.c1.ID: {},
		f.c2.ID: {step(f.r1, f.c2.ID, f.c1.ID)},
		f.c3.ID: {step(f.r3, f.c3.ID, f.c1.ID)},
		f.e1.ID: {step(f.r2, f.e1.ID, f.c2.ID), step(f.r1, f.c2.ID, f.c1.ID)},
		f.c6.ID: {step(f.r7, f.c6.ID, f.c2.ID), step(f.r1, f.c2.ID, f.c1.ID)},
		f.c4.ID: {step(f.r4, f.c4.ID, f.c3.ID), step(f.r3, f.c3.ID, f.c1.ID)},
		f.c5.ID: {step(f.r5, f.c5.ID, f.r1.ID), step(f.r1, f.r1.ID, f.c1.ID)},
	}
	spans := map[string][]argmap.Span{
		f.c1.ID: f.c1.Spans, f.c2.ID: f.c2.Spans, f.c3.ID: f.c3.Spans, f.c4.ID: f.c4.Spans,
		f.c5.ID: f.c5.Spans, f.c6.ID: f.c6.Spans, f.e1.ID: f.e1.Spans,
	}
	tests := []struct {
		name  string
		depth int
		want  []string
	}{
		{"depth 0", 0, []string{f.c1.ID}},
		{"depth 1", 1, []string{f.c1.ID, f.c2.ID, f.c3.ID}},
		{"depth 2", 2, []string{f.c1.ID, f.c2.ID, f.c3.ID, f.e1.ID, f.c6.ID, f.c4.ID, f.c5.ID}},
		{"depth 8 (cycle c1-c4-c3)", 8, []string{f.c1.ID, f.c2.ID, f.c3.ID, f.e1.ID, f.c6.ID, f.c4.ID, f.c5.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Reach(ctx(t), f.c1.ID, tc.depth)
			must(t, "Reach", err)
			if len(got) == 0 || got[0].Node != f.c1.ID || len(got[0].Steps) != 0 {
				t.Fatalf("Reach(c1, %d) first = %+v, want c1 itself with no steps", tc.depth, got)
			}
			m := byNode(t, got)
			var nodes []string
			for n := range m {
				nodes = append(nodes, n)
			}
			sort.Strings(nodes)
			if diff := cmp.Diff(sorted(tc.want...), nodes); diff != "" {
				t.Fatalf("Reach(c1, %d) nodes (-want +got):\n%s", tc.depth, diff)
			}
			for _, n := range nodes {
				want := argmap.Reach{Node: n, Steps: paths[n], Spans: spans[n]}
				if diff := cmp.Diff(want, m[n], opts); diff != "" {
					t.Errorf("Reach(c1, %d) for %s (-want +got):\n%s", tc.depth, n, diff)
				}
				for _, sp := range m[n].Spans {
					if sp.Quote == "" {
						t.Errorf("Reach(c1, %d) span of %s has no quote", tc.depth, n)
					}
				}
			}
		})
	}
	t.Run("from c3", func(t *testing.T) {
		// c3 <- c4 <- c1 <- c2 ... : the cycle is walked once.
		got, err := s.Reach(ctx(t), f.c3.ID, 3)
		must(t, "Reach", err)
		m := byNode(t, got)
		want := []argmap.Step{step(f.r6, f.c1.ID, f.c4.ID), step(f.r4, f.c4.ID, f.c3.ID)}
		if diff := cmp.Diff(want, m[f.c1.ID].Steps, opts); diff != "" {
			t.Errorf("Reach(c3, 3) path of c1 (-want +got):\n%s", diff)
		}
		if _, ok := m[f.c2.ID]; !ok {
			t.Errorf("Reach(c3, 3) lacks c2, three relations away")
		}
		if _, ok := m[f.e1.ID]; ok {
			t.Errorf("Reach(c3, 3) has e1, four relations away")
		}
	})
	t.Run("Errors", func(t *testing.T) {
		_, err := s.Reach(ctx(t), argmap.NewID(argmap.KindClaim), 3)
		wantCode(t, "Reach(unknown claim)", err, argmap.ENOTFOUND)
		_, err = s.Reach(ctx(t), f.e1.ID, 3)
		wantCode(t, "Reach(evidence)", err, argmap.ENOTFOUND)
	})
}

// backing is the part of an argmap.Backing the suite pins down.
type backing struct {
	Source string
	Nodes  []string
	Path   []argmap.Step
}

func backings(bs []argmap.Backing) []backing {
	out := make([]backing, len(bs))
	for i, b := range bs {
		out[i] = backing{Source: b.Source.ID, Nodes: sorted(b.Nodes...), Path: b.Path}
	}
	return out
}

func testFindSupporters(t *testing.T, e *env) {
	s := e.store(t)
	f := buildArgument(t, s)
	for _, q := range []string{f.c1.ID, "controls reduce crossings"} {
		t.Run(q, func(t *testing.T) {
			ans, err := argmap.FindSupporters(ctx(t), s, nil, q, 3)
			must(t, "FindSupporters", err)
			if len(ans.Claims) == 0 || ans.Claims[0].ID != f.c1.ID || ans.Claims[0].Source.ID != f.a.ID {
				t.Fatalf("FindSupporters(%q).Claims = %+v, want c1 from source A first", q, ans.Claims)
			}
			wantSup := []backing{
				{Source: f.a.ID, Nodes: sorted(f.c1.ID, f.c2.ID, f.c6.ID, f.e1.ID), Path: []argmap.Step{}},
				{Source: f.c.ID, Nodes: []string{f.c4.ID}, Path: []argmap.Step{step(f.r4, f.c4.ID, f.c3.ID), step(f.r3, f.c3.ID, f.c1.ID)}},
			}
			wantCon := []backing{
				{Source: f.b.ID, Nodes: []string{f.c3.ID}, Path: []argmap.Step{step(f.r3, f.c3.ID, f.c1.ID)}},
				{Source: f.c.ID, Nodes: []string{f.c5.ID}, Path: []argmap.Step{step(f.r5, f.c5.ID, f.r1.ID), step(f.r1, f.r1.ID, f.c1.ID)}},
			}
			if diff := cmp.Diff(wantSup, backings(ans.Supporting), opts); diff != "" {
				t.Errorf("FindSupporters(%q).Supporting (-want +got):\n%s", q, diff)
			}
			if diff := cmp.Diff(wantCon, backings(ans.Contesting), opts); diff != "" {
				t.Errorf("FindSupporters(%q).Contesting (-want +got):\n%s", q, diff)
			}
			for _, b := range append(append([]argmap.Backing{}, ans.Supporting...), ans.Contesting...) {
				for _, sp := range b.Spans {
					if sp.SourceID != b.Source.ID || sp.Quote == "" {
						t.Errorf("FindSupporters(%q) backing %s has span %+v, want a quoted span of that source", q, b.Source.ID, sp)
					}
				}
			}
		})
	}
}
