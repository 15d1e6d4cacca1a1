package argmaptest

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// relationIDs lists every stored relation ID, sorted.
func relationIDs(t *testing.T, s argmap.Store) []string {
	t.Helper()
	var all []string
	p := argmap.Page{Limit: argmap.MaxLimit}
	for {
		rs, err := s.Relations(ctx(t), argmap.RelationFilter{Page: p})
		must(t, "Relations", err)
		all = append(all, ids(rs, relationID)...)
		if len(rs) < p.Limit {
			return all
		}
		p.After = rs[len(rs)-1].ID
	}
}

func testCascade(t *testing.T, e *env) {
	// fixture: c2 supports c1 (r1); c3 contests r1 (u1, an undercut); c4
	// contests u1 (u2); e1 and c3 together support c1 (r2, linked premises);
	// c1 supports c4 (r3).
	type fix struct {
		s                  argmap.Store
		c1, c2, c3, c4     argmap.Claim
		e1                 argmap.Evidence
		r1, u1, u2, r2, r3 argmap.Relation
	}
	build := func(t *testing.T) fix {
		f := fix{s: e.store(t)}
		f.c1, f.c2, f.c3, f.c4 = newClaim("One"), newClaim("Two"), newClaim("Three"), newClaim("Four")
		f.e1 = newEvidence("Evidence one")
		f.r1 = rel(argmap.Supports, f.c1.ID, f.c2.ID)
		f.u1 = rel(argmap.Contests, f.r1.ID, f.c3.ID)
		f.u2 = rel(argmap.Contests, f.u1.ID, f.c4.ID)
		f.r2 = rel(argmap.Supports, f.c1.ID, f.e1.ID, f.c3.ID)
		f.r3 = rel(argmap.Supports, f.c4.ID, f.c1.ID)
		write(t, f.s, &argmap.Graph{
			Claims: []argmap.Claim{f.c1, f.c2, f.c3, f.c4}, Evidence: []argmap.Evidence{f.e1},
			Relations: []argmap.Relation{f.r1, f.u1, f.u2, f.r2, f.r3},
		})
		return f
	}
	tests := []struct {
		name   string
		delete func(f fix) error
		left   func(f fix) []string
	}{
		{"DeleteClaim premise of an undercut relation", func(f fix) error { return f.s.DeleteClaim(ctx(t), f.c2.ID) },
			func(f fix) []string { return []string{f.r2.ID, f.r3.ID} }}, // r1 and, in turn, u1 and u2
		{"DeleteClaim target", func(f fix) error { return f.s.DeleteClaim(ctx(t), f.c1.ID) },
			func(f fix) []string { return nil }}, // r1, r2, r3 use c1; u1, u2 target r1, u1
		{"DeleteClaim one of linked premises", func(f fix) error { return f.s.DeleteClaim(ctx(t), f.c3.ID) },
			func(f fix) []string { return []string{f.r1.ID, f.r3.ID} }}, // u1 (and u2), r2
		{"DeleteEvidence one of linked premises", func(f fix) error { return f.s.DeleteEvidence(ctx(t), f.e1.ID) },
			func(f fix) []string { return []string{f.r1.ID, f.u1.ID, f.u2.ID, f.r3.ID} }},
		{"DeleteRelation with undercuts", func(f fix) error { return f.s.DeleteRelation(ctx(t), f.r1.ID) },
			func(f fix) []string { return []string{f.r2.ID, f.r3.ID} }},
		{"DeleteRelation undercut", func(f fix) error { return f.s.DeleteRelation(ctx(t), f.u1.ID) },
			func(f fix) []string { return []string{f.r1.ID, f.r2.ID, f.r3.ID} }},
		{"DeleteClaim premise of an undercut", func(f fix) error { return f.s.DeleteClaim(ctx(t), f.c4.ID) },
			func(f fix) []string { return []string{f.r1.ID, f.u1.ID, f.r2.ID} }}, // u2 and r3
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := build(t)
			must(t, tc.name, tc.delete(f))
			if diff := cmp.Diff(sorted(tc.left(f)...), relationIDs(t, f.s), opts); diff != "" {
				t.Errorf("relations left after %s (-want +got):\n%s", tc.name, diff)
			}
		})
	}
}

func testWriteGraph(t *testing.T, e *env) {
	t.Run("Atomic", func(t *testing.T) {
		s := e.store(t)
		old := newSource("Stored", "An old text.")
		oldClaim := stated(old, "An old text.")
		write(t, s, &argmap.Graph{Sources: []argmap.Source{old}, Claims: []argmap.Claim{oldClaim}})
		before := stats(t, s)
		tests := []struct {
			name string
			bad  func(g *argmap.Graph)
			code string
		}{
			{"relation to an unknown node", func(g *argmap.Graph) {
				g.Relations = append(g.Relations, rel(argmap.Supports, argmap.NewID(argmap.KindClaim), g.Claims[0].ID))
			}, argmap.EINVALID},
			{"duplicate content hash", func(g *argmap.Graph) {
				dup := newSource("Same content", old.Text)
				g.Sources = append(g.Sources, dup)
			}, argmap.ECONFLICT},
			{"stored claim ID", func(g *argmap.Graph) {
				c := newClaim("Again")
				c.ID = oldClaim.ID
				g.Claims = append(g.Claims, c)
			}, argmap.ECONFLICT},
			{"stored document ID", func(g *argmap.Graph) {
				src := newSource("Other document", "Other words.")
				src.ID = old.ID
				g.Sources = append(g.Sources, src)
			}, argmap.ECONFLICT},
			{"invalid record", func(g *argmap.Graph) {
				g.Evidence = append(g.Evidence, argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Origin: argmap.OriginCurated})
			}, argmap.EINVALID},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				src := newSource("New", "A new text. With claims.")
				c1, c2 := stated(src, "A new text."), stated(src, "With claims.")
				a := newActor("Someone new")
				g := &argmap.Graph{
					Sources: []argmap.Source{src}, Claims: []argmap.Claim{c1, c2}, Actors: []argmap.Actor{a},
					Relations: []argmap.Relation{rel(argmap.Supports, c1.ID, c2.ID, oldClaim.ID)},
					Citations: []argmap.Citation{{ID: argmap.NewID(argmap.KindCitation), SourceID: src.ID, Author: "Smith", Year: "2001"}},
				}
				tc.bad(g)
				wantCode(t, "WriteGraph", s.WriteGraph(ctx(t), g), tc.code)
				if after := stats(t, s); after != before {
					t.Errorf("Stats() after failed WriteGraph = %+v, want %+v", after, before)
				}
				_, err := s.Source(ctx(t), src.ID)
				wantCode(t, "Source(first record of the failed graph)", err, argmap.ENOTFOUND)
				_, err = s.Claim(ctx(t), c1.ID)
				wantCode(t, "Claim(record of the failed graph)", err, argmap.ENOTFOUND)
			})
		}
	})
	t.Run("AllProblemsReported", func(t *testing.T) {
		s := e.store(t)
		g := &argmap.Graph{
			Claims:    []argmap.Claim{{ID: argmap.NewID(argmap.KindClaim), Origin: argmap.OriginCurated}},
			Relations: []argmap.Relation{rel(argmap.Supports, argmap.NewID(argmap.KindClaim), argmap.NewID(argmap.KindClaim))},
		}
		err := s.WriteGraph(ctx(t), g)
		wantCode(t, "WriteGraph", err, argmap.EINVALID)
		if p := problems(err); len(p) < 3 {
			t.Errorf("WriteGraph problems = %q, want at least 3 (empty text, unknown from, unknown to)", p)
		}
	})
	t.Run("ProblemsBounded", func(t *testing.T) {
		// A hostile graph gets a short answer: at most argmap.MaxProblems
		// problems, whatever the number of unknown references.
		s := e.store(t)
		claims := make([]argmap.Claim, 2000)
		for i := range claims {
			claims[i] = newClaim("An unknown actor acts.")
			claims[i].Actors = []argmap.ActorRef{{ActorID: argmap.NewID(argmap.KindActor), Role: argmap.RoleNamed}}
		}
		huge := newClaim("Too many actors act.")
		for range argmap.MaxActorRefs + 1 {
			huge.Actors = append(huge.Actors, argmap.ActorRef{ActorID: argmap.NewID(argmap.KindActor), Role: argmap.RoleNamed})
		}
		for _, g := range []*argmap.Graph{{Claims: claims}, {Claims: []argmap.Claim{huge}}} {
			err := s.WriteGraph(ctx(t), g)
			wantCode(t, "WriteGraph", err, argmap.EINVALID)
			if p := problems(err); len(p) == 0 || len(p) > argmap.MaxProblems {
				t.Errorf("WriteGraph listed %d problems, want 1 to %d", len(p), argmap.MaxProblems)
			}
			if msg := argmap.ErrorMessage(err); len(msg) > 8<<10 {
				t.Errorf("WriteGraph message is %d bytes, want at most 8 KiB", len(msg))
			}
		}
		wantCode(t, "CreateClaim", s.CreateClaim(ctx(t), &huge), argmap.EINVALID)
	})
	t.Run("ActorsUpserted", func(t *testing.T) {
		s := e.store(t)
		a := newActor("IOM", "the organization")
		write(t, s, &argmap.Graph{Actors: []argmap.Actor{a}})
		again := a
		again.Aliases = []string{"UN Migration", "the organization"}
		again.CreatedAt = argmap.Now()
		c := newClaim("The IOM acts.")
		c.Actors = []argmap.ActorRef{{ActorID: a.ID, Role: argmap.RoleAsserts}}
		write(t, s, &argmap.Graph{Actors: []argmap.Actor{again}, Claims: []argmap.Claim{c}})
		got, err := s.Actor(ctx(t), a.ID)
		must(t, "Actor", err)
		want := a
		want.Aliases = []string{"UN Migration", "the organization"}
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Actor() after upsert (-want +got):\n%s", diff)
		}
		if n := stats(t, s).Actors; n != 1 {
			t.Errorf("Stats().Actors = %d, want 1", n)
		}
	})
	t.Run("CitedSourceKept", func(t *testing.T) {
		s := e.store(t)
		cited := citedSource("Andersson 2014")
		write(t, s, &argmap.Graph{Sources: []argmap.Source{cited}})
		doc := newSource("Citing paper", "As Andersson (2014) shows.")
		again := cited
		again.Title = "Andersson, R. (2014) Illegality, Inc."
		cit := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: doc.ID, Author: "Andersson", Year: "2014",
			Text: "Andersson (2014)", Start: 3, End: 19, CitedID: cited.ID}
		write(t, s, &argmap.Graph{Sources: []argmap.Source{doc, again}, Citations: []argmap.Citation{cit}})
		got, err := s.Source(ctx(t), cited.ID)
		must(t, "Source", err)
		if diff := cmp.Diff(cited, *got, opts); diff != "" {
			t.Errorf("Source(cited) after second write (-want +got):\n%s", diff)
		}
		d, err := s.Dump(ctx(t))
		must(t, "Dump", err)
		if diff := cmp.Diff([]argmap.Citation{cit}, d.Citations, opts); diff != "" {
			t.Errorf("Dump().Citations (-want +got):\n%s", diff)
		}
	})
	t.Run("ReferencesToStored", func(t *testing.T) {
		s := e.store(t)
		src := newSource("First", "First words.")
		c1 := stated(src, "First words.")
		a := newActor("Amnesty")
		write(t, s, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c1}, Actors: []argmap.Actor{a}})
		r := rel(argmap.Supports, c1.ID, c1.ID)
		c2 := newClaim("Second", span(src, "words"))
		c2.Actors = []argmap.ActorRef{{ActorID: a.ID, Role: argmap.RoleNamed}}
		r.From = []string{c2.ID}
		u := rel(argmap.Contests, r.ID, c1.ID)
		write(t, s, &argmap.Graph{Claims: []argmap.Claim{c2}, Relations: []argmap.Relation{r, u}})
		got, err := s.Claim(ctx(t), c2.ID)
		must(t, "Claim", err)
		if diff := cmp.Diff(normClaim(c2), *got, opts); diff != "" {
			t.Errorf("Claim() (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(sorted(r.ID, u.ID), relationIDs(t, s)); diff != "" {
			t.Errorf("relations (-want +got):\n%s", diff)
		}
	})
}

func testDeleteSource(t *testing.T, e *env) {
	s := e.store(t)
	a := newSource("Doomed", "Only here. Said twice. Curated here. Evidence here. Linked.")
	b := newSource("Kept", "Said twice, again. Citing Doomed (2020).")
	only := stated(a, "Only here.")
	// actors: gone with the only claim naming it; kept by another claim;
	// kept because the deleted claims never named it
	gone, shared, idle := newActor("Gone Org"), newActor("Shared Org"), newActor("Idle Org")
	only.Actors = []argmap.ActorRef{{ActorID: gone.ID, Role: argmap.RoleAsserts}, {ActorID: shared.ID, Role: argmap.RoleNamed}}
	twice := stated(a, "Said twice.")
	twice.Actors = []argmap.ActorRef{{ActorID: shared.ID, Role: argmap.RoleNamed}}
	twice.Spans = append(twice.Spans, span(b, "Said twice"))
	curated := stated(a, "Curated here.")
	curated.Origin = argmap.OriginCurated
	ev := newEvidence("Evidence here.", span(a, "Evidence here."))
	r1 := rel(argmap.Supports, twice.ID, ev.ID)      // premise removed
	r2 := rel(argmap.Supports, curated.ID, only.ID)  // premise removed
	u := rel(argmap.Contests, r2.ID, twice.ID)       // its target removed
	r3 := rel(argmap.Supports, twice.ID, curated.ID) // survives, loses its span
	r3Span := span(a, "Linked.")
	r3.Span = &r3Span
	citA := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: a.ID, Author: "X", Year: "1999"}
	citB := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: b.ID, Author: "Doomed", Year: "2020",
		Text: "Doomed (2020)", Start: 26, End: 39, CitedID: a.ID}
	write(t, s, &argmap.Graph{
		Sources: []argmap.Source{a, b}, Claims: []argmap.Claim{only, twice, curated}, Evidence: []argmap.Evidence{ev},
		Actors:    []argmap.Actor{gone, shared, idle},
		Relations: []argmap.Relation{r1, r2, u, r3}, Citations: []argmap.Citation{citA, citB},
	})
	must(t, "DeleteSource", s.DeleteSource(ctx(t), a.ID))

	_, err := s.Source(ctx(t), a.ID)
	wantCode(t, "Source(deleted)", err, argmap.ENOTFOUND)
	_, err = s.SourceByHash(ctx(t), a.ContentHash)
	wantCode(t, "SourceByHash(deleted)", err, argmap.ENOTFOUND)
	for _, id := range []string{only.ID} {
		_, err := s.Claim(ctx(t), id)
		wantCode(t, "Claim(extracted, only in the deleted source)", err, argmap.ENOTFOUND)
	}
	_, err = s.Evidence(ctx(t), ev.ID)
	wantCode(t, "Evidence(extracted, only in the deleted source)", err, argmap.ENOTFOUND)
	_, err = s.Actor(ctx(t), gone.ID)
	wantCode(t, "Actor(named only by a deleted claim)", err, argmap.ENOTFOUND)
	for _, a := range []argmap.Actor{shared, idle} {
		if _, err := s.Actor(ctx(t), a.ID); err != nil {
			t.Errorf("Actor(%s) after DeleteSource: %v, want it kept", a.Name, err)
		}
	}

	got, err := s.Claim(ctx(t), twice.ID)
	must(t, "Claim(stated twice)", err)
	if diff := cmp.Diff([]argmap.Span{span(b, "Said twice")}, got.Spans, opts); diff != "" {
		t.Errorf("Claim(stated twice).Spans (-want +got):\n%s", diff)
	}
	got, err = s.Claim(ctx(t), curated.ID)
	must(t, "Claim(curated)", err)
	if len(got.Spans) != 0 {
		t.Errorf("Claim(curated).Spans = %v, want none", got.Spans)
	}
	if diff := cmp.Diff([]string{r3.ID}, relationIDs(t, s)); diff != "" {
		t.Errorf("relations left (-want +got):\n%s", diff)
	}
	gr, err := s.Relation(ctx(t), r3.ID)
	must(t, "Relation", err)
	if gr.Span != nil {
		t.Errorf("Relation(stated in the deleted source).Span = %+v, want nil", gr.Span)
	}
	d, err := s.Dump(ctx(t))
	must(t, "Dump", err)
	wantCit := citB
	wantCit.CitedID = ""
	if diff := cmp.Diff([]argmap.Citation{wantCit}, d.Citations, opts); diff != "" {
		t.Errorf("citations left (-want +got):\n%s", diff)
	}
	want := argmap.Counts{Sources: 1, Claims: 2, Evidence: 0, Actors: 2, Relations: 1, Citations: 1}
	if got := stats(t, s); got != want {
		t.Errorf("Stats() = %+v, want %+v", got, want)
	}
}

// testEvidenceActors checks that evidence keeps the actors it names, as a
// claim does (read one by one, listed, dumped, merged), and that deleting its
// only source removes an actor only that evidence named while one still named
// by another source's claim stays.
func testEvidenceActors(t *testing.T, e *env) {
	s := e.store(t)
	a := newSource("Report", "Nauru holds 300 people. Shared Org counts them.")
	b := newSource("Other", "Shared Org runs the centre.")
	only, shared, dup := newActor("Nauru"), newActor("Shared Org"), newActor("Shared Organisation")
	ev := newEvidence("Nauru holds 300 people.", span(a, "Nauru holds 300 people."))
	ev.Actors = []argmap.ActorRef{{ActorID: only.ID, Role: argmap.RoleNamed}}
	ev2 := newEvidence("Shared Org counts them.", span(a, "Shared Org counts them."))
	ev2.Actors = []argmap.ActorRef{{ActorID: dup.ID, Role: argmap.RoleAsserts}}
	c := stated(b, "Shared Org runs the centre.")
	c.Actors = []argmap.ActorRef{{ActorID: shared.ID, Role: argmap.RoleNamed}}
	write(t, s, &argmap.Graph{
		Sources: []argmap.Source{a, b}, Actors: []argmap.Actor{only, shared, dup},
		Claims: []argmap.Claim{c}, Evidence: []argmap.Evidence{ev, ev2},
	})

	got, err := s.Evidence(ctx(t), ev.ID)
	must(t, "Evidence", err)
	if diff := cmp.Diff(ev.Actors, got.Actors, opts); diff != "" {
		t.Errorf("Evidence().Actors (-want +got):\n%s", diff)
	}
	list, err := s.EvidenceList(ctx(t), argmap.EvidenceFilter{})
	must(t, "EvidenceList", err)
	byID := map[string][]argmap.ActorRef{}
	for _, x := range list {
		byID[x.ID] = x.Actors
	}
	if diff := cmp.Diff(map[string][]argmap.ActorRef{ev.ID: ev.Actors, ev2.ID: ev2.Actors}, byID, opts); diff != "" {
		t.Errorf("EvidenceList() actors (-want +got):\n%s", diff)
	}
	// the neighbourhood of the evidence's claim brings the actors it names
	nb, err := s.Neighbourhood(ctx(t), ev.ID, 1, 0)
	must(t, "Neighbourhood", err)
	if !slices.ContainsFunc(nb.Actors, func(x argmap.Actor) bool { return x.ID == only.ID }) {
		t.Errorf("Neighbourhood(evidence).Actors = %v, want %s among them", nb.Actors, only.Name)
	}
	// evidence written later, on its own, naming a stored actor
	late := newEvidence("Shared Org counts", span(a, "Shared Org counts"))
	late.Actors = []argmap.ActorRef{{ActorID: shared.ID, Role: argmap.RoleNamed}}
	must(t, "CreateEvidence(naming a stored actor)", s.CreateEvidence(ctx(t), &late))
	got, err = s.Evidence(ctx(t), late.ID)
	must(t, "Evidence(created later)", err)
	if diff := cmp.Diff(late.Actors, got.Actors, opts); diff != "" {
		t.Errorf("Evidence(created later).Actors (-want +got):\n%s", diff)
	}
	// evidence referring to an unknown actor is refused
	bad := newEvidence("Unknown.", span(a, "Nauru holds"))
	bad.Actors = []argmap.ActorRef{{ActorID: argmap.NewID(argmap.KindActor), Role: argmap.RoleNamed}}
	wantCode(t, "WriteGraph(evidence naming an unknown actor)", s.WriteGraph(ctx(t), &argmap.Graph{Evidence: []argmap.Evidence{bad}}), argmap.EINVALID)

	// merging moves the evidence's link to the actor kept
	_, err = s.MergeActor(ctx(t), dup.ID, shared.ID)
	must(t, "MergeActor", err)
	got, err = s.Evidence(ctx(t), ev2.ID)
	must(t, "Evidence after MergeActor", err)
	if diff := cmp.Diff([]argmap.ActorRef{{ActorID: shared.ID, Role: argmap.RoleAsserts}}, got.Actors, opts); diff != "" {
		t.Errorf("Evidence().Actors after MergeActor (-want +got):\n%s", diff)
	}
	d, err := s.Dump(ctx(t))
	must(t, "Dump", err)
	for _, x := range d.Evidence {
		if x.ID == ev.ID {
			if diff := cmp.Diff(ev.Actors, x.Actors, opts); diff != "" {
				t.Errorf("Dump() evidence actors (-want +got):\n%s", diff)
			}
		}
	}

	must(t, "DeleteSource", s.DeleteSource(ctx(t), a.ID))
	_, err = s.Actor(ctx(t), only.ID)
	wantCode(t, "Actor(named only by the deleted source's evidence)", err, argmap.ENOTFOUND)
	if _, err := s.Actor(ctx(t), shared.ID); err != nil {
		t.Errorf("Actor(named by the deleted source's evidence and another source's claim): %v, want it kept", err)
	}
	want := argmap.Counts{Sources: 1, Claims: 1, Evidence: 0, Actors: 1}
	if got := stats(t, s); got != want {
		t.Errorf("Stats() after DeleteSource = %+v, want %+v", got, want)
	}
}
