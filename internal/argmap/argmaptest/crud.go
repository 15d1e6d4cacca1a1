package argmaptest

import (
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

func testSource(t *testing.T, e *env) {
	t.Run("CreateRead", func(t *testing.T) {
		s := e.store(t)
		src := newSource("Migration control in West Africa", "The IOM runs border posts. It funds checkpoints.")
		src.Authors = []string{"Zeta, Z.", "Alpha, A."}
		src.Date = "2010-11"
		src.URI = "corpus/000_0f80.txt"
		src.Venue = "Journal of Borders"
		src.DOI = "10.1000/xyz"
		must(t, "CreateSource", s.CreateSource(ctx(t), &src))
		got, err := s.Source(ctx(t), src.ID)
		must(t, "Source", err)
		if diff := cmp.Diff(src, *got, opts); diff != "" {
			t.Errorf("Source(%s) mismatch (-want +got):\n%s", src.ID, diff)
		}
		got, err = s.SourceByHash(ctx(t), src.ContentHash)
		must(t, "SourceByHash", err)
		if diff := cmp.Diff(src, *got, opts); diff != "" {
			t.Errorf("SourceByHash mismatch (-want +got):\n%s", diff)
		}
		list, err := s.Sources(ctx(t), argmap.SourceFilter{})
		must(t, "Sources", err)
		noText := src
		noText.Text = ""
		if diff := cmp.Diff([]argmap.Source{noText}, list, opts); diff != "" {
			t.Errorf("Sources() mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("NodeTexts", func(t *testing.T) {
		s := e.store(t)
		plain := newClaim("The IOM runs border posts.")
		gisted := newClaim("The IOM, according to the report, funds checkpoints in several states.")
		gisted.Gist = "The IOM funds checkpoints."
		ev := newEvidence("In 2015, 12 checkpoints were funded.")
		must(t, "CreateClaim", s.CreateClaim(ctx(t), &plain))
		must(t, "CreateClaim", s.CreateClaim(ctx(t), &gisted))
		must(t, "CreateEvidence", s.CreateEvidence(ctx(t), &ev))
		unknown := argmap.NewID(argmap.KindClaim)
		tests := []struct {
			name string
			ids  []string
			want map[string]string
		}{
			{"claims with and without gist, evidence, repeated, unknown",
				[]string{plain.ID, gisted.ID, ev.ID, plain.ID, unknown, "' OR 1=1 --"},
				map[string]string{plain.ID: plain.Text, gisted.ID: gisted.Gist, ev.ID: ev.Text}},
			{"unknown only", []string{unknown}, map[string]string{}},
			{"none", nil, map[string]string{}},
		}
		for _, tc := range tests {
			got, err := s.NodeTexts(ctx(t), tc.ids)
			must(t, "NodeTexts", err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("NodeTexts(%s) mismatch (-want +got):\n%s", tc.name, diff)
			}
		}
	})
	t.Run("SourcesByID", func(t *testing.T) {
		s := e.store(t)
		a := newSource("First report", "The IOM runs border posts.")
		b := newSource("Second report", "The IOM funds checkpoints.")
		b.Authors = []string{"Alpha, A."}
		c := newSource("Third report", "Not asked for.")
		for _, src := range []*argmap.Source{&a, &b, &c} {
			must(t, "CreateSource", s.CreateSource(ctx(t), src))
		}
		a.Text, b.Text = "", ""
		want := []argmap.Source{a, b}
		sort.Slice(want, func(i, j int) bool { return want[i].ID < want[j].ID })
		unknown := argmap.NewID(argmap.KindSource)
		tests := []struct {
			name string
			ids  []string
			want []argmap.Source
		}{
			{"two of three, repeated, with an unknown ID", []string{b.ID, unknown, a.ID, b.ID}, want},
			{"unknown only", []string{unknown, "not an id", "' OR 1=1 --"}, []argmap.Source{}},
			{"none", nil, []argmap.Source{}},
		}
		for _, tc := range tests {
			got, err := s.SourcesByID(ctx(t), tc.ids)
			must(t, "SourcesByID", err)
			if diff := cmp.Diff(tc.want, got, opts); diff != "" {
				t.Errorf("SourcesByID(%s) mismatch (-want +got):\n%s", tc.name, diff)
			}
		}
	})
	t.Run("CreatedAtDefaulted", func(t *testing.T) {
		s := e.store(t)
		src := citedSource("Andersson 2014")
		src.CreatedAt = time.Time{}
		before := argmap.Now()
		must(t, "CreateSource", s.CreateSource(ctx(t), &src))
		got, err := s.Source(ctx(t), src.ID)
		must(t, "Source", err)
		if got.CreatedAt.Before(before) || got.CreatedAt.After(argmap.Now()) {
			t.Errorf("Source().CreatedAt = %v, want the time of the write (after %v)", got.CreatedAt, before)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		s := e.store(t)
		src := newSource("A report", "Some text.")
		must(t, "CreateSource", s.CreateSource(ctx(t), &src))
		sameID := newSource("Another", "Other text.")
		sameID.ID = src.ID
		sameHash := newSource("A copy", "Some text.")
		unknown := argmap.NewID(argmap.KindSource)
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"Source unknown", func() error { _, err := s.Source(ctx(t), unknown); return err }, argmap.ENOTFOUND},
			{"SourceByHash unknown", func() error { _, err := s.SourceByHash(ctx(t), argmap.ContentHash([]byte("x"))); return err }, argmap.ENOTFOUND},
			{"DeleteSource unknown", func() error { return s.DeleteSource(ctx(t), unknown) }, argmap.ENOTFOUND},
			{"CreateSource same ID", func() error { return s.CreateSource(ctx(t), &sameID) }, argmap.ECONFLICT},
			{"CreateSource same hash", func() error { return s.CreateSource(ctx(t), &sameHash) }, argmap.ECONFLICT},
			{"CreateSource invalid", func() error {
				return s.CreateSource(ctx(t), &argmap.Source{ID: "bad", Title: " "})
			}, argmap.EINVALID},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.name, tc.call(), tc.code) })
		}
		err := s.CreateSource(ctx(t), &argmap.Source{ID: "bad", Title: " "})
		if p := problems(err); len(p) < 2 {
			t.Errorf("CreateSource(bad ID, empty title) problems = %q, want both reported", p)
		}
		if c := stats(t, s); c.Sources != 1 {
			t.Errorf("Stats().Sources = %d after failed creates, want 1", c.Sources)
		}
	})
}

func testClaim(t *testing.T, e *env) {
	t.Run("CreateReadUpdateDelete", func(t *testing.T) {
		s := e.store(t)
		a := newSource("A", "The IOM enforces exclusions. Border posts multiply.")
		b := newSource("B", "Critics say the IOM enforces exclusions.")
		act1, act2 := newActor("IOM"), newActor("Amnesty International")
		write(t, s, &argmap.Graph{Sources: []argmap.Source{a, b}, Actors: []argmap.Actor{act1, act2}})
		c := newClaim("The IOM enforces exclusions.", span(b, "the IOM enforces exclusions"), span(a, "The IOM enforces exclusions."))
		c.Gist = "IOM enforces exclusions"
		c.Referent = &argmap.Referent{Words: "The IOM", Text: "The organisation «IOM»", Span: span(a, "Border posts multiply.")}
		c.Main = true
		c.Cues = []string{"we find", "argue"}
		c.Actors = []argmap.ActorRef{{ActorID: act2.ID, Role: argmap.RoleDisputes}, {ActorID: act1.ID, Role: argmap.RoleNamed}, {ActorID: act1.ID, Role: argmap.RoleAsserts}}
		// A wrong quote is replaced by the source's text.
		c.Spans[0].Quote = "wrong"
		must(t, "CreateClaim", s.CreateClaim(ctx(t), &c))
		want := normClaim(c)
		want.Spans = normSpans([]argmap.Span{span(b, "the IOM enforces exclusions"), span(a, "The IOM enforces exclusions.")})
		got, err := s.Claim(ctx(t), c.ID)
		must(t, "Claim", err)
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Claim() mismatch (-want +got):\n%s", diff)
		}

		text, gist, score, main := "The IOM enforces the exclusion of migrants.", "", 0.9, false
		got, err = s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Text: &text, Gist: &gist, Score: &score, Main: &main})
		must(t, "UpdateClaim", err)
		want.Text, want.Gist, want.Score, want.Main = text, gist, score, main
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("UpdateClaim() mismatch (-want +got):\n%s", diff)
		}
		got, err = s.Claim(ctx(t), c.ID)
		must(t, "Claim", err)
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Claim() after update mismatch (-want +got):\n%s", diff)
		}
		got, err = s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{})
		must(t, "UpdateClaim(no change)", err)
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("UpdateClaim(no change) mismatch (-want +got):\n%s", diff)
		}

		must(t, "DeleteClaim", s.DeleteClaim(ctx(t), c.ID))
		_, err = s.Claim(ctx(t), c.ID)
		wantCode(t, "Claim after delete", err, argmap.ENOTFOUND)
		if n := stats(t, s); n.Claims != 0 || n.Sources != 2 || n.Actors != 2 {
			t.Errorf("Stats() after DeleteClaim = %+v, want 0 claims, 2 sources, 2 actors", n)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		s := e.store(t)
		src := newSource("A", "Short text here.")
		must(t, "CreateSource", s.CreateSource(ctx(t), &src))
		c := stated(src, "Short text")
		must(t, "CreateClaim", s.CreateClaim(ctx(t), &c))
		dup := newClaim("Another")
		dup.ID = c.ID
		unknownSource := newClaim("X", argmap.Span{SourceID: argmap.NewID(argmap.KindSource), Start: 0, End: 1})
		unknownActor := newClaim("X")
		unknownActor.Actors = []argmap.ActorRef{{ActorID: argmap.NewID(argmap.KindActor), Role: argmap.RoleAsserts}}
		outside := newClaim("X", argmap.Span{SourceID: src.ID, Start: 3, End: len(src.Text) + 5})
		bad := argmap.Claim{ID: "clm_x", Text: "", Origin: "guessed", Score: 2}
		empty, tooHigh := "  ", 1.5
		unknown := argmap.NewID(argmap.KindClaim)
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"Claim unknown", func() error { _, err := s.Claim(ctx(t), unknown); return err }, argmap.ENOTFOUND},
			{"UpdateClaim unknown", func() error { _, err := s.UpdateClaim(ctx(t), unknown, argmap.ClaimUpdate{}); return err }, argmap.ENOTFOUND},
			{"DeleteClaim unknown", func() error { return s.DeleteClaim(ctx(t), unknown) }, argmap.ENOTFOUND},
			{"CreateClaim same ID", func() error { return s.CreateClaim(ctx(t), &dup) }, argmap.ECONFLICT},
			{"CreateClaim unknown source", func() error { return s.CreateClaim(ctx(t), &unknownSource) }, argmap.EINVALID},
			{"CreateClaim unknown actor", func() error { return s.CreateClaim(ctx(t), &unknownActor) }, argmap.EINVALID},
			{"CreateClaim span outside text", func() error { return s.CreateClaim(ctx(t), &outside) }, argmap.EINVALID},
			{"CreateClaim invalid", func() error { return s.CreateClaim(ctx(t), &bad) }, argmap.EINVALID},
			{"UpdateClaim empty text", func() error { _, err := s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Text: &empty}); return err }, argmap.EINVALID},
			{"UpdateClaim bad score", func() error { _, err := s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Score: &tooHigh}); return err }, argmap.EINVALID},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.name, tc.call(), tc.code) })
		}
		if p := problems(s.CreateClaim(ctx(t), &bad)); len(p) < 3 {
			t.Errorf("CreateClaim(3 problems) reported %q, want every problem", p)
		}
		got, err := s.Claim(ctx(t), c.ID)
		must(t, "Claim", err)
		if diff := cmp.Diff(normClaim(c), *got, opts); diff != "" {
			t.Errorf("Claim() after failed updates mismatch (-want +got):\n%s", diff)
		}
		if n := stats(t, s).Claims; n != 1 {
			t.Errorf("Stats().Claims = %d after failed creates, want 1", n)
		}
	})
}

func testEvidence(t *testing.T, e *env) {
	t.Run("CreateReadUpdateDelete", func(t *testing.T) {
		s := e.store(t)
		src := newSource("A", "In 2009, 3,000 migrants were intercepted at sea.")
		must(t, "CreateSource", s.CreateSource(ctx(t), &src))
		ev := newEvidence("3,000 migrants were intercepted", span(src, "3,000 migrants were intercepted"), span(src, "In 2009"))
		ev.Spans[1].Quote = ""
		ev.Referent = &argmap.Referent{Words: "3,000 migrants", Text: "3,000 migrants in 2009", Span: span(src, "In 2009")}
		must(t, "CreateEvidence", s.CreateEvidence(ctx(t), &ev))
		want := normEvidence(ev)
		want.Spans = normSpans([]argmap.Span{span(src, "3,000 migrants were intercepted"), span(src, "In 2009")})
		got, err := s.Evidence(ctx(t), ev.ID)
		must(t, "Evidence", err)
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Evidence() mismatch (-want +got):\n%s", diff)
		}
		text, kind, score := "About 3,000 migrants were intercepted.", argmap.EvidenceEvent, 0.2
		got, err = s.UpdateEvidence(ctx(t), ev.ID, argmap.EvidenceUpdate{Text: &text, Kind: &kind, Score: &score})
		must(t, "UpdateEvidence", err)
		want.Text, want.Kind, want.Score = text, kind, score
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("UpdateEvidence() mismatch (-want +got):\n%s", diff)
		}
		got, err = s.Evidence(ctx(t), ev.ID)
		must(t, "Evidence", err)
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Evidence() after update mismatch (-want +got):\n%s", diff)
		}
		must(t, "DeleteEvidence", s.DeleteEvidence(ctx(t), ev.ID))
		_, err = s.Evidence(ctx(t), ev.ID)
		wantCode(t, "Evidence after delete", err, argmap.ENOTFOUND)
	})
	t.Run("Errors", func(t *testing.T) {
		s := e.store(t)
		ev := newEvidence("A figure")
		must(t, "CreateEvidence", s.CreateEvidence(ctx(t), &ev))
		dup := newEvidence("Other")
		dup.ID = ev.ID
		unknownSource := newEvidence("X", argmap.Span{SourceID: argmap.NewID(argmap.KindSource), End: 1})
		empty := ""
		unknown := argmap.NewID(argmap.KindEvidence)
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"Evidence unknown", func() error { _, err := s.Evidence(ctx(t), unknown); return err }, argmap.ENOTFOUND},
			{"UpdateEvidence unknown", func() error { _, err := s.UpdateEvidence(ctx(t), unknown, argmap.EvidenceUpdate{}); return err }, argmap.ENOTFOUND},
			{"DeleteEvidence unknown", func() error { return s.DeleteEvidence(ctx(t), unknown) }, argmap.ENOTFOUND},
			{"CreateEvidence same ID", func() error { return s.CreateEvidence(ctx(t), &dup) }, argmap.ECONFLICT},
			{"CreateEvidence unknown source", func() error { return s.CreateEvidence(ctx(t), &unknownSource) }, argmap.EINVALID},
			{"CreateEvidence invalid", func() error {
				return s.CreateEvidence(ctx(t), &argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Origin: "x"})
			}, argmap.EINVALID},
			{"CreateEvidence referent without text", func() error {
				bad := newEvidence("It rose")
				bad.Referent = &argmap.Referent{Words: "It", Span: argmap.Span{SourceID: argmap.NewID(argmap.KindSource)}}
				return s.CreateEvidence(ctx(t), &bad)
			}, argmap.EINVALID},
			{"UpdateEvidence empty text", func() error {
				_, err := s.UpdateEvidence(ctx(t), ev.ID, argmap.EvidenceUpdate{Text: &empty})
				return err
			}, argmap.EINVALID},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.name, tc.call(), tc.code) })
		}
	})
}

func testActor(t *testing.T, e *env) {
	t.Run("CreateReadUpdateDelete", func(t *testing.T) {
		s := e.store(t)
		a := newActor("International Organization for Migration", "the organization", "IOM")
		must(t, "CreateActor", s.CreateActor(ctx(t), &a))
		got, err := s.Actor(ctx(t), a.ID)
		must(t, "Actor", err)
		if diff := cmp.Diff(normActor(a), *got, opts); diff != "" {
			t.Errorf("Actor() mismatch (-want +got):\n%s", diff)
		}
		name, kind, aliases := "IOM", argmap.ActorGroup, []string{"UN Migration", "IOM", "International Organization for Migration"}
		got, err = s.UpdateActor(ctx(t), a.ID, argmap.ActorUpdate{Name: &name, Kind: &kind, Aliases: &aliases})
		must(t, "UpdateActor", err)
		want := a
		want.Name, want.Kind = name, kind
		want.Aliases = []string{"International Organization for Migration", "UN Migration"} // the name is not an alias
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("UpdateActor() mismatch (-want +got):\n%s", diff)
		}
		got, err = s.Actor(ctx(t), a.ID)
		must(t, "Actor", err)
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Actor() after update mismatch (-want +got):\n%s", diff)
		}

		c := newClaim("The IOM funds checkpoints.")
		c.Actors = []argmap.ActorRef{{ActorID: a.ID, Role: argmap.RoleAsserts}}
		must(t, "CreateClaim", s.CreateClaim(ctx(t), &c))
		must(t, "DeleteActor", s.DeleteActor(ctx(t), a.ID))
		_, err = s.Actor(ctx(t), a.ID)
		wantCode(t, "Actor after delete", err, argmap.ENOTFOUND)
		gotc, err := s.Claim(ctx(t), c.ID)
		must(t, "Claim", err)
		if len(gotc.Actors) != 0 {
			t.Errorf("Claim().Actors after DeleteActor = %v, want none", gotc.Actors)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		s := e.store(t)
		a := newActor("IOM")
		must(t, "CreateActor", s.CreateActor(ctx(t), &a))
		dup := newActor("Other")
		dup.ID = a.ID
		empty := ""
		unknown := argmap.NewID(argmap.KindActor)
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"Actor unknown", func() error { _, err := s.Actor(ctx(t), unknown); return err }, argmap.ENOTFOUND},
			{"UpdateActor unknown", func() error { _, err := s.UpdateActor(ctx(t), unknown, argmap.ActorUpdate{}); return err }, argmap.ENOTFOUND},
			{"DeleteActor unknown", func() error { return s.DeleteActor(ctx(t), unknown) }, argmap.ENOTFOUND},
			{"CreateActor same ID", func() error { return s.CreateActor(ctx(t), &dup) }, argmap.ECONFLICT},
			{"CreateActor invalid", func() error { return s.CreateActor(ctx(t), &argmap.Actor{ID: "act", Name: ""}) }, argmap.EINVALID},
			{"UpdateActor empty name", func() error { _, err := s.UpdateActor(ctx(t), a.ID, argmap.ActorUpdate{Name: &empty}); return err }, argmap.EINVALID},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.name, tc.call(), tc.code) })
		}
	})
}

func testRelation(t *testing.T, e *env) {
	s := e.store(t)
	src := newSource("A", "Controls reduce crossings. Crossings fell. Patrols grew. Smugglers adapted.")
	c1, c2, c3 := stated(src, "Controls reduce crossings."), stated(src, "Patrols grew."), stated(src, "Smugglers adapted.")
	ev := newEvidence("Crossings fell.", span(src, "Crossings fell."))
	write(t, s, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c1, c2, c3}, Evidence: []argmap.Evidence{ev}})

	t.Run("LinkedPremises", func(t *testing.T) {
		r := rel(argmap.Supports, c1.ID, ev.ID, c2.ID) // order kept as given
		sp := span(src, "Crossings fell. Patrols grew.")
		sp.Quote = ""
		r.Span = &sp
		must(t, "CreateRelation", s.CreateRelation(ctx(t), &r))
		got, err := s.Relation(ctx(t), r.ID)
		must(t, "Relation", err)
		want := r
		full := span(src, "Crossings fell. Patrols grew.")
		want.Span = &full
		if diff := cmp.Diff(want, *got, opts); diff != "" {
			t.Errorf("Relation() mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("Undercut", func(t *testing.T) {
		r := rel(argmap.Supports, c1.ID, c2.ID)
		must(t, "CreateRelation", s.CreateRelation(ctx(t), &r))
		u := rel(argmap.Contests, r.ID, c3.ID)
		must(t, "CreateRelation(undercut)", s.CreateRelation(ctx(t), &u))
		got, err := s.Relation(ctx(t), u.ID)
		must(t, "Relation", err)
		if diff := cmp.Diff(u, *got, opts); diff != "" {
			t.Errorf("Relation(undercut) mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		r := rel(argmap.Supports, c1.ID, c3.ID)
		must(t, "CreateRelation", s.CreateRelation(ctx(t), &r))
		dup := rel(argmap.Contests, c2.ID, c3.ID)
		dup.ID = r.ID
		unknown := argmap.NewID(argmap.KindRelation)
		before := stats(t, s).Relations
		tests := []struct {
			name string
			rel  argmap.Relation
			code string
		}{
			{"same ID", dup, argmap.ECONFLICT},
			{"unknown from", rel(argmap.Supports, c1.ID, argmap.NewID(argmap.KindClaim)), argmap.EINVALID},
			{"one unknown premise", rel(argmap.Supports, c1.ID, c2.ID, argmap.NewID(argmap.KindEvidence)), argmap.EINVALID},
			{"unknown to claim", rel(argmap.Supports, argmap.NewID(argmap.KindClaim), c2.ID), argmap.EINVALID},
			{"unknown to relation", rel(argmap.Contests, unknown, c2.ID), argmap.EINVALID},
			{"to evidence", rel(argmap.Supports, ev.ID, c2.ID), argmap.EINVALID},
			{"self", rel(argmap.Supports, c1.ID, c1.ID), argmap.EINVALID},
			{"no premises", rel(argmap.Contests, c1.ID), argmap.EINVALID},
			{"bad kind", rel("implies", c1.ID, c2.ID), argmap.EINVALID},
			{"unknown span source", func() argmap.Relation {
				r := rel(argmap.Supports, c1.ID, c2.ID)
				r.Span = &argmap.Span{SourceID: argmap.NewID(argmap.KindSource), End: 2}
				return r
			}(), argmap.EINVALID},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				r := tc.rel
				wantCode(t, "CreateRelation("+tc.name+")", s.CreateRelation(ctx(t), &r), tc.code)
				if tc.code == argmap.EINVALID {
					wantCode(t, "WriteGraph("+tc.name+")", s.WriteGraph(ctx(t), &argmap.Graph{Relations: []argmap.Relation{r}}), tc.code)
				}
			})
		}
		if after := stats(t, s).Relations; after != before {
			t.Errorf("Stats().Relations = %d after failed creates, want %d", after, before)
		}
		_, err := s.Relation(ctx(t), unknown)
		wantCode(t, "Relation(unknown)", err, argmap.ENOTFOUND)
		wantCode(t, "DeleteRelation(unknown)", s.DeleteRelation(ctx(t), unknown), argmap.ENOTFOUND)
	})
}
