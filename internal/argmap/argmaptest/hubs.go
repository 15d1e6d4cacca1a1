package argmaptest

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// testHubs checks GraphStore.Hubs: the claims and evidence with the most
// relations (premise or target; undercuts count for no node), ties by ID,
// nodes without relations last, with the relations among them and their
// sources without text.
func testHubs(t *testing.T, e *env) {
	s := e.store(t)
	doc := newSource("Hubs", "The hub claim holds. Five claims back it.")
	hub := stated(doc, "The hub claim holds.")
	k := newClaim("K follows from the hub")
	ev := newEvidence("A figure")
	a := make([]argmap.Claim, 5)
	for i := range a {
		a[i] = newClaim("Premise " + string(rune('A'+i)))
	}
	z1, z2 := newClaim("Alone one"), newClaim("Alone two")
	var rels []argmap.Relation
	for i := range a {
		rels = append(rels, rel(argmap.Supports, hub.ID, a[i].ID))
	}
	hubToK := rel(argmap.Supports, k.ID, hub.ID)
	rels = append(rels, hubToK, rel(argmap.Supports, k.ID, ev.ID, a[0].ID), rel(argmap.Contests, a[1].ID, ev.ID),
		rel(argmap.Supports, k.ID, a[3].ID))
	undercut := rel(argmap.Contests, rels[0].ID, a[2].ID) // targets A→hub: counts for A[2] only
	rels = append(rels, undercut)
	write(t, s, &argmap.Graph{Sources: []argmap.Source{doc}, Claims: append([]argmap.Claim{hub, k, z1, z2}, a...),
		Evidence: []argmap.Evidence{ev}, Relations: rels})

	// relations per node: hub 6 (five premises, one target); k 3; a0, a1,
	// a2 (the undercut's premise), a3 and ev 2; a4 1; z1 and z2 none
	twos := sorted(a[0].ID, a[1].ID, a[2].ID, a[3].ID, ev.ID)
	zeros := sorted(z1.ID, z2.ID)
	order := append(append(append([]string{hub.ID, k.ID}, twos...), a[4].ID), zeros...)
	for _, n := range []int{1, 2, 3, 6, 7, 8, 9, 10, 20} {
		g, err := s.Hubs(ctx(t), n)
		must(t, "Hubs", err)
		want := sorted(order[:min(n, len(order))]...)
		if diff := cmp.Diff(want, nodeIDs(g)); diff != "" {
			t.Errorf("Hubs(%d) nodes (-want +got):\n%s", n, diff)
		}
		in := map[string]bool{}
		for _, id := range want {
			in[id] = true
		}
		var wantRels []string
		for _, r := range rels {
			ok := in[r.To] || (r.ID == undercut.ID && in[rels[0].To] && in[rels[0].From[0]])
			for _, f := range r.From {
				ok = ok && in[f]
			}
			if ok {
				wantRels = append(wantRels, r.ID)
			}
		}
		sort.Strings(wantRels)
		gotRels := ids(g.Relations, relationID)
		sort.Strings(gotRels)
		if diff := cmp.Diff(wantRels, gotRels, opts); diff != "" {
			t.Errorf("Hubs(%d) relations (-want +got):\n%s", n, diff)
		}
		if in[hub.ID] {
			if len(g.Sources) != 1 || g.Sources[0].ID != doc.ID || g.Sources[0].Text != "" {
				t.Errorf("Hubs(%d) sources = %+v, want %s without text", n, g.Sources, doc.ID)
			}
		}
	}
	g, err := s.Hubs(ctx(t), 2)
	must(t, "Hubs", err)
	if len(g.Relations) != 1 || g.Relations[0].ID != hubToK.ID {
		t.Errorf("Hubs(2) relations = %v, want only %s", ids(g.Relations, relationID), hubToK.ID)
	}
	// a lone claim argued about more than the hub now comes first (a store
	// that keeps its ranking sees that the relations changed)
	var more []argmap.Relation
	for _, c := range append([]argmap.Claim{hub, k, z2}, a...) {
		more = append(more, rel(argmap.Contests, z1.ID, c.ID))
	}
	more = append(more, rel(argmap.Supports, z1.ID, ev.ID)) // z1: 9 relations, the hub 7
	write(t, s, &argmap.Graph{Relations: more})
	g, err = s.Hubs(ctx(t), 1)
	must(t, "Hubs", err)
	if diff := cmp.Diff([]string{z1.ID}, nodeIDs(g)); diff != "" {
		t.Errorf("Hubs(1) after new relations (-want +got):\n%s", diff)
	}
	must(t, "DeleteRelation", s.DeleteRelation(ctx(t), more[0].ID))
	for _, r := range more[1:] {
		must(t, "DeleteRelation", s.DeleteRelation(ctx(t), r.ID))
	}
	g, err = s.Hubs(ctx(t), 1)
	must(t, "Hubs", err)
	if diff := cmp.Diff([]string{hub.ID}, nodeIDs(g)); diff != "" {
		t.Errorf("Hubs(1) after deleting them (-want +got):\n%s", diff)
	}
	for _, n := range []int{0, -1} {
		g, err := s.Hubs(ctx(t), n)
		must(t, "Hubs", err)
		if len(g.Claims)+len(g.Evidence)+len(g.Relations) != 0 {
			t.Errorf("Hubs(%d) = %d claims, %d evidence, %d relations; want none", n, len(g.Claims), len(g.Evidence), len(g.Relations))
		}
	}
	empty := e.store(t)
	g, err = empty.Hubs(ctx(t), 10)
	must(t, "Hubs of an empty store", err)
	if len(g.Claims)+len(g.Evidence) != 0 {
		t.Errorf("Hubs of an empty store = %+v", g)
	}
}
