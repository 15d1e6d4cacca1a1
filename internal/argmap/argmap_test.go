package argmap_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/google/go-cmp/cmp"
)

func TestErrorCodeAndMessage(t *testing.T) {
	cause := errors.New("disk on fire")
	tests := []struct {
		name     string
		err      error
		wantCode string
		wantMsg  string
	}{
		{"nil", nil, "", ""},
		{"plain", cause, argmap.EINTERNAL, "internal error"},
		{"coded", argmap.Errorf(argmap.ENOTFOUND, "claim %s not found", "clm_x"), argmap.ENOTFOUND, "claim clm_x not found"},
		{"wrapped", fmt.Errorf("op: %w", argmap.Errorf(argmap.ECONFLICT, "taken")), argmap.ECONFLICT, "taken"},
		{"internal keeps cause hidden", argmap.WrapInternal(cause, "cannot save"), argmap.EINTERNAL, "cannot save"},
	}
	for _, tt := range tests {
		if got := argmap.ErrorCode(tt.err); got != tt.wantCode {
			t.Errorf("%s: ErrorCode = %q, want %q", tt.name, got, tt.wantCode)
		}
		if got := argmap.ErrorMessage(tt.err); got != tt.wantMsg {
			t.Errorf("%s: ErrorMessage = %q, want %q", tt.name, got, tt.wantMsg)
		}
	}
	wrapped := argmap.Errorf(argmap.EINVALID, "bad input: %w", cause)
	if !errors.Is(wrapped, cause) {
		t.Errorf("Errorf with %%w does not wrap its cause")
	}
}

func TestIDs(t *testing.T) {
	kinds := []argmap.NodeKind{argmap.KindSource, argmap.KindClaim, argmap.KindEvidence, argmap.KindActor, argmap.KindRelation, argmap.KindCitation}
	for _, k := range kinds {
		a, b := argmap.NewID(k), argmap.NewID(k)
		if a == b {
			t.Errorf("NewID(%s) returned %s twice", k, a)
		}
		if got := argmap.KindOf(a); got != k {
			t.Errorf("KindOf(%s) = %q, want %q", a, got, k)
		}
		if d1, d2 := argmap.DerivedID(k, "x", "y"), argmap.DerivedID(k, "x", "y"); d1 != d2 || argmap.KindOf(d1) != k {
			t.Errorf("DerivedID(%s) not deterministic or wrong kind: %s %s", k, d1, d2)
		}
	}
	if argmap.DerivedID(argmap.KindClaim, "ab", "c") == argmap.DerivedID(argmap.KindClaim, "a", "bc") {
		t.Errorf("DerivedID does not separate its parts")
	}
	if argmap.ActorID("International  Organization for Migration") != argmap.ActorID("international organization for migration") {
		t.Errorf("ActorID does not fold case and spacing")
	}
	for _, bad := range []string{"", "clm_", "xyz_abc", "claim"} {
		if k := argmap.KindOf(bad); k != "" {
			t.Errorf("KindOf(%q) = %q, want \"\"", bad, k)
		}
	}
}

// TestScopedIDs: a scoped ID is as long as a derived one, starts with its
// scope, is deterministic, separates its parts, and IDs of one scope sort
// together whatever their parts.
func TestScopedIDs(t *testing.T) {
	doc, other := argmap.Scope("hash of one document"), argmap.Scope("hash of another")
	if len(doc) != argmap.ScopeLen || doc == other || doc != argmap.Scope("hash of one document") {
		t.Fatalf("Scope = %q, %q: want %d characters, deterministic, different scopes for different inputs", doc, other, argmap.ScopeLen)
	}
	for _, k := range []argmap.NodeKind{argmap.KindClaim, argmap.KindEvidence, argmap.KindRelation, argmap.KindCitation} {
		id := argmap.ScopedID(k, doc, "h", "3")
		if len(id) != len(argmap.DerivedID(k, "h", "3")) || argmap.KindOf(id) != k {
			t.Errorf("ScopedID(%s) = %s: want the length of a derived ID and kind %s", k, id, k)
		}
		if argmap.ScopeOf(id) != doc || !strings.HasPrefix(id[strings.IndexByte(id, '_')+1:], doc) {
			t.Errorf("ScopeOf(%s) = %q, want %q", id, argmap.ScopeOf(id), doc)
		}
		if id != argmap.ScopedID(k, doc, "h", "3") {
			t.Errorf("ScopedID(%s) not deterministic", k)
		}
		if id == argmap.ScopedID(k, doc, "h3") || id == argmap.ScopedID(k, doc, "h", "4") || id == argmap.ScopedID(k, other, "h", "3") {
			t.Errorf("ScopedID(%s) does not separate its parts or scopes", k)
		}
	}
	// the IDs of one document are neighbours in ID order
	var ids []string
	for i := 0; i < 50; i++ {
		ids = append(ids, argmap.ScopedID(argmap.KindClaim, doc, "h", strconv.Itoa(i)), argmap.ScopedID(argmap.KindClaim, other, "h", strconv.Itoa(i)))
	}
	sort.Strings(ids)
	for i := range ids {
		if want := ids[0][:4+argmap.ScopeLen]; (i < 50) != (ids[i][:4+argmap.ScopeLen] == want) {
			t.Fatalf("sorted scoped IDs interleave their scopes: %v", ids)
		}
	}
	for _, tc := range []struct{ id, want string }{{"clm_abcdefghijklmnop", "abcdef"}, {"clm_abc", ""}, {"nounderscore", ""}} {
		if got := argmap.ScopeOf(tc.id); got != tc.want {
			t.Errorf("ScopeOf(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func problemsOf(t *testing.T, err error) []string {
	t.Helper()
	if argmap.ErrorCode(err) != argmap.EINVALID {
		t.Fatalf("error code = %q (%v), want %q", argmap.ErrorCode(err), err, argmap.EINVALID)
	}
	var ve *argmap.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v carries no *ValidationError", err)
	}
	return ve.Problems
}

func TestValidateReportsEveryProblem(t *testing.T) {
	c := argmap.Claim{ID: "rel_nope", Text: "", Origin: "guessed", Score: 2, Kind: "essay", Title: strings.Repeat("t", argmap.MaxNameLen+1),
		Spans: []argmap.Span{{SourceID: "src_a", Start: 5, End: 2}}, Actors: []argmap.ActorRef{{ActorID: "act_a", Role: "praises"}}}
	got := problemsOf(t, c.Validate())
	if len(got) != 8 {
		t.Errorf("Claim.Validate found %d problems, want 8: %q", len(got), got)
	}
	r := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: "attacks", To: "src_x", Origin: argmap.OriginCurated, Scheme: "bad\xff"}
	got = problemsOf(t, r.Validate())
	if len(got) != 4 {
		t.Errorf("Relation.Validate found %d problems, want 4: %q", len(got), got)
	}
	bad := "caf\xe9"
	a := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: bad}
	if got := problemsOf(t, a.Validate()); !strings.Contains(got[0], "UTF-8") {
		t.Errorf("Actor.Validate(invalid UTF-8) = %q, want a UTF-8 problem", got)
	}
	ok := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests, From: []string{argmap.NewID(argmap.KindClaim)},
		To: argmap.NewID(argmap.KindRelation), Origin: argmap.OriginCurated, Score: 0.5}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(undercut) = %v, want nil", err)
	}
}

func TestGraphValidate(t *testing.T) {
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Text: "IOM acts."}
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "IOM acts.", Origin: argmap.OriginExtracted,
		Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: 9}}}
	stored := argmap.NewID(argmap.KindClaim)
	g := argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c}, Relations: []argmap.Relation{
		{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, From: []string{c.ID}, To: stored, Origin: argmap.OriginLinked, Score: 0.9},
	}}
	if err := g.Validate(func(id string) bool { return id == stored }); err != nil {
		t.Errorf("Validate(known stored claim) = %v, want nil", err)
	}
	if err := g.Validate(nil); err == nil {
		t.Errorf("Validate(unknown target) = nil, want an error")
	}
	g.Claims[0].Spans[0].End = 99
	g.Claims = append(g.Claims, g.Claims[0])
	got := problemsOf(t, g.Validate(nil))
	if len(got) < 3 {
		t.Errorf("Validate found %q, want span, duplicate and unknown-target problems", got)
	}
}

func TestPolarity(t *testing.T) {
	s, c := argmap.Step{Kind: argmap.Supports}, argmap.Step{Kind: argmap.Contests}
	tests := []struct {
		steps []argmap.Step
		want  int
	}{
		{nil, 1}, {[]argmap.Step{s}, 1}, {[]argmap.Step{c}, -1}, {[]argmap.Step{c, c}, 1},
		{[]argmap.Step{c, s}, -1}, {[]argmap.Step{s, s, c}, -1},
	}
	for _, tt := range tests {
		if got := argmap.Polarity(tt.steps); got != tt.want {
			t.Errorf("Polarity(%v) = %d, want %d", tt.steps, got, tt.want)
		}
	}
}

// fakeQuestioner answers from fixed data; FindSupporters is pure logic over it.
type fakeQuestioner struct {
	claims  map[string]argmap.Claim
	hits    []argmap.ClaimHit
	evHits  []argmap.EvidenceHit
	reach   map[string][]argmap.Reach
	sources map[string]argmap.Source
	// sourceReads counts the reads of sources (Source calls and
	// SourcesByID calls): an answer should look its sources up at once.
	sourceReads int
	// nodeReads counts reads of claim and evidence (Claim, Evidence and
	// NodeTexts calls).
	nodeReads int
}

func (f *fakeQuestioner) NodeTexts(_ context.Context, ids []string) (map[string]string, error) {
	f.nodeReads++
	out := map[string]string{}
	for _, id := range ids {
		if c, ok := f.claims[id]; ok {
			out[id] = c.Text
		}
	}
	return out, nil
}
func (f *fakeQuestioner) Claim(_ context.Context, id string) (*argmap.Claim, error) {
	f.nodeReads++
	c, ok := f.claims[id]
	if !ok {
		return nil, argmap.Errorf(argmap.ENOTFOUND, "claim %s not found", id)
	}
	return &c, nil
}
func (f *fakeQuestioner) SearchClaims(context.Context, string, int) ([]argmap.ClaimHit, error) {
	return f.hits, nil
}
func (f *fakeQuestioner) Reach(_ context.Context, id string, depth int) ([]argmap.Reach, error) {
	var out []argmap.Reach
	for _, r := range f.reach[id] {
		if len(r.Steps) <= depth {
			out = append(out, r)
		}
	}
	return out, nil
}
func (f *fakeQuestioner) SourcesByID(_ context.Context, ids []string) ([]argmap.Source, error) {
	f.sourceReads++
	var out []argmap.Source
	for _, id := range ids {
		if s, ok := f.sources[id]; ok {
			s.Text = ""
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
func (f *fakeQuestioner) Source(_ context.Context, id string) (*argmap.Source, error) {
	f.sourceReads++
	s, ok := f.sources[id]
	if !ok {
		return nil, argmap.Errorf(argmap.ENOTFOUND, "source %s not found", id)
	}
	return &s, nil
}

func TestFindSupporters(t *testing.T) {
	s1 := argmap.Source{ID: "src_one", Title: "One", URI: "/a/one.txt"}
	s2 := argmap.Source{ID: "src_two", Title: "Two", URI: "/a/two.txt"}
	c1 := argmap.Claim{ID: "clm_one", Text: "IOM enforces exclusions", Spans: []argmap.Span{{SourceID: "src_one", Start: 0, End: 5, Quote: "IOM e"}}}
	step := func(kind argmap.RelationKind, from, to string) argmap.Step {
		return argmap.Step{RelationID: "rel_" + from, Kind: kind, From: from, To: to}
	}
	q := &fakeQuestioner{
		claims:  map[string]argmap.Claim{c1.ID: c1},
		hits:    []argmap.ClaimHit{{Claim: c1, Rank: 4}, {Claim: argmap.Claim{ID: "clm_weak"}, Rank: 1}},
		sources: map[string]argmap.Source{s1.ID: s1, s2.ID: s2},
		reach: map[string][]argmap.Reach{c1.ID: {
			{Node: c1.ID, Spans: c1.Spans},
			{Node: "clm_b", Steps: []argmap.Step{step(argmap.Supports, "clm_b", c1.ID)}, Spans: []argmap.Span{{SourceID: "src_two", Start: 10, End: 20, Quote: "two says"}}},
			{Node: "clm_c", Steps: []argmap.Step{step(argmap.Contests, "clm_c", c1.ID)}, Spans: []argmap.Span{{SourceID: "src_two", Start: 30, End: 40, Quote: "but no"}}},
			{Node: "clm_d", Steps: []argmap.Step{step(argmap.Contests, "clm_d", "clm_c"), step(argmap.Contests, "clm_c", c1.ID)}, Spans: []argmap.Span{{SourceID: "src_gone", Start: 1, End: 2}}},
		}},
	}
	got, err := argmap.FindSupporters(context.Background(), q, nil, "IOM exclusions", 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	one := argmap.SourceRef{ID: "src_one", Title: "One", URI: "/a/one.txt"}
	two := argmap.SourceRef{ID: "src_two", Title: "Two", URI: "/a/two.txt"}
	m1 := argmap.ClaimMatch{ID: c1.ID, Text: c1.Text, Rank: 4, Source: one}
	spanB := argmap.Span{SourceID: "src_two", Start: 10, End: 20, Quote: "two says"}
	spanC := argmap.Span{SourceID: "src_two", Start: 30, End: 40, Quote: "but no"}
	want := &argmap.SupportAnswer{
		Query:        "IOM exclusions",
		Propositions: []argmap.PropositionMatch{{ID: c1.ID, Text: c1.Text, Match: argmap.StanceSame, Score: 4, Claims: []argmap.ClaimMatch{m1}}},
		Claims:       []argmap.ClaimMatch{m1},
		Supporting: []argmap.Backing{
			{Source: one, Spans: c1.Spans, Path: []argmap.Step{}, Nodes: []string{c1.ID}, QuotesTotal: 1,
				Quotes: []argmap.Quote{{Span: c1.Spans[0], Node: c1.ID, AssertedBy: "author", Stance: argmap.StanceSame, Chain: []argmap.ChainStep{}}}},
			{Source: two, Spans: []argmap.Span{spanB}, Path: []argmap.Step{step(argmap.Supports, "clm_b", c1.ID)}, Nodes: []string{"clm_b"}, QuotesTotal: 1,
				Quotes: []argmap.Quote{{Span: spanB, Node: "clm_b", AssertedBy: "author",
					Chain: []argmap.ChainStep{{Kind: argmap.Supports, From: "clm_b", To: c1.Text, Relation: "rel_clm_b"}}}}},
		},
		Contesting: []argmap.Backing{
			{Source: two, Spans: []argmap.Span{spanC}, Path: []argmap.Step{step(argmap.Contests, "clm_c", c1.ID)}, Nodes: []string{"clm_c"}, QuotesTotal: 1,
				Quotes: []argmap.Quote{{Span: spanC, Node: "clm_c", AssertedBy: "author",
					Chain: []argmap.ChainStep{{Kind: argmap.Contests, From: "clm_c", To: c1.Text, Relation: "rel_clm_c"}}}}},
		},
		SupportingTotal: 2,
		ContestingTotal: 1,
		Suggestions:     []argmap.ClaimMatch{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FindSupporters mismatch (-want +got):\n%s", diff)
	}
	if q.sourceReads != 1 || q.nodeReads != 1 {
		t.Errorf("FindSupporters read sources %d times and claims %d times, want once each (one lookup of every source quoted, one of every text on a chain)", q.sourceReads, q.nodeReads)
	}
	if _, err := argmap.FindSupporters(context.Background(), q, nil, "  ", 3); argmap.ErrorCode(err) != argmap.EINVALID {
		t.Errorf("FindSupporters(blank) error = %v, want EINVALID", err)
	}
	if _, err := argmap.FindSupporters(context.Background(), q, nil, "clm_missing", 3); argmap.ErrorCode(err) != argmap.ENOTFOUND {
		t.Errorf("FindSupporters(unknown ID) error = %v, want ENOTFOUND", err)
	}
	q.hits = nil
	if _, err := argmap.FindSupporters(context.Background(), q, nil, "nothing like it", 3); argmap.ErrorCode(err) != argmap.ENOTFOUND {
		t.Errorf("FindSupporters(no match) error = %v, want ENOTFOUND", err)
	}
}

// TestValidateBounded checks that a hostile record or graph costs validation
// bounded work: the problems listed, the message and the store lookups stay
// small however many problems there are (a claim with 30,000 unknown actors
// once held the write lock for 37 s and returned a 2.1 MB error).
func TestValidateBounded(t *testing.T) {
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Text: "IOM acts."}
	manyActors := func(n int) []argmap.ActorRef {
		refs := make([]argmap.ActorRef, n)
		for i := range refs {
			refs[i] = argmap.ActorRef{ActorID: fmt.Sprintf("act_%06d", i), Role: argmap.RoleNamed}
		}
		return refs
	}
	claim := func(actors []argmap.ActorRef) argmap.Claim {
		return argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "IOM acts.", Origin: argmap.OriginExtracted,
			Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: 9}}, Actors: actors}
	}
	manyClaims := make([]argmap.Claim, 30000)
	for i := range manyClaims {
		manyClaims[i] = claim(manyActors(1))
	}
	badText := make([]argmap.Claim, 30000)
	for i := range badText {
		badText[i] = claim(nil)
		badText[i].Text = ""
	}
	tests := []struct {
		name        string
		g           argmap.Graph
		wantProblem string
	}{
		{"30,000 actors on one claim", argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{claim(manyActors(30000))}}, "more than the 256 allowed"},
		{"200 unknown actors on one claim", argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{claim(manyActors(200))}}, "unknown actor"},
		{"30,000 claims with an unknown actor", argmap.Graph{Sources: []argmap.Source{src}, Claims: manyClaims}, "unknown actor"},
		{"30,000 claims without text", argmap.Graph{Sources: []argmap.Source{src}, Claims: badText}, "text is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lookups := 0
			err := tt.g.Validate(func(string) bool { lookups++; return false })
			got := problemsOf(t, err)
			if len(got) > argmap.MaxProblems {
				t.Errorf("Validate listed %d problems, want at most %d", len(got), argmap.MaxProblems)
			}
			if msg := argmap.ErrorMessage(err); len(msg) > 8<<10 {
				t.Errorf("Validate message is %d bytes, want at most 8 KiB", len(msg))
			}
			if lookups > argmap.MaxProblems {
				t.Errorf("Validate looked up %d IDs, want at most %d", lookups, argmap.MaxProblems)
			}
			if !strings.Contains(got[0], tt.wantProblem) {
				t.Errorf("Validate first problem = %q, want it to mention %q", got[0], tt.wantProblem)
			}
		})
	}
	t.Run("list caps", func(t *testing.T) {
		aliases := make([]string, argmap.MaxAliases+1)
		for i := range aliases {
			aliases[i] = fmt.Sprintf("alias %d", i)
		}
		a := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: "IOM", Aliases: aliases}
		if got := problemsOf(t, a.Validate()); len(got) != 1 || !strings.Contains(got[0], "aliases has") {
			t.Errorf("Actor.Validate(%d aliases) = %q, want one problem about aliases", len(aliases), got)
		}
		authors := make([]string, argmap.MaxAuthors+1)
		for i := range authors {
			authors[i] = "A"
		}
		s := argmap.Source{ID: src.ID, Title: "t", Authors: authors}
		if got := problemsOf(t, s.Validate()); len(got) != 1 || !strings.Contains(got[0], "authors has") {
			t.Errorf("Source.Validate(%d authors) = %q, want one problem about authors", len(authors), got)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		g := argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{claim(manyActors(3))}}
		lookups := 0
		err := g.CheckReferences(ctx, func(context.Context, string) (bool, error) { lookups++; return true, nil })
		if !errors.Is(err, context.Canceled) || lookups != 0 {
			t.Errorf("CheckReferences(cancelled) = %v after %d lookups, want context.Canceled after none", err, lookups)
		}
	})
}

// BenchmarkValidateManyProblems measures validation of a graph with 30,000
// unknown references: it should grow linearly with the graph, not with the
// square of the problems.
func BenchmarkValidateManyProblems(b *testing.B) {
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Text: "IOM acts."}
	claims := make([]argmap.Claim, 30000)
	for i := range claims {
		claims[i] = argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "IOM acts.", Origin: argmap.OriginExtracted,
			Actors: []argmap.ActorRef{{ActorID: fmt.Sprintf("act_%06d", i), Role: argmap.RoleNamed}}}
	}
	g := argmap.Graph{Sources: []argmap.Source{src}, Claims: claims}
	for b.Loop() {
		if err := g.Validate(func(string) bool { return false }); err == nil {
			b.Fatal("Validate = nil, want an error")
		}
	}
}

func (f *fakeQuestioner) Evidence(_ context.Context, id string) (*argmap.Evidence, error) {
	f.nodeReads++
	return nil, argmap.Errorf(argmap.ENOTFOUND, "evidence %s not found", id)
}

// mapJudge judges by a fixed table of claim texts.
type mapJudge map[string]argmap.Judgement

func (m mapJudge) JudgeAll(q string, texts []string) []argmap.Judgement {
	out := make([]argmap.Judgement, len(texts))
	for i, t := range texts {
		out[i] = m.Judge(q, t)
	}
	return out
}

func (m mapJudge) Judge(_, claim string) argmap.Judgement {
	if j, ok := m[claim]; ok {
		return j
	}
	return argmap.Judgement{Stance: argmap.StanceTopic}
}

func TestFindSupportersJudged(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	states := argmap.Claim{ID: "clm_states", Text: "IOM enforces exclusion", Spans: span("src_states")}
	denies := argmap.Claim{ID: "clm_denies", Text: "It is wrong to say IOM enforces exclusion", Spans: span("src_denies")}
	topic := argmap.Claim{ID: "clm_topic", Text: "IOM has no protection mandate", Spans: span("src_topic")}
	reported := argmap.Claim{ID: "clm_reported", Text: "Critics say IOM enforces exclusion", Spans: span("src_mixed")}
	own := argmap.Claim{ID: "clm_own", Text: "IOM does not enforce exclusion", Spans: span("src_mixed")}
	backer := argmap.Claim{ID: "clm_backer", Text: "States, not IOM, decide who enters", Spans: span("src_backer")}
	sources := map[string]argmap.Source{}
	for _, id := range []string{"src_states", "src_denies", "src_topic", "src_mixed", "src_backer"} {
		sources[id] = argmap.Source{ID: id, Title: id}
	}
	reach := map[string][]argmap.Reach{}
	for _, c := range []argmap.Claim{states, denies, topic, reported, own} {
		reach[c.ID] = []argmap.Reach{{Node: c.ID, Spans: c.Spans}}
	}
	// the backer supports the denial, so it contests the question
	reach[denies.ID] = append(reach[denies.ID], argmap.Reach{Node: backer.ID, Spans: backer.Spans,
		Steps: []argmap.Step{{RelationID: "rel_b", Kind: argmap.Supports, From: backer.ID, To: denies.ID}}})
	q := &fakeQuestioner{
		claims:  map[string]argmap.Claim{states.ID: states, denies.ID: denies, topic.ID: topic, reported.ID: reported, own.ID: own, backer.ID: backer},
		hits:    []argmap.ClaimHit{{Claim: topic, Rank: 9}, {Claim: states, Rank: 5}, {Claim: denies, Rank: 4}, {Claim: reported, Rank: 3}, {Claim: own, Rank: 2}},
		sources: sources,
		reach:   reach,
	}
	j := mapJudge{
		states.Text:   {Stance: argmap.StanceSame, Score: 1},
		denies.Text:   {Stance: argmap.StanceDenial, Score: 1},
		reported.Text: {Stance: argmap.StanceSame, Score: 1, Asserter: "Critics"},
		own.Text:      {Stance: argmap.StanceDenial, Score: 0.9},
	}
	ans, err := argmap.FindSupporters(context.Background(), q, j, "IOM enforces exclusion", 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	side := func(bs []argmap.Backing) []string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Source.ID)
			if len(b.Quotes) == 0 || b.Quotes[0].Quote == "" {
				t.Errorf("backing %s has no quote", b.Source.ID)
			}
		}
		sort.Strings(out)
		return out
	}
	if diff := cmp.Diff([]string{"src_states"}, side(ans.Supporting)); diff != "" {
		t.Errorf("Supporting sources (-want +got):\n%s", diff)
	}
	// src_mixed reports the critics' view but denies it in its own voice
	if diff := cmp.Diff([]string{"src_backer", "src_denies", "src_mixed"}, side(ans.Contesting)); diff != "" {
		t.Errorf("Contesting sources (-want +got):\n%s", diff)
	}
	for _, p := range ans.Propositions {
		if p.ID == topic.ID {
			t.Errorf("Propositions include the topic-only claim %s", topic.ID)
		}
	}
	for _, b := range ans.Contesting {
		if b.Source.ID == "src_backer" {
			if len(b.Quotes[0].Chain) != 1 || b.Quotes[0].Chain[0].To != denies.Text {
				t.Errorf("backer chain = %+v, want one step to %q", b.Quotes[0].Chain, denies.Text)
			}
		}
	}
	// only a reported view: the source is listed, with who asserts it
	q.hits = []argmap.ClaimHit{{Claim: reported, Rank: 3}}
	ans, err = argmap.FindSupporters(context.Background(), q, j, "IOM enforces exclusion", 3)
	if err != nil {
		t.Fatalf("FindSupporters(reported only): %v", err)
	}
	if len(ans.Supporting) != 1 || ans.Supporting[0].Quotes[0].AssertedBy != "Critics" || !ans.Supporting[0].Quotes[0].Reported {
		t.Errorf("FindSupporters(reported only).Supporting = %+v, want src_mixed asserted by Critics", ans.Supporting)
	}
	// nothing states or denies it: suggestions, no sides
	q.hits = []argmap.ClaimHit{{Claim: topic, Rank: 9}}
	ans, err = argmap.FindSupporters(context.Background(), q, j, "IOM enforces exclusion", 3)
	if err != nil {
		t.Fatalf("FindSupporters(topic only): %v", err)
	}
	if len(ans.Propositions) != 0 || len(ans.Supporting)+len(ans.Contesting) != 0 || len(ans.Suggestions) != 1 {
		t.Errorf("FindSupporters(topic only) = %+v, want no propositions or sides and one suggestion", ans)
	}
}

func (f *fakeQuestioner) Claims(_ context.Context, fl argmap.ClaimFilter) ([]argmap.Claim, error) {
	var out []argmap.Claim
	for _, c := range f.claims {
		if fl.Proposition == "" || argmap.PropositionOf(c) == fl.Proposition {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeQuestioner) SearchEvidence(context.Context, string, int) ([]argmap.EvidenceHit, error) {
	return f.evHits, nil
}

// TestFindSupportersRejectedView: a claim stating a view its source rejects
// (CueRejectedView) puts that source on the contesting side, and what other
// sources say for the view supports the question.
func TestFindSupportersRejectedView(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	view := argmap.Claim{ID: "clm_view", Text: "Early studies saw the agency as a tool of donors", Spans: span("src_rejects"),
		Cues: []string{argmap.CueRejectedView}}
	ally := argmap.Claim{ID: "clm_ally", Text: "Its budget is earmarked by donors", Spans: span("src_ally")}
	q := &fakeQuestioner{
		claims: map[string]argmap.Claim{view.ID: view, ally.ID: ally},
		hits:   []argmap.ClaimHit{{Claim: view, Rank: 5}},
		sources: map[string]argmap.Source{"src_rejects": {ID: "src_rejects", Title: "rejects"},
			"src_ally": {ID: "src_ally", Title: "ally"}},
		reach: map[string][]argmap.Reach{view.ID: {{Node: view.ID, Spans: view.Spans}, {Node: ally.ID, Spans: ally.Spans,
			Steps: []argmap.Step{{RelationID: "rel_a", Kind: argmap.Supports, From: ally.ID, To: view.ID}}}}},
	}
	j := mapJudge{view.Text: {Stance: argmap.StanceSame, Score: 1}}
	ans, err := argmap.FindSupporters(context.Background(), q, j, "The agency is a tool of donors", 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	if diff := cmp.Diff([]string{"src_ally"}, sourceIDs(ans.Supporting)); diff != "" {
		t.Errorf("Supporting (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_rejects"}, sourceIDs(ans.Contesting)); diff != "" {
		t.Errorf("Contesting (-want +got):\n%s", diff)
	}
	// the row says what the answer means: a view its source rejects, so
	// the source denies the question (not that the view's words deny it)
	if len(ans.Propositions) != 1 {
		t.Fatalf("Propositions = %+v, want the one view", ans.Propositions)
	}
	if p := ans.Propositions[0]; p.Match != argmap.StanceDenial || p.View != argmap.ViewRejected {
		t.Errorf("Propositions[0] match %q view %q, want denial and %q", p.Match, p.View, argmap.ViewRejected)
	}
	if len(ans.Contesting) == 1 && ans.Contesting[0].Quotes[0].View != argmap.ViewRejected {
		t.Errorf("Contesting quote = %+v, want view %q", ans.Contesting[0].Quotes[0], argmap.ViewRejected)
	}
	if len(ans.Supporting) == 1 && ans.Supporting[0].Quotes[0].View != "" {
		t.Errorf("Supporting quote through a relation = %+v, want no view", ans.Supporting[0].Quotes[0])
	}
}

// TestFindSupportersViews: each matched row says whose view it is. The
// same words said in a source's own voice, reported from others, and
// reported to be rejected are three rows, each with its side.
func TestFindSupportersViews(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	own := argmap.Claim{ID: "clm_own", Text: "Night buses run late", Spans: span("src_own"), Proposition: "clm_own"}
	told := argmap.Claim{ID: "clm_told", Text: "Riders say night buses run late", Spans: span("src_told"), Proposition: "clm_own"}
	turned := argmap.Claim{ID: "clm_turned", Text: "Riders complain that night buses run late", Spans: span("src_turned"),
		Proposition: "clm_own", Cues: []string{argmap.CueRejectedView}}
	q := &fakeQuestioner{
		claims: map[string]argmap.Claim{own.ID: own, told.ID: told, turned.ID: turned},
		hits:   []argmap.ClaimHit{{Claim: own, Rank: 5}, {Claim: told, Rank: 4}, {Claim: turned, Rank: 3}},
		sources: map[string]argmap.Source{"src_own": {ID: "src_own", Title: "own"}, "src_told": {ID: "src_told", Title: "told"},
			"src_turned": {ID: "src_turned", Title: "turned"}},
		reach: map[string][]argmap.Reach{own.ID: {{Node: own.ID, Spans: own.Spans}}, told.ID: {{Node: told.ID, Spans: told.Spans}},
			turned.ID: {{Node: turned.ID, Spans: turned.Spans}}},
	}
	j := mapJudge{
		own.Text:    {Stance: argmap.StanceSame, Score: 1},
		told.Text:   {Stance: argmap.StanceSame, Score: 1, Asserter: "Riders"},
		turned.Text: {Stance: argmap.StanceSame, Score: 1, Asserter: "Riders"},
	}
	ans, err := argmap.FindSupporters(context.Background(), q, j, "Night buses run late", 1)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	type row struct {
		Match            argmap.Stance
		View, AssertedBy string
		Claims           int
	}
	var got []row
	for _, p := range ans.Propositions {
		got = append(got, row{p.Match, p.View, p.AssertedBy, len(p.Claims)})
	}
	want := []row{{argmap.StanceSame, "", "", 1}, {argmap.StanceSame, argmap.ViewReported, "Riders", 1},
		{argmap.StanceDenial, argmap.ViewRejected, "Riders", 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Propositions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_own", "src_told"}, sourceIDs(ans.Supporting)); diff != "" {
		t.Errorf("Supporting (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_turned"}, sourceIDs(ans.Contesting)); diff != "" {
		t.Errorf("Contesting (-want +got):\n%s", diff)
	}
}

// statementJudge is a mapJudge that tells texts that state something
// (StatementJudge) from those in its set of empty ones.
type statementJudge struct {
	mapJudge
	empty map[string]bool
}

func (s statementJudge) States(text string) bool { return !s.empty[text] }

// TestFindSupportersStatesNothing: a passage reached through a relation
// that states nothing (a bare citation, a heading) is not quoted, and a
// source whose only passage it is stands on no side; the matched claim is
// quoted whatever the StatementJudge says of it (the judge found it states
// the question), and without a StatementJudge every passage is quoted.
func TestFindSupportersStatesNothing(t *testing.T) {
	claim := argmap.Claim{ID: "clm_main", Text: "Night buses run late", Spans: []argmap.Span{{SourceID: "src_a", Start: 0, End: 20, Quote: "Night buses run late"}}}
	cite := argmap.Span{SourceID: "src_a", Start: 30, End: 41, Quote: "Lund (2017)"}
	reason := argmap.Span{SourceID: "src_a", Start: 50, End: 80, Quote: "Drivers wait for late trains."}
	onlyCite := argmap.Span{SourceID: "src_b", Start: 0, End: 8, Quote: "Timetables"}
	step := func(from string) []argmap.Step {
		return []argmap.Step{{RelationID: "rel_" + from, Kind: argmap.Supports, From: from, To: claim.ID}}
	}
	q := &fakeQuestioner{
		claims:  map[string]argmap.Claim{claim.ID: claim},
		hits:    []argmap.ClaimHit{{Claim: claim, Rank: 5}},
		sources: map[string]argmap.Source{"src_a": {ID: "src_a", Title: "a"}, "src_b": {ID: "src_b", Title: "b"}},
		reach: map[string][]argmap.Reach{claim.ID: {{Node: claim.ID, Spans: claim.Spans},
			{Node: "evd_cite", Spans: []argmap.Span{cite}, Steps: step("evd_cite")},
			{Node: "evd_reason", Spans: []argmap.Span{reason}, Steps: step("evd_reason")},
			{Node: "evd_heading", Spans: []argmap.Span{onlyCite}, Steps: step("evd_heading")}}},
	}
	mj := mapJudge{claim.Text: {Stance: argmap.StanceSame, Score: 1}}
	quotes := func(ans *argmap.SupportAnswer) []string {
		var out []string
		for _, b := range ans.Supporting {
			for _, qt := range b.Quotes {
				out = append(out, qt.Quote)
			}
		}
		return out
	}
	ans, err := argmap.FindSupporters(context.Background(), q, statementJudge{mj, map[string]bool{"Lund (2017)": true, "Timetables": true, claim.Text: true}}, claim.Text, 1)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	if diff := cmp.Diff([]string{"Night buses run late", "Drivers wait for late trains."}, quotes(ans)); diff != "" {
		t.Errorf("quotes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_a"}, sourceIDs(ans.Supporting)); diff != "" {
		t.Errorf("Supporting (-want +got):\n%s", diff)
	}
	ans, err = argmap.FindSupporters(context.Background(), q, mj, claim.Text, 1)
	if err != nil {
		t.Fatalf("FindSupporters(no StatementJudge): %v", err)
	}
	if len(quotes(ans)) != 4 {
		t.Errorf("FindSupporters(no StatementJudge) quotes %q, want all four", quotes(ans))
	}
}

// countingJudge is a mapJudge that counts its Judge calls by claim text.
type countingJudge struct {
	mapJudge
	calls map[string]int
}

func (c *countingJudge) Judge(q, claim string) argmap.Judgement {
	c.calls[claim]++
	return c.mapJudge.Judge(q, claim)
}

func (c *countingJudge) JudgeAll(q string, texts []string) []argmap.Judgement {
	return c.mapJudge.JudgeAll(q, texts)
}

// voiceJudge is a countingJudge that tells which texts are all in their
// author's voice: those the table gives no asserter.
type voiceJudge struct {
	*countingJudge
}

func (v *voiceJudge) OwnVoice(text string) bool { return v.mapJudge[text].Asserter == "" }

func TestFindSupportersPage(t *testing.T) {
	// two matched claims; 30 claims in 12 sources reached from both, on
	// both sides, at depths 1 and 2, some reported
	c1 := argmap.Claim{ID: "clm_m1", Text: "IOM enforces exclusions", Spans: []argmap.Span{{SourceID: "src_00", Start: 0, End: 5, Quote: "IOM e"}}}
	c2 := argmap.Claim{ID: "clm_m2", Text: "IOM enforces exclusion of migrants", Spans: []argmap.Span{{SourceID: "src_01", Start: 0, End: 5, Quote: "IOM e"}}}
	q := &fakeQuestioner{claims: map[string]argmap.Claim{c1.ID: c1, c2.ID: c2}, sources: map[string]argmap.Source{},
		hits: []argmap.ClaimHit{{Claim: c1, Rank: 4}, {Claim: c2, Rank: 3}}, reach: map[string][]argmap.Reach{}}
	j := &countingJudge{mapJudge: mapJudge{c1.Text: {Stance: argmap.StanceSame, Score: 4}, c2.Text: {Stance: argmap.StanceSame, Score: 3}},
		calls: map[string]int{}}
	for i := range 12 {
		id := fmt.Sprintf("src_%02d", i)
		q.sources[id] = argmap.Source{ID: id, Title: fmt.Sprintf("Source %02d", i)}
	}
	for _, m := range []argmap.Claim{c1, c2} {
		q.reach[m.ID] = []argmap.Reach{{Node: m.ID, Spans: m.Spans}}
	}
	for i := range 30 {
		id := fmt.Sprintf("clm_n%02d", i)
		text := fmt.Sprintf("claim %d", i)
		if i%7 == 3 {
			j.mapJudge[text] = argmap.Judgement{Stance: argmap.StanceTopic, Asserter: "Critics"}
		}
		q.claims[id] = argmap.Claim{ID: id, Text: text}
		kind := argmap.Supports
		if i%3 == 0 {
			kind = argmap.Contests
		}
		for _, m := range []argmap.Claim{c1, c2} {
			steps := []argmap.Step{{RelationID: "rel_" + id, Kind: kind, From: id, To: m.ID}}
			if i%4 == 0 {
				steps = append([]argmap.Step{{RelationID: "rel_x" + id, Kind: argmap.Supports, From: id, To: "clm_mid"}}, steps...)
			}
			q.reach[m.ID] = append(q.reach[m.ID], argmap.Reach{Node: id, Steps: steps,
				Spans: []argmap.Span{{SourceID: fmt.Sprintf("src_%02d", i%12), Start: 10 * i, End: 10*i + 5, Quote: text}}})
		}
	}
	ctx := context.Background()
	const question = "IOM enforces exclusions"
	full, err := argmap.FindSupporters(ctx, q, j, question, 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	for text, n := range j.calls {
		if n != 1 {
			t.Errorf("FindSupporters judged %q %d times, want once (two matched claims reach it)", text, n)
		}
	}
	// a judge that knows which texts are all in their author's voice is
	// asked about the others only, and gives the same answer
	vj := &voiceJudge{countingJudge: &countingJudge{mapJudge: j.mapJudge, calls: map[string]int{}}}
	same, err := argmap.FindSupporters(ctx, q, vj, question, 3)
	if err != nil {
		t.Fatalf("FindSupporters(VoiceJudge): %v", err)
	}
	if diff := cmp.Diff(full, same); diff != "" {
		t.Errorf("FindSupporters with a VoiceJudge differs (-Judge +VoiceJudge):\n%s", diff)
	}
	for text := range vj.calls {
		if j.mapJudge[text].Asserter == "" {
			t.Errorf("FindSupporters(VoiceJudge) judged %q, which OwnVoice says is all the author's", text)
		}
	}
	if len(vj.calls) == 0 {
		t.Error("FindSupporters(VoiceJudge) judged no reported view")
	}
	if len(full.Supporting) < 5 || len(full.Contesting) < 3 || full.NextCursor != "" {
		t.Fatalf("FindSupporters = %d supporting, %d contesting, cursor %q; want a larger test answer and no cursor",
			len(full.Supporting), len(full.Contesting), full.NextCursor)
	}
	if full.SupportingTotal != len(full.Supporting) || full.ContestingTotal != len(full.Contesting) {
		t.Errorf("FindSupporters totals = %d, %d, want %d, %d", full.SupportingTotal, full.ContestingTotal, len(full.Supporting), len(full.Contesting))
	}
	many := false
	for _, b := range append(full.Supporting, full.Contesting...) {
		if b.QuotesTotal != len(b.Quotes) {
			t.Errorf("FindSupporters: %s has %d quotes, quotes_total %d", b.Source.ID, len(b.Quotes), b.QuotesTotal)
		}
		many = many || len(b.Quotes) > 2
	}
	if !many {
		t.Fatalf("FindSupporters: no source has more than 2 quotes; the test needs one")
	}
	// pages of 2 sources and 2 quotes, followed by their cursors, list the
	// whole answer's sources in order, each with its first quotes
	var sup, con []argmap.Backing
	pg := argmap.AnswerPage{Limit: 2, Quotes: 2}
	for pages := 0; ; pages++ {
		if pages > 20 {
			t.Fatal("more than 20 pages")
		}
		ans, err := argmap.FindSupportersPage(ctx, q, j, question, 3, pg)
		if err != nil {
			t.Fatalf("FindSupportersPage(%+v): %v", pg, err)
		}
		if len(ans.Supporting) > 2 || len(ans.Contesting) > 2 {
			t.Fatalf("FindSupportersPage(%+v) listed %d and %d sources, want at most 2", pg, len(ans.Supporting), len(ans.Contesting))
		}
		if ans.SupportingTotal != full.SupportingTotal || ans.ContestingTotal != full.ContestingTotal {
			t.Errorf("FindSupportersPage(%+v) totals = %d, %d, want %d, %d", pg, ans.SupportingTotal, ans.ContestingTotal, full.SupportingTotal, full.ContestingTotal)
		}
		if diff := cmp.Diff(full.Propositions, ans.Propositions); diff != "" {
			t.Errorf("FindSupportersPage(%+v) propositions differ (-full +page):\n%s", pg, diff)
		}
		sup, con = append(sup, ans.Supporting...), append(con, ans.Contesting...)
		if ans.NextCursor == "" {
			break
		}
		off, err := argmap.ParseAnswerCursor(ans.NextCursor, "  "+question, 3)
		if err != nil || off != pg.Offset+2 {
			t.Fatalf("ParseAnswerCursor(%q) = %d, %v; want %d", ans.NextCursor, off, err, pg.Offset+2)
		}
		pg.Offset = off
	}
	capped := func(bs []argmap.Backing) []argmap.Backing {
		var out []argmap.Backing
		for _, b := range bs {
			if len(b.Quotes) > 2 {
				b.Quotes = b.Quotes[:2]
				b.Spans = []argmap.Span{b.Quotes[0].Span, b.Quotes[1].Span}
				sort.Slice(b.Spans, func(i, j int) bool { return b.Spans[i].Start < b.Spans[j].Start })
				nodes := []string{}
				for _, n := range b.Nodes {
					if n == b.Quotes[0].Node || n == b.Quotes[1].Node {
						nodes = append(nodes, n)
					}
				}
				b.Nodes = nodes
			}
			out = append(out, b)
		}
		return out
	}
	if diff := cmp.Diff(capped(full.Supporting), sup); diff != "" {
		t.Errorf("pages of supporting sources differ from the whole answer's (-full +pages):\n%s", diff)
	}
	if diff := cmp.Diff(capped(full.Contesting), con); diff != "" {
		t.Errorf("pages of contesting sources differ from the whole answer's (-full +pages):\n%s", diff)
	}
	// one source alone: its backings on each side, every passage
	for _, b := range append(full.Supporting, full.Contesting...) {
		one, err := argmap.FindSupportersPage(ctx, q, j, question, 3, argmap.AnswerPage{Limit: 1, Offset: 3, Source: b.Source.ID})
		if err != nil {
			t.Fatalf("FindSupportersPage(source %s): %v", b.Source.ID, err)
		}
		var want []argmap.Backing
		for _, w := range append(full.Supporting, full.Contesting...) {
			if w.Source.ID == b.Source.ID {
				want = append(want, w)
			}
		}
		if diff := cmp.Diff(want, append(one.Supporting, one.Contesting...)); diff != "" || one.NextCursor != "" || one.SupportingTotal != full.SupportingTotal {
			t.Errorf("FindSupportersPage(source %s) = cursor %q, total %d, backings (-want +got):\n%s", b.Source.ID, one.NextCursor, one.SupportingTotal, diff)
		}
	}
	// past the end: empty lists, the totals, no cursor
	ans, err := argmap.FindSupportersPage(ctx, q, j, question, 3, argmap.AnswerPage{Limit: 5, Offset: 500})
	if err != nil || len(ans.Supporting)+len(ans.Contesting) != 0 || ans.NextCursor != "" || ans.SupportingTotal != full.SupportingTotal {
		t.Errorf("FindSupportersPage(offset 500) = %d, %d sources, cursor %q, total %d, %v; want none, no cursor, the total",
			len(ans.Supporting), len(ans.Contesting), ans.NextCursor, ans.SupportingTotal, err)
	}
	if _, err := argmap.FindSupportersPage(ctx, q, j, question, 3, argmap.AnswerPage{Limit: -1}); argmap.ErrorCode(err) != argmap.EINVALID {
		t.Errorf("FindSupportersPage(limit -1) error = %v, want EINVALID", err)
	}
	good := argmap.AnswerCursor(question, 3, 4)
	for _, tc := range []struct {
		cursor, query string
		depth         int
	}{
		{"", question, 3},
		{"not a cursor!", question, 3},
		{good + "x", question, 3},
		{good, question, 2},
		{good, "IOM enforces inclusion", 3},
		{argmap.AnswerCursor(question, 3, -1), question, 3},
	} {
		if n, err := argmap.ParseAnswerCursor(tc.cursor, tc.query, tc.depth); argmap.ErrorCode(err) != argmap.EINVALID {
			t.Errorf("ParseAnswerCursor(%q, %q, %d) = %d, %v; want EINVALID", tc.cursor, tc.query, tc.depth, n, err)
		}
	}
}

// gistJudge is a mapJudge that can read a claim in context
// (argmap.ContextJudge): a text with a gist is judged as the gist.
type gistJudge struct{ mapJudge }

func (g gistJudge) JudgeAllInContext(q string, texts, gists []string) []argmap.Judgement {
	out := make([]argmap.Judgement, len(texts))
	for i, t := range texts {
		if gists[i] != "" {
			t = gists[i]
		}
		out[i] = g.Judge(q, t)
	}
	return out
}

// TestFindSupportersInContext: with a ContextJudge, a search hit and a
// member of a matched proposition whose subject points back are judged
// with their gists ("It now serves the towns" as the gist "The Harbour
// Trust now serves the towns"); a judge without it reads only the texts.
func TestFindSupportersInContext(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	named := argmap.Claim{ID: "clm_named", Text: "The Harbour Trust serves the towns.", Spans: span("src_named")}
	hit := argmap.Claim{ID: "clm_hit", Text: "It now serves the towns.", Gist: "The Harbour Trust now serves the towns", Spans: span("src_hit")}
	member := argmap.Claim{ID: "clm_member", Text: "The trust serves the towns.", Gist: "The Harbour Trust serves the towns.",
		Proposition: named.ID, Spans: span("src_member")}
	// evidence has no gist: its referent is read in its subject's place
	ev := argmap.Evidence{ID: "evd_ev", Text: "In 2019, it served the towns.", Spans: span("src_ev"),
		Referent: &argmap.Referent{Words: "it", Text: "The Harbour Trust", Span: argmap.Span{SourceID: "src_ev", Start: 0, End: 4}}}
	sources := map[string]argmap.Source{}
	reach := map[string][]argmap.Reach{}
	for _, c := range []argmap.Claim{named, hit, member} {
		sources[c.Spans[0].SourceID] = argmap.Source{ID: c.Spans[0].SourceID, Title: c.Spans[0].SourceID}
		reach[c.ID] = []argmap.Reach{{Node: c.ID, Spans: c.Spans}}
	}
	sources["src_ev"] = argmap.Source{ID: "src_ev", Title: "src_ev"}
	q := &fakeQuestioner{
		claims:  map[string]argmap.Claim{named.ID: named, hit.ID: hit, member.ID: member},
		hits:    []argmap.ClaimHit{{Claim: named, Rank: 5}, {Claim: hit, Rank: 4}},
		evHits:  []argmap.EvidenceHit{{Evidence: ev, Rank: 3}},
		sources: sources,
		reach:   reach,
	}
	m := mapJudge{
		named.Text:                               {Stance: argmap.StanceSame, Score: 1},
		"The Harbour Trust now serves the towns": {Stance: argmap.StanceSame, Score: 0.9},
		"The Harbour Trust serves the towns.":    {Stance: argmap.StanceSame, Score: 1},
		"The Harbour Trust served the towns.":    {Stance: argmap.StanceSame, Score: 0.9},
	}
	for _, tc := range []struct {
		name, query string
		j           argmap.Judge
		want        []string
	}{
		{"in context", "The Harbour Trust serves the towns", gistJudge{m}, []string{"src_ev", "src_hit", "src_member", "src_named"}},
		{"texts only", "The Harbour Trust serves the towns", m, []string{"src_named"}},
		// by ID: the members of the claim's proposition must bear on its text
		{"by ID, in context", named.ID, gistJudge{m}, []string{"src_member", "src_named"}},
		{"by ID, texts only", named.ID, m, []string{"src_named"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := argmap.FindSupporters(context.Background(), q, tc.j, tc.query, 1)
			if err != nil {
				t.Fatalf("FindSupporters: %v", err)
			}
			var got []string
			for _, b := range ans.Supporting {
				got = append(got, b.Source.ID)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Supporting sources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReferentReading: a referent's words are replaced where they stand as
// whole words, from there on; text stays as it is otherwise.
func TestReferentReading(t *testing.T) {
	r := &argmap.Referent{Words: "it", Text: "The trust"}
	// a description after the subject keeps the words before it
	obj := &argmap.Referent{Words: "those ferries", Text: "the harbour ferries"}
	for _, tc := range []struct {
		r          *argmap.Referent
		text, want string
	}{
		{r, "Within its lease, it serves the towns.", "The trust serves the towns."},
		{r, "it serves the towns.", "The trust serves the towns."},
		{r, "Without its lease the towns suffer.", "Without its lease the towns suffer."},
		{r, "", ""},
		{obj, "The board described those ferries as slow.", "The board described the harbour ferries as slow."},
		{obj, "However, those ferries are slow.", "the harbour ferries are slow."},
		{obj, "(those ferries are slow)", "the harbour ferries are slow)"},
		{obj, "and those ferries are slow", "the harbour ferries are slow"},
	} {
		if got := tc.r.Reading(tc.text); got != tc.want {
			t.Errorf("%q.Reading(%q) = %q, want %q", tc.r.Words, tc.text, got, tc.want)
		}
	}
	var none *argmap.Referent
	if got := none.Reading("it serves"); got != "it serves" {
		t.Errorf("nil Reading = %q", got)
	}
}

// TestFindSupportersShortestChain: a source that reaches a matched claim
// only through relations, once by a claim that contests it and again a
// step further by what contests that contester, stands on the side of its
// shortest chain, not on both.
func TestFindSupportersShortestChain(t *testing.T) {
	span := func(src string, at int) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: at, End: at + 4, Quote: "text of " + src}}
	}
	states := argmap.Claim{ID: "clm_states", Text: "The charter is silent on the rights of workers", Spans: span("src_report", 0)}
	doubts := argmap.Claim{ID: "clm_doubts", Text: "We have concerns about the charter", Spans: span("src_letter", 0)}
	answer := argmap.Claim{ID: "clm_answer", Text: "Members cannot leave their duties at the door", Spans: span("src_letter", 10)}
	other := argmap.Claim{ID: "clm_other", Text: "The board answers to its members", Spans: span("src_other", 0)}
	sources := map[string]argmap.Source{}
	for _, id := range []string{"src_report", "src_letter", "src_other"} {
		sources[id] = argmap.Source{ID: id, Title: id}
	}
	contests := func(from, to string) argmap.Step {
		return argmap.Step{RelationID: "rel_" + from + to, Kind: argmap.Contests, From: from, To: to}
	}
	reach := map[string][]argmap.Reach{states.ID: {
		{Node: states.ID, Spans: states.Spans},
		{Node: doubts.ID, Spans: doubts.Spans, Steps: []argmap.Step{contests(doubts.ID, states.ID)}},
		{Node: answer.ID, Spans: answer.Spans, Steps: []argmap.Step{contests(answer.ID, doubts.ID), contests(doubts.ID, states.ID)}},
		// a source with only the longer chain keeps its side
		{Node: other.ID, Spans: other.Spans, Steps: []argmap.Step{contests(other.ID, doubts.ID), contests(doubts.ID, states.ID)}},
	}}
	q := &fakeQuestioner{
		claims:  map[string]argmap.Claim{states.ID: states, doubts.ID: doubts, answer.ID: answer, other.ID: other},
		hits:    []argmap.ClaimHit{{Claim: states, Rank: 5}},
		sources: sources,
		reach:   reach,
	}
	j := mapJudge{states.Text: {Stance: argmap.StanceSame, Score: 1}}
	tests := []struct {
		name  string
		judge argmap.Judge
		query string
		sup   []string
		con   []string
	}{
		{"judged question", j, "The charter is silent on the rights of workers",
			[]string{"src_other", "src_report"}, []string{"src_letter"}},
		// a walk from a claim ID shows the whole argument
		{"claim ID", j, states.ID,
			[]string{"src_letter", "src_other", "src_report"}, []string{"src_letter"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := argmap.FindSupporters(context.Background(), q, tc.judge, tc.query, 3)
			if err != nil {
				t.Fatalf("FindSupporters: %v", err)
			}
			if diff := cmp.Diff(tc.sup, sourceIDs(ans.Supporting)); diff != "" {
				t.Errorf("Supporting (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.con, sourceIDs(ans.Contesting)); diff != "" {
				t.Errorf("Contesting (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFindSupportersDefaultDepth: unsaid, a question in words looks one
// relation deep (a source reached only through a chain of two is not
// placed by the chain's sign), a claim ID three; a depth that is said is
// walked for both, and a page's cursor holds the depth it was walked at.
func TestFindSupportersDefaultDepth(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	states := argmap.Claim{ID: "clm_states", Text: "The ferry runs on Sundays", Spans: span("src_timetable")}
	objection := argmap.Claim{ID: "clm_objection", Text: "The Sunday crew was laid off", Spans: span("src_union")}
	reply := argmap.Claim{ID: "clm_reply", Text: "A new crew was hired in spring", Spans: span("src_council")}
	contests := func(from, to string) argmap.Step {
		return argmap.Step{RelationID: "rel_" + from + to, Kind: argmap.Contests, From: from, To: to}
	}
	sources := map[string]argmap.Source{}
	for _, id := range []string{"src_timetable", "src_union", "src_council"} {
		sources[id] = argmap.Source{ID: id, Title: id}
	}
	q := &fakeQuestioner{
		claims:  map[string]argmap.Claim{states.ID: states, objection.ID: objection, reply.ID: reply},
		hits:    []argmap.ClaimHit{{Claim: states, Rank: 5}},
		sources: sources,
		reach: map[string][]argmap.Reach{states.ID: {
			{Node: states.ID, Spans: states.Spans},
			{Node: objection.ID, Spans: objection.Spans, Steps: []argmap.Step{contests(objection.ID, states.ID)}},
			{Node: reply.ID, Spans: reply.Spans, Steps: []argmap.Step{contests(reply.ID, objection.ID), contests(objection.ID, states.ID)}},
		}},
	}
	j := mapJudge{states.Text: {Stance: argmap.StanceSame, Score: 1}}
	tests := []struct {
		name     string
		query    string
		depth    int
		sup, con []string
	}{
		{"question in words", states.Text, 0, []string{"src_timetable"}, []string{"src_union"}},
		{"question in words, depth said", states.Text, 3, []string{"src_council", "src_timetable"}, []string{"src_union"}},
		{"claim ID", states.ID, 0, []string{"src_council", "src_timetable"}, []string{"src_union"}},
		{"claim ID, depth said", states.ID, 1, []string{"src_timetable"}, []string{"src_union"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := argmap.FindSupporters(context.Background(), q, j, tc.query, tc.depth)
			if err != nil {
				t.Fatalf("FindSupporters: %v", err)
			}
			if diff := cmp.Diff(tc.sup, sourceIDs(ans.Supporting)); diff != "" {
				t.Errorf("Supporting (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.con, sourceIDs(ans.Contesting)); diff != "" {
				t.Errorf("Contesting (-want +got):\n%s", diff)
			}
		})
	}
	// a page asked at the default depth continues at it, and not at another
	ans, err := argmap.FindSupportersPage(context.Background(), q, j, states.Text, 0, argmap.AnswerPage{Limit: 1, Quotes: 1})
	if err != nil {
		t.Fatalf("FindSupportersPage: %v", err)
	}
	if ans.NextCursor != "" {
		t.Fatalf("NextCursor = %q at the default depth, want none (one source a side)", ans.NextCursor)
	}
	cur := argmap.AnswerCursor(states.Text, argmap.AnswerDepth(states.Text, 0), 1)
	for _, depth := range []int{0, argmap.DefaultTextDepth} {
		if _, err := argmap.ParseAnswerCursor(cur, states.Text, depth); err != nil {
			t.Errorf("ParseAnswerCursor(depth %d) of a default-depth cursor: %v", depth, err)
		}
	}
	if _, err := argmap.ParseAnswerCursor(cur, states.Text, argmap.DefaultDepth); argmap.ErrorCode(err) != argmap.EINVALID {
		t.Errorf("ParseAnswerCursor(depth %d) of a default-depth cursor = %v, want EINVALID", argmap.DefaultDepth, err)
	}
}

// TestAnswerDepth: a depth said is kept (at most MaxDepth); unsaid, text
// looks DefaultTextDepth deep and a claim ID DefaultDepth.
func TestAnswerDepth(t *testing.T) {
	tests := []struct {
		query string
		depth int
		want  int
	}{
		{"The ferry runs on Sundays", 0, argmap.DefaultTextDepth},
		{"The ferry runs on Sundays", -1, argmap.DefaultTextDepth},
		{"The ferry runs on Sundays", 2, 2},
		{"clm_abc", 0, argmap.DefaultDepth},
		{"  clm_abc ", 0, argmap.DefaultDepth},
		{"clm_abc", 1, 1},
		{"clm_abc", 99, argmap.MaxDepth},
		{"clm_abc and more words", 0, argmap.DefaultTextDepth},
	}
	for _, tc := range tests {
		if got := argmap.AnswerDepth(tc.query, tc.depth); got != tc.want {
			t.Errorf("AnswerDepth(%q, %d) = %d, want %d", tc.query, tc.depth, got, tc.want)
		}
	}
}

// TestDerivedIDStable: derived IDs are stored, so the same parts give the
// same ID in every version: the first 10 bytes of SHA-256 over the parts,
// each ended by a zero byte, in lower-case base32 after the kind's prefix.
func TestDerivedIDStable(t *testing.T) {
	tests := []struct {
		kind  argmap.NodeKind
		parts []string
		want  string
	}{
		{argmap.KindClaim, []string{"doc.txt", "12", "40"}, "clm_muy5daj2br7wgvvg"},
		{argmap.KindActor, []string{"international organization for migration"}, "act_erzsuywxzycbidan"},
		{argmap.KindRelation, []string{strings.Repeat("x", 300), "é"}, "rel_kdpvsb3qjqpmr7po"}, // longer than the stack buffer
		{argmap.KindSource, nil, "src_4oymiquy7qobjgx3"},
	}
	for _, tt := range tests {
		if got := argmap.DerivedID(tt.kind, tt.parts...); got != tt.want {
			t.Errorf("DerivedID(%s, %d parts) = %s, want %s", tt.kind, len(tt.parts), got, tt.want)
		}
	}
	if got := argmap.ActorID("International  Organization for Migration"); got != "act_erzsuywxzycbidan" {
		t.Errorf("ActorID = %s, want act_erzsuywxzycbidan", got)
	}
}

// linkQuestioner is a fakeQuestioner that also reads relations, for their
// origin.
type linkQuestioner struct {
	*fakeQuestioner
	relations map[string]argmap.Relation
}

func (l linkQuestioner) Relation(_ context.Context, id string) (*argmap.Relation, error) {
	r, ok := l.relations[id]
	if !ok {
		return nil, argmap.Errorf(argmap.ENOTFOUND, "no relation %s", id)
	}
	return &r, nil
}

// TestFindSupportersLinkedPart: a claim of another document that the
// linker joined to a matched claim (OriginLinked) carries the matched
// claim's side to the question only when it bears on the question itself
// (covers it as far as memberCoverage): the matched claim may say more
// than the question asks, and the link be about that other part. A
// relation a person made across documents, and the document's own, always
// carry it.
func TestFindSupportersLinkedPart(t *testing.T) {
	span := func(src string) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: 0, End: 4, Quote: "text of " + src}}
	}
	plan := argmap.Claim{ID: "clm_plan", Text: "The harbour plan dredges the channel: it also moves the fish market and widens the quay",
		Spans: span("src_plan")}
	reason := argmap.Claim{ID: "clm_reason", Text: "Larger ferries need the room", Spans: span("src_plan")}
	critic := argmap.Claim{ID: "clm_critic", Text: "It is wrong to say that the harbour plan dredges the channel", Spans: span("src_critic")}
	engineer := argmap.Claim{ID: "clm_engineer", Text: "The plan does not widen the quay at all", Spans: span("src_engineer")}
	diver := argmap.Claim{ID: "clm_diver", Text: "Divers found the old quay wall untouched", Spans: span("src_diver")}
	sources := map[string]argmap.Source{}
	for _, id := range []string{"src_plan", "src_critic", "src_engineer", "src_diver"} {
		sources[id] = argmap.Source{ID: id, Title: id}
	}
	step := func(kind argmap.RelationKind, from argmap.Claim) argmap.Step {
		return argmap.Step{RelationID: "rel_" + from.ID, Kind: kind, From: from.ID, To: plan.ID}
	}
	reach := map[string][]argmap.Reach{plan.ID: {{Node: plan.ID, Spans: plan.Spans}}}
	relations := map[string]argmap.Relation{}
	for _, r := range []struct {
		c      argmap.Claim
		kind   argmap.RelationKind
		origin argmap.Origin
	}{
		{reason, argmap.Supports, argmap.OriginExtracted},
		{critic, argmap.Contests, argmap.OriginLinked},
		{engineer, argmap.Contests, argmap.OriginLinked},
		{diver, argmap.Contests, argmap.OriginCurated},
	} {
		s := step(r.kind, r.c)
		reach[plan.ID] = append(reach[plan.ID], argmap.Reach{Node: r.c.ID, Spans: r.c.Spans, Steps: []argmap.Step{s}})
		relations[s.RelationID] = argmap.Relation{ID: s.RelationID, Kind: r.kind, From: []string{r.c.ID}, To: plan.ID, Origin: r.origin}
	}
	q := linkQuestioner{fakeQuestioner: &fakeQuestioner{
		claims:  map[string]argmap.Claim{plan.ID: plan, reason.ID: reason, critic.ID: critic, engineer.ID: engineer, diver.ID: diver},
		hits:    []argmap.ClaimHit{{Claim: plan, Rank: 5}},
		sources: sources,
		reach:   reach,
	}, relations: relations}
	j := mapJudge{
		plan.Text:     {Stance: argmap.StanceSame, Score: 0.9},
		critic.Text:   {Stance: argmap.StanceTopic, Score: 0.3},
		engineer.Text: {Stance: argmap.StanceDenial, Score: 0.8},
	}
	ans, err := argmap.FindSupporters(context.Background(), q, j, "The harbour plan widens the quay", 1)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	if diff := cmp.Diff([]string{"src_plan"}, sourceIDs(ans.Supporting)); diff != "" {
		t.Errorf("Supporting (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_diver", "src_engineer"}, sourceIDs(ans.Contesting)); diff != "" {
		t.Errorf("Contesting (-want +got):\n%s", diff)
	}
}

// sourceIDs returns the IDs of the backings' sources, sorted.
func sourceIDs(bs []argmap.Backing) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Source.ID)
	}
	sort.Strings(out)
	return out
}

// TestFindSupportersConcededView: a source that states the question in one
// sentence of its own and denies it in another (a view it concedes in part,
// then turns down) is listed as contesting only, with the denial quoted; a
// source that only states it stays supporting.
func TestFindSupportersConcededView(t *testing.T) {
	span := func(src string, at int) []argmap.Span {
		return []argmap.Span{{SourceID: src, Start: at, End: at + 4, Quote: "text of " + src}}
	}
	concedes := argmap.Claim{ID: "clm_concedes", Text: "On some routes the ferry line is a lifeline for the islands", Spans: span("src_both", 0)}
	denies := argmap.Claim{ID: "clm_denies", Text: "Taken as a whole, the ferry line is no lifeline for the islands", Spans: span("src_both", 10)}
	states := argmap.Claim{ID: "clm_states", Text: "The ferry line is a lifeline for the islands", Spans: span("src_states", 0)}
	reach := map[string][]argmap.Reach{}
	for _, c := range []argmap.Claim{concedes, denies, states} {
		reach[c.ID] = []argmap.Reach{{Node: c.ID, Spans: c.Spans}}
	}
	q := &fakeQuestioner{
		claims: map[string]argmap.Claim{concedes.ID: concedes, denies.ID: denies, states.ID: states},
		hits:   []argmap.ClaimHit{{Claim: concedes, Rank: 5}, {Claim: denies, Rank: 4}, {Claim: states, Rank: 3}},
		sources: map[string]argmap.Source{"src_both": {ID: "src_both", Title: "both"},
			"src_states": {ID: "src_states", Title: "states"}},
		reach: reach,
	}
	j := mapJudge{
		concedes.Text: {Stance: argmap.StanceSame, Score: 0.8},
		denies.Text:   {Stance: argmap.StanceDenial, Score: 0.9},
		states.Text:   {Stance: argmap.StanceSame, Score: 1},
	}
	ans, err := argmap.FindSupporters(context.Background(), q, j, "The ferry line is a lifeline for the islands", 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	if diff := cmp.Diff([]string{"src_states"}, sourceIDs(ans.Supporting)); diff != "" {
		t.Errorf("Supporting (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"src_both"}, sourceIDs(ans.Contesting)); diff != "" {
		t.Errorf("Contesting (-want +got):\n%s", diff)
	}
	if len(ans.Contesting) == 1 && (len(ans.Contesting[0].Quotes) != 1 || ans.Contesting[0].Quotes[0].Node != denies.ID) {
		t.Errorf("src_both is quoted by %+v, want its denial alone", ans.Contesting[0].Quotes)
	}
}
