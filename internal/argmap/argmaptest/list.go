package argmaptest

import (
	"fmt"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// pageAll reads every page of a listing of size n and returns the IDs in the
// order read, failing t if a page is larger than asked or the walk runs on.
func pageAll(t *testing.T, name string, size int, list func(p argmap.Page) ([]string, error)) []string {
	t.Helper()
	var all []string
	p := argmap.Page{Limit: size}
	for i := 0; i < 100; i++ {
		got, err := list(p)
		must(t, name, err)
		if len(got) > size {
			t.Fatalf("%s(%+v) returned %d records, want at most %d", name, p, len(got), size)
		}
		all = append(all, got...)
		if len(got) < size {
			return all
		}
		p.After = got[len(got)-1]
	}
	t.Fatalf("%s: paging did not end", name)
	return nil
}

func testPagination(t *testing.T, e *env) {
	s := e.store(t)
	const n = 7
	src := newSource("Paged", "Every claim is stated here.")
	g := &argmap.Graph{Sources: []argmap.Source{src}}
	for i := 0; i < n; i++ {
		g.Sources = append(g.Sources, citedSource(fmt.Sprintf("Work %d", i)))
		g.Claims = append(g.Claims, newClaim(fmt.Sprintf("Claim number %d", i), span(src, "Every claim")))
		g.Evidence = append(g.Evidence, newEvidence(fmt.Sprintf("Figure %d", i), span(src, "is stated")))
		g.Actors = append(g.Actors, newActor(fmt.Sprintf("Actor %d", i)))
	}
	for i := 0; i < n; i++ {
		g.Relations = append(g.Relations, rel(argmap.Supports, g.Claims[i].ID, g.Claims[(i+1)%n].ID))
	}
	write(t, s, g)
	tests := []struct {
		name string
		want []string
		list func(p argmap.Page) ([]string, error)
	}{
		{"Sources", ids(g.Sources, sourceID), func(p argmap.Page) ([]string, error) {
			r, err := s.Sources(ctx(t), argmap.SourceFilter{Page: p})
			return ids(r, sourceID), err
		}},
		{"Claims", ids(g.Claims, claimID), func(p argmap.Page) ([]string, error) {
			r, err := s.Claims(ctx(t), argmap.ClaimFilter{Page: p})
			return ids(r, claimID), err
		}},
		{"EvidenceList", ids(g.Evidence, evidenceID), func(p argmap.Page) ([]string, error) {
			r, err := s.EvidenceList(ctx(t), argmap.EvidenceFilter{Page: p})
			return ids(r, evidenceID), err
		}},
		{"Actors", ids(g.Actors, actorID), func(p argmap.Page) ([]string, error) {
			r, err := s.Actors(ctx(t), argmap.ActorFilter{Page: p})
			return ids(r, actorID), err
		}},
		{"Relations", ids(g.Relations, relationID), func(p argmap.Page) ([]string, error) {
			r, err := s.Relations(ctx(t), argmap.RelationFilter{Page: p})
			return ids(r, relationID), err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := sorted(tc.want...)
			for _, size := range []int{1, 3, len(want), len(want) + 1} {
				got := pageAll(t, tc.name, size, tc.list)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s pages of %d (-want +got):\n%s", tc.name, size, diff)
				}
			}
			got, err := tc.list(argmap.Page{})
			must(t, tc.name, err)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s(default page) (-want +got):\n%s", tc.name, diff)
			}
			got, err = tc.list(argmap.Page{After: want[len(want)-1]})
			must(t, tc.name, err)
			if len(got) != 0 {
				t.Errorf("%s(after the last) = %v, want none", tc.name, got)
			}
		})
	}
	t.Run("ListsCarryDetails", func(t *testing.T) {
		cs, err := s.Claims(ctx(t), argmap.ClaimFilter{Page: argmap.Page{Limit: 1}})
		must(t, "Claims", err)
		if len(cs) != 1 || len(cs[0].Spans) != 1 || cs[0].Spans[0].Quote != "Every claim" {
			t.Errorf("Claims(limit 1) = %+v, want one claim with its span and quote", cs)
		}
		es, err := s.EvidenceList(ctx(t), argmap.EvidenceFilter{Page: argmap.Page{Limit: 1}})
		must(t, "EvidenceList", err)
		if len(es) != 1 || len(es[0].Spans) != 1 {
			t.Errorf("EvidenceList(limit 1) = %+v, want one piece with its span", es)
		}
		rs, err := s.Relations(ctx(t), argmap.RelationFilter{Page: argmap.Page{Limit: 1}})
		must(t, "Relations", err)
		if len(rs) != 1 || len(rs[0].From) != 1 || rs[0].To == "" {
			t.Errorf("Relations(limit 1) = %+v, want one relation with its endpoints", rs)
		}
	})
}

func testFilters(t *testing.T, e *env) {
	s := e.store(t)
	a := newSource("Border Externalisation in Africa", "The IOM funds checkpoints. Frontex patrols the sea. Asylum is denied.")
	b := newSource("Humanitarian border work", "Aid groups feed migrants.")
	b.Kind = argmap.SourceReport
	c := citedSource("Andersson 2014")
	iom := newActor("International Organization for Migration", "IOM", "the Organization")
	frontex := newActor("Frontex")
	frontex.Kind = argmap.ActorState
	c1 := stated(a, "The IOM funds checkpoints.")
	c1.Actors = []argmap.ActorRef{{ActorID: iom.ID, Role: argmap.RoleAsserts}}
	c2 := stated(a, "Frontex patrols the sea.")
	c2.Actors = []argmap.ActorRef{{ActorID: frontex.ID, Role: argmap.RoleNamed}, {ActorID: iom.ID, Role: argmap.RoleDisputes}}
	c3 := stated(b, "Aid groups feed migrants.")
	c3.Origin = argmap.OriginCurated
	c4 := newClaim("Checkpoints multiply along the routes.")
	c4.Origin = argmap.OriginLinked
	c4.Proposition = c1.ID // states what c1 states
	ev1 := newEvidence("Asylum is denied.", span(a, "Asylum is denied."))
	ev2 := newEvidence("Aid groups", span(b, "Aid groups"))
	r1 := rel(argmap.Supports, c1.ID, ev1.ID)
	r2 := rel(argmap.Contests, c2.ID, c1.ID)
	r3 := rel(argmap.Contests, r1.ID, c3.ID)
	r4 := rel(argmap.Supports, c4.ID, c1.ID, c3.ID)
	write(t, s, &argmap.Graph{
		Sources: []argmap.Source{a, b, c}, Actors: []argmap.Actor{iom, frontex},
		Claims: []argmap.Claim{c1, c2, c3, c4}, Evidence: []argmap.Evidence{ev1, ev2},
		Relations: []argmap.Relation{r1, r2, r3, r4},
	})
	list := func(t *testing.T, name string, got []string, err error, want ...string) {
		t.Helper()
		must(t, name, err)
		if diff := cmp.Diff(sorted(want...), got, opts); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	t.Run("SourceFilter", func(t *testing.T) {
		tests := []struct {
			f    argmap.SourceFilter
			want []string
		}{
			{argmap.SourceFilter{Kind: argmap.SourceReport}, []string{b.ID}},
			{argmap.SourceFilter{Kind: argmap.SourceCited}, []string{c.ID}},
			{argmap.SourceFilter{Query: "BORDER"}, []string{a.ID, b.ID}},
			{argmap.SourceFilter{Query: "border", Kind: argmap.SourceArticle}, []string{a.ID}},
			{argmap.SourceFilter{Query: "andersson"}, []string{c.ID}},
			{argmap.SourceFilter{Query: "no such title"}, nil},
			{argmap.SourceFilter{Query: "%"}, nil},
			{argmap.SourceFilter{Query: "_"}, nil},
		}
		for _, tc := range tests {
			got, err := s.Sources(ctx(t), tc.f)
			list(t, fmt.Sprintf("Sources(%+v)", tc.f), ids(got, sourceID), err, tc.want...)
		}
	})
	t.Run("ClaimFilter", func(t *testing.T) {
		tests := []struct {
			f    argmap.ClaimFilter
			want []string
		}{
			{argmap.ClaimFilter{ActorID: iom.ID}, []string{c1.ID, c2.ID}},
			{argmap.ClaimFilter{ActorID: frontex.ID}, []string{c2.ID}},
			{argmap.ClaimFilter{SourceID: a.ID}, []string{c1.ID, c2.ID}},
			{argmap.ClaimFilter{SourceID: b.ID}, []string{c3.ID}},
			{argmap.ClaimFilter{Origin: argmap.OriginCurated}, []string{c3.ID}},
			{argmap.ClaimFilter{Origin: argmap.OriginLinked}, []string{c4.ID}},
			{argmap.ClaimFilter{Origin: argmap.OriginExtracted, SourceID: a.ID, ActorID: frontex.ID}, []string{c2.ID}},
			{argmap.ClaimFilter{Query: "checkpoint"}, []string{c1.ID, c4.ID}},
			{argmap.ClaimFilter{Query: "checkpoints", SourceID: a.ID}, []string{c1.ID}},
			{argmap.ClaimFilter{Query: "patrolling"}, []string{c2.ID}},
			{argmap.ClaimFilter{Query: `" OR *`}, nil},
			{argmap.ClaimFilter{ActorID: argmap.NewID(argmap.KindActor)}, nil},
			{argmap.ClaimFilter{Proposition: c1.ID}, []string{c1.ID, c4.ID}},
			{argmap.ClaimFilter{Proposition: c1.ID, Query: "routes"}, []string{c4.ID}},
			{argmap.ClaimFilter{Proposition: c2.ID}, []string{c2.ID}},
			{argmap.ClaimFilter{Proposition: argmap.NewID(argmap.KindClaim)}, nil},
		}
		for _, tc := range tests {
			got, err := s.Claims(ctx(t), tc.f)
			list(t, fmt.Sprintf("Claims(%+v)", tc.f), ids(got, claimID), err, tc.want...)
		}
	})
	t.Run("EvidenceFilter", func(t *testing.T) {
		got, err := s.EvidenceList(ctx(t), argmap.EvidenceFilter{SourceID: b.ID})
		list(t, "EvidenceList(source b)", ids(got, evidenceID), err, ev2.ID)
	})
	t.Run("SearchEvidence", func(t *testing.T) {
		tests := []struct {
			q    string
			want []string
		}{
			{"denied asylum", []string{ev1.ID}},
			{"deny", []string{ev1.ID}}, // stemmed
			{"groups of aid", []string{ev2.ID}},
			{"asylum groups", []string{ev1.ID, ev2.ID}}, // any word when none has all
			{"the of and", nil},
			{`" OR *`, nil},
		}
		for _, tc := range tests {
			hits, err := s.SearchEvidence(ctx(t), tc.q, 10)
			var got []string
			for _, h := range hits {
				got = append(got, h.Evidence.ID)
				if len(h.Evidence.Spans) == 0 && h.Evidence.ID == ev1.ID {
					t.Errorf("SearchEvidence(%q) hit %s without its spans", tc.q, h.Evidence.ID)
				}
			}
			sort.Strings(got)
			list(t, fmt.Sprintf("SearchEvidence(%q)", tc.q), got, err, tc.want...)
		}
	})
	t.Run("ActorFilter", func(t *testing.T) {
		tests := []struct {
			f    argmap.ActorFilter
			want []string
		}{
			{argmap.ActorFilter{Query: "iom"}, []string{iom.ID}},                // an alias
			{argmap.ActorFilter{Query: "organization"}, []string{iom.ID}},       // name and alias, listed once
			{argmap.ActorFilter{Query: "FRONT"}, []string{frontex.ID}},          // the name
			{argmap.ActorFilter{Kind: argmap.ActorState}, []string{frontex.ID}}, // kind
			{argmap.ActorFilter{Query: "o", Kind: argmap.ActorOrganisation}, []string{iom.ID}},
			{argmap.ActorFilter{Query: "unknown body"}, nil},
		}
		for _, tc := range tests {
			got, err := s.Actors(ctx(t), tc.f)
			list(t, fmt.Sprintf("Actors(%+v)", tc.f), ids(got, actorID), err, tc.want...)
		}
	})
	t.Run("RelationFilter", func(t *testing.T) {
		tests := []struct {
			f    argmap.RelationFilter
			want []string
		}{
			{argmap.RelationFilter{NodeID: c1.ID}, []string{r1.ID, r2.ID, r4.ID}}, // as target and as premise
			{argmap.RelationFilter{NodeID: c3.ID}, []string{r3.ID, r4.ID}},
			{argmap.RelationFilter{NodeID: r1.ID}, []string{r3.ID}}, // undercuts of r1
			{argmap.RelationFilter{Kind: argmap.Contests}, []string{r2.ID, r3.ID}},
			{argmap.RelationFilter{NodeID: c1.ID, Kind: argmap.Supports}, []string{r1.ID, r4.ID}},
			{argmap.RelationFilter{NodeID: argmap.NewID(argmap.KindClaim)}, nil},
		}
		for _, tc := range tests {
			got, err := s.Relations(ctx(t), tc.f)
			list(t, fmt.Sprintf("Relations(%+v)", tc.f), ids(got, relationID), err, tc.want...)
		}
	})
}
