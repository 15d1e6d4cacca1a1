package argmaptest

import (
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// nodeIDs returns the sorted claim and evidence IDs of g.
func nodeIDs(g *argmap.Graph) []string {
	out := append(ids(g.Claims, claimID), ids(g.Evidence, evidenceID)...)
	sort.Strings(out)
	return out
}

func testNeighbourhood(t *testing.T, e *env) {
	s := e.store(t)
	f := buildArgument(t, s)
	extra := citedSource("Cited by A")
	cit := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: f.a.ID, Author: "Smith", Year: "2001", CitedID: extra.ID}
	write(t, s, &argmap.Graph{Sources: []argmap.Source{extra}, Citations: []argmap.Citation{cit}})
	tests := []struct {
		name          string
		focus         string
		depth, limit  int
		nodes, rels   []string
		sources, acts []string
	}{
		{"claim depth 0", f.c2.ID, 0, 0, []string{f.c2.ID}, nil, []string{f.a.ID}, []string{f.actor.ID}},
		{"claim depth 1", f.c2.ID, 1, 0, []string{f.c1.ID, f.c2.ID, f.c6.ID, f.e1.ID},
			[]string{f.r1.ID, f.r2.ID, f.r7.ID, f.r8.ID}, []string{f.a.ID}, []string{f.actor.ID}},
		{"claim depth 2", f.c2.ID, 2, 0, []string{f.c1.ID, f.c2.ID, f.c3.ID, f.c4.ID, f.c5.ID, f.c6.ID, f.e1.ID},
			[]string{f.r1.ID, f.r2.ID, f.r3.ID, f.r4.ID, f.r5.ID, f.r6.ID, f.r7.ID, f.r8.ID},
			[]string{f.a.ID, f.b.ID, f.c.ID}, []string{f.actor.ID}},
		{"evidence depth 1", f.e1.ID, 1, 0, []string{f.c2.ID, f.c6.ID, f.e1.ID},
			[]string{f.r2.ID, f.r7.ID, f.r8.ID}, []string{f.a.ID}, []string{f.actor.ID}},
		{"relation depth 0", f.r1.ID, 0, 0, []string{f.c1.ID, f.c2.ID}, []string{f.r1.ID}, []string{f.a.ID}, []string{f.actor.ID}},
		{"undercut depth 0", f.r5.ID, 0, 0, []string{f.c1.ID, f.c2.ID, f.c5.ID}, []string{f.r1.ID, f.r5.ID},
			[]string{f.a.ID, f.c.ID}, []string{f.actor.ID}},
		{"claim depth 1 limit 1", f.c3.ID, 1, 1, []string{f.c3.ID}, nil, []string{f.b.ID}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := s.Neighbourhood(ctx(t), tc.focus, tc.depth, tc.limit)
			must(t, "Neighbourhood", err)
			got := map[string][]string{
				"nodes": nodeIDs(g), "relations": ids(g.Relations, relationID),
				"sources": ids(g.Sources, sourceID), "actors": ids(g.Actors, actorID),
			}
			want := map[string][]string{
				"nodes": sorted(tc.nodes...), "relations": sorted(tc.rels...),
				"sources": sorted(tc.sources...), "actors": sorted(tc.acts...),
			}
			for _, k := range []string{"nodes", "relations", "sources", "actors"} {
				sort.Strings(got[k])
				if diff := cmp.Diff(want[k], got[k], opts); diff != "" {
					t.Errorf("Neighbourhood(%s, %d, %d) %s (-want +got):\n%s", tc.focus, tc.depth, tc.limit, k, diff)
				}
			}
			checkNeighbourhood(t, g)
		})
	}
	t.Run("limit", func(t *testing.T) {
		g, err := s.Neighbourhood(ctx(t), f.c1.ID, 3, 3)
		must(t, "Neighbourhood", err)
		n := nodeIDs(g)
		if len(n) != 3 {
			t.Errorf("Neighbourhood(c1, 3, 3) nodes = %v, want 3", n)
		}
		if i := sort.SearchStrings(n, f.c1.ID); i == len(n) || n[i] != f.c1.ID {
			t.Errorf("Neighbourhood(c1, 3, 3) nodes = %v, want the focus among them", n)
		}
		checkNeighbourhood(t, g)
	})
	t.Run("whole graph", func(t *testing.T) {
		g, err := s.Neighbourhood(ctx(t), "", 0, 0)
		must(t, "Neighbourhood", err)
		c := stats(t, s)
		if got := g.Counts(); got != c {
			t.Errorf("Neighbourhood(\"\").Counts() = %+v, want Stats() %+v", got, c)
		}
		checkNeighbourhood(t, g)
		g, err = s.Neighbourhood(ctx(t), "", 0, 2)
		must(t, "Neighbourhood", err)
		if n := nodeIDs(g); len(n) != 2 {
			t.Errorf("Neighbourhood(\"\", limit 2) nodes = %v, want 2", n)
		}
		checkNeighbourhood(t, g)
	})
	t.Run("Errors", func(t *testing.T) {
		for _, focus := range []string{argmap.NewID(argmap.KindClaim), argmap.NewID(argmap.KindRelation), "nonsense", f.a.ID} {
			_, err := s.Neighbourhood(ctx(t), focus, 1, 0)
			wantCode(t, "Neighbourhood("+focus+")", err, argmap.ENOTFOUND)
		}
	})
}

// checkNeighbourhood checks what every neighbourhood must be: closed under
// reference and without source texts.
func checkNeighbourhood(t *testing.T, g *argmap.Graph) {
	t.Helper()
	if err := g.Validate(nil); err != nil {
		t.Errorf("Neighbourhood graph is not closed: %v", err)
	}
	for _, s := range g.Sources {
		if s.Text != "" {
			t.Errorf("Neighbourhood source %s has its text", s.ID)
		}
	}
}

func testDumpAndStats(t *testing.T, e *env) {
	s := e.store(t)
	if got := stats(t, s); got != (argmap.Counts{}) {
		t.Errorf("Stats() of an empty store = %+v, want zeros", got)
	}
	d, err := s.Dump(ctx(t))
	must(t, "Dump", err)
	if got := d.Counts(); got != (argmap.Counts{}) {
		t.Errorf("Dump() of an empty store counts %+v, want zeros", got)
	}
	f := buildArgument(t, s)
	want := argmap.Counts{Sources: 3, Claims: 6, Evidence: 1, Actors: 1, Relations: 8}
	if got := stats(t, s); got != want {
		t.Errorf("Stats() = %+v, want %+v", got, want)
	}
	d, err = s.Dump(ctx(t))
	must(t, "Dump", err)
	if got := d.Counts(); got != want {
		t.Errorf("Dump().Counts() = %+v, want %+v", got, want)
	}
	for _, src := range d.Sources {
		orig := map[string]string{f.a.ID: f.a.Text, f.b.ID: f.b.Text, f.c.ID: f.c.Text}[src.ID]
		if src.Text != orig {
			t.Errorf("Dump() source %s text = %q, want %q", src.ID, src.Text, orig)
		}
	}
}

func testMergeActor(t *testing.T, e *env) {
	s := e.store(t)
	iom := newActor("International Organization for Migration", "the organization")
	dup := newActor("IOM", "I.O.M.", "the organization")
	other := newActor("Frontex")
	c1 := newClaim("IOM runs camps.")
	c1.Actors = []argmap.ActorRef{{ActorID: dup.ID, Role: argmap.RoleAsserts}}
	c2 := newClaim("Both are named.")
	c2.Actors = []argmap.ActorRef{{ActorID: iom.ID, Role: argmap.RoleNamed}, {ActorID: dup.ID, Role: argmap.RoleNamed}, {ActorID: other.ID, Role: argmap.RoleDisputes}}
	write(t, s, &argmap.Graph{Actors: []argmap.Actor{iom, dup, other}, Claims: []argmap.Claim{c1, c2}})

	got, err := s.MergeActor(ctx(t), dup.ID, iom.ID)
	must(t, "MergeActor", err)
	want := iom
	want.Aliases = []string{"I.O.M.", "IOM", "the organization"}
	if diff := cmp.Diff(want, *got, opts); diff != "" {
		t.Errorf("MergeActor() (-want +got):\n%s", diff)
	}
	_, err = s.Actor(ctx(t), dup.ID)
	wantCode(t, "Actor(merged away)", err, argmap.ENOTFOUND)
	for _, tc := range []struct {
		claim argmap.Claim
		want  []argmap.ActorRef
	}{
		{c1, []argmap.ActorRef{{ActorID: iom.ID, Role: argmap.RoleAsserts}}},
		{c2, normClaim(argmap.Claim{Actors: []argmap.ActorRef{{ActorID: iom.ID, Role: argmap.RoleNamed}, {ActorID: other.ID, Role: argmap.RoleDisputes}}}).Actors},
	} {
		c, err := s.Claim(ctx(t), tc.claim.ID)
		must(t, "Claim", err)
		if diff := cmp.Diff(tc.want, c.Actors, opts); diff != "" {
			t.Errorf("Claim(%s).Actors after merge (-want +got):\n%s", tc.claim.Text, diff)
		}
	}
	cs, err := s.Claims(ctx(t), argmap.ClaimFilter{ActorID: iom.ID})
	must(t, "Claims", err)
	if diff := cmp.Diff(sorted(c1.ID, c2.ID), ids(cs, claimID)); diff != "" {
		t.Errorf("Claims(actor) after merge (-want +got):\n%s", diff)
	}
	as, err := s.Actors(ctx(t), argmap.ActorFilter{Query: "i.o.m"})
	must(t, "Actors", err)
	if diff := cmp.Diff([]string{iom.ID}, ids(as, actorID)); diff != "" {
		t.Errorf("Actors(old alias) after merge (-want +got):\n%s", diff)
	}

	unknown := argmap.NewID(argmap.KindActor)
	tests := []struct {
		name     string
		from, to string
		code     string
	}{
		{"same", iom.ID, iom.ID, argmap.EINVALID},
		{"unknown from", unknown, iom.ID, argmap.ENOTFOUND},
		{"unknown into", other.ID, unknown, argmap.ENOTFOUND},
		{"merged away", dup.ID, iom.ID, argmap.ENOTFOUND},
	}
	for _, tc := range tests {
		_, err := s.MergeActor(ctx(t), tc.from, tc.to)
		wantCode(t, "MergeActor("+tc.name+")", err, tc.code)
	}
	if _, err := s.Actor(ctx(t), other.ID); err != nil {
		t.Errorf("Actor(other) after failed merge = %v, want it kept", err)
	}
}

func testRoundTrip(t *testing.T, e *env) {
	s := e.store(t)
	zone := time.FixedZone("UTC+2", 2*3600)
	odd := time.Date(2024, 2, 29, 23, 59, 59, 987654321, zone) // not UTC, below a millisecond
	doc := newSource("Full record", "Ünïcödé text: the IOM “manages” migration. Figures: 12,000 returns.")
	doc.Authors = []string{"Zed, Z.", "Ann, A."}
	doc.Date = "2012-03-04"
	doc.URI = "https://example.org/report"
	doc.Venue = "Forum"
	doc.DOI = "10.1/abc"
	doc.CreatedAt = odd
	cited := citedSource("Book 1999")
	cited.Authors = []string{"Author, A."}
	cited.Date = "1999"
	actor := newActor("IOM", "zeta alias", "alpha alias")
	actor.CreatedAt = odd
	c1 := stated(doc, "the IOM “manages” migration")
	c1.Spans = append(c1.Spans, span(doc, "Ünïcödé"))
	c1.Gist = "IOM manages migration"
	c1.Cues = []string{"z cue", "a cue"}
	c1.Main = true
	c1.Score = 0.125
	c1.Actors = []argmap.ActorRef{{ActorID: actor.ID, Role: argmap.RoleNamed}, {ActorID: actor.ID, Role: argmap.RoleAsserts}}
	c1.CreatedAt = odd
	c2 := newClaim("A curated claim without spans")
	c2.Origin = argmap.OriginCurated
	c2.Title = "Curated «title»"
	c2.Assumed, c2.Issue, c2.Standard = true, "i1", argmap.StandardCCE
	c3 := newClaim("A linked claim")
	c3.Origin = argmap.OriginLinked
	c3.Kind = argmap.ClaimArgument
	c3.Title = "An argument"
	c3.Section = []string{"Part «1»", "Returns"}
	c3.Issue = "i1"
	c3.Proposition = c1.ID
	ev := newEvidence("12,000 returns", span(doc, "12,000 returns"))
	ev.CreatedAt = odd
	// referents, with the passage that names them
	named := span(doc, "the IOM “manages” migration")
	c1.Referent = &argmap.Referent{Words: "the IOM", Text: "The International Organization «for» Migration", Span: named}
	ev.Referent = &argmap.Referent{Words: "returns", Text: "Returns from the IOM", Span: argmap.Span{SourceID: doc.ID, Start: 3, End: 9}}
	r1 := rel(argmap.Supports, c1.ID, ev.ID, c3.ID, c2.ID)
	sp := span(doc, "Figures: 12,000 returns.")
	r1.Span = &sp
	r1.CreatedAt = odd
	r1.Title = "Argument from figures"
	r1.Scheme = "Modus ponens, Specification"
	r2 := rel(argmap.Contests, r1.ID, c2.ID)
	r2.Origin = argmap.OriginCurated
	r2.Scheme = argmap.SchemeContrary
	// A supports relation with no premises and a self-attack are kept too.
	r3 := rel(argmap.Supports, c3.ID)
	r3.Title = "given"
	r4 := rel(argmap.Contests, c3.ID, c3.ID)
	cit := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: doc.ID, Author: "Author", Year: "1999",
		Text: "the IOM", Start: 18, End: 25, CitedID: cited.ID}
	cit2 := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: doc.ID, Author: "Nobody", Year: "n.d."}
	g := argmap.Graph{
		Sources: []argmap.Source{doc, cited}, Actors: []argmap.Actor{actor}, Claims: []argmap.Claim{c1, c2, c3},
		Evidence: []argmap.Evidence{ev}, Relations: []argmap.Relation{r1, r2, r3, r4}, Citations: []argmap.Citation{cit, cit2},
	}
	write(t, s, &g)
	gc2, err := s.Claim(ctx(t), c2.ID)
	must(t, "Claim", err)
	if !gc2.Assumed || gc2.Issue != c2.Issue || gc2.Standard != c2.Standard {
		t.Errorf("Claim() assumed, issue, standard = %v %q %q, want true %q %q", gc2.Assumed, gc2.Issue, gc2.Standard, c2.Issue, c2.Standard)
	}

	want := normGraph(g)
	ms := func(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }
	for i := range want.Sources {
		want.Sources[i].CreatedAt = ms(want.Sources[i].CreatedAt)
	}
	for i := range want.Claims {
		want.Claims[i].CreatedAt = ms(want.Claims[i].CreatedAt)
	}
	for i := range want.Evidence {
		want.Evidence[i].CreatedAt = ms(want.Evidence[i].CreatedAt)
	}
	for i := range want.Actors {
		want.Actors[i].CreatedAt = ms(want.Actors[i].CreatedAt)
	}
	for i := range want.Relations {
		want.Relations[i].CreatedAt = ms(want.Relations[i].CreatedAt)
	}
	got, err := s.Dump(ctx(t))
	must(t, "Dump", err)
	if diff := cmp.Diff(want, *got, opts); diff != "" {
		t.Errorf("Dump() after WriteGraph (-want +got):\n%s", diff)
	}
	for _, c := range got.Claims {
		if c.CreatedAt.Location() != time.UTC {
			t.Errorf("Dump() claim %s CreatedAt %v, want UTC", c.ID, c.CreatedAt)
		}
	}
	gc, err := s.Claim(ctx(t), c1.ID)
	must(t, "Claim", err)
	if gc.CreatedAt.Location() != time.UTC || !gc.CreatedAt.Equal(ms(odd)) {
		t.Errorf("Claim().CreatedAt = %v, want %v in UTC", gc.CreatedAt, ms(odd))
	}

	// What Dump gives can be written to a fresh store and read back the same.
	s2 := e.store(t)
	write(t, s2, got)
	again, err := s2.Dump(ctx(t))
	must(t, "Dump", err)
	if diff := cmp.Diff(*got, *again, opts); diff != "" {
		t.Errorf("Dump() of a copy (-want +got):\n%s", diff)
	}
}
