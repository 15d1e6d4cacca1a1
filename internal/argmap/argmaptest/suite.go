// Package argmaptest holds the conformance suite every argmap.Store backend
// runs: RunStoreTests checks each method of each store interface against the
// contract documented in package argmap, plus the conventions every backend
// shares (see RunStoreTests).
package argmaptest

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/argmap/argmap/internal/argmap"
)

// RunStoreTests runs the conformance suite. open must return a fresh, empty
// store for each subtest; the suite closes it.
//
// Beyond the doc comments of package argmap, the suite fixes these
// conventions, which every backend shares:
//   - Times come back in UTC at millisecond precision; a zero CreatedAt given
//     to a Create method or WriteGraph is set to the time of the write.
//   - Slices come back in a deterministic order: spans by (source, start,
//     end), actor references by (actor, role), aliases sorted, an actor's own
//     name never among its aliases, relation premises in the order given,
//     authors and cues as given. Empty and nil slices are equivalent.
//   - A span's Quote is the text of its range when its source has text (a
//     given quote is replaced); when the source has no text the given quote
//     is kept. A span beyond its source's text is EINVALID.
//   - A record's own problems are reported one per entry of the
//     *argmap.ValidationError in the chain (Create* validate the record
//     before looking at the store).
//   - Reach returns the queried claim first; the order of the others is free.
//     Every relation on a path is one step, so a premise of an undercut of a
//     relation into the claim is two steps away.
//   - Neighbourhood distance counts relations crossed in either direction. A
//     relation sits at the distance of its premises and target, so a relation
//     as focus puts its endpoints at distance 0, and reaching an undercut
//     brings the relation it targets (and that one's endpoints) at the same
//     distance. The relations returned are those whose premises and target
//     are all returned; the sources are those of the returned nodes' spans and
//     relations' spans; the citations are those between returned sources (or
//     citing nothing stored). With a limit, nearer nodes win and the focus is
//     always kept. Focus "" with limit 0 is the whole store without texts.
//   - Deleting a source clears the span of relations stated in it and the
//     cited ID of citations of it.
//   - SearchClaims ignores common function words ("the", "or", "and"...), so
//     a query of only those, or of only punctuation, has no hits.
func RunStoreTests(t *testing.T, open func(t *testing.T) argmap.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, e *env)
	}{
		{"Source", testSource},
		{"Claim", testClaim},
		{"Evidence", testEvidence},
		{"Actor", testActor},
		{"Relation", testRelation},
		{"Pagination", testPagination},
		{"Filters", testFilters},
		{"Cascade", testCascade},
		{"WriteGraph", testWriteGraph},
		{"ConcurrentWrites", testConcurrentWrites},
		{"DeleteSource", testDeleteSource},
		{"EvidenceActors", testEvidenceActors},
		{"SearchClaims", testSearchClaims},
		{"Reach", testReach},
		{"FindSupporters", testFindSupporters},
		{"Neighbourhood", testNeighbourhood},
		{"DumpAndStats", testDumpAndStats},
		{"MergeActor", testMergeActor},
		{"RoundTrip", testRoundTrip},
		{"Context", testContext},
		{"Audit", testAudit},
		{"UpdateRelation", testUpdateRelation},
		{"Citations", testCitations},
		{"Ping", testPing},
		{"Atomically", testAtomically},
		{"AddSpans", testAddSpans},
		{"ClaimKeys", testClaimKeys},
		{"Bulk", testBulk},
		{"Hubs", testHubs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, &env{t: t, open: open})
		})
	}
}

// env hands a subtest's subtests fresh stores.
type env struct {
	t    *testing.T
	open func(t *testing.T) argmap.Store
}

// store opens a fresh store for t and closes it when t ends.
func (e *env) store(t *testing.T) argmap.Store {
	t.Helper()
	s := e.open(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close() = %v", err)
		}
	})
	return s
}

// ctx returns a context for t that ends with it.
func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// opts compares records read back with what was written.
var opts = cmp.Options{cmpopts.EquateEmpty()}

// wantCode fails t unless err carries the code.
func wantCode(t *testing.T, call string, err error, code string) {
	t.Helper()
	if got := argmap.ErrorCode(err); got != code {
		t.Errorf("%s error = %v (code %q), want code %q", call, err, got, code)
	}
}

// must fails t at once on an error.
func must(t *testing.T, call string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s = %v", call, err)
	}
}

// problems returns the validation problems carried by err.
func problems(err error) []string {
	var ve *argmap.ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return nil
}

// newSource returns a document source with the text.
func newSource(title, text string) argmap.Source {
	return argmap.Source{
		ID:          argmap.NewID(argmap.KindSource),
		Title:       title,
		Kind:        argmap.SourceArticle,
		Text:        text,
		ContentHash: argmap.ContentHash([]byte(text)),
		CreatedAt:   argmap.Now(),
	}
}

// citedSource returns a source known only from a citation.
func citedSource(title string) argmap.Source {
	return argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: title, Kind: argmap.SourceCited, CreatedAt: argmap.Now()}
}

// span returns the span of the first occurrence of phrase in src's text,
// quote included. It panics if the phrase is absent (a broken fixture).
func span(src argmap.Source, phrase string) argmap.Span {
	i := strings.Index(src.Text, phrase)
	if i < 0 {
		panic("argmaptest: fixture phrase " + phrase + " not in source " + src.Title)
	}
	return argmap.Span{SourceID: src.ID, Start: i, End: i + len(phrase), Quote: phrase}
}

// newClaim returns an extracted claim with the text and spans.
func newClaim(text string, spans ...argmap.Span) argmap.Claim {
	return argmap.Claim{
		ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginExtracted,
		Score: 0.5, Spans: spans, CreatedAt: argmap.Now(),
	}
}

// stated returns an extracted claim stated in src: its text is the phrase.
func stated(src argmap.Source, phrase string) argmap.Claim {
	return newClaim(phrase, span(src, phrase))
}

// newEvidence returns extracted evidence with the text and spans.
func newEvidence(text string, spans ...argmap.Span) argmap.Evidence {
	return argmap.Evidence{
		ID: argmap.NewID(argmap.KindEvidence), Kind: argmap.EvidenceStatistic, Text: text,
		Origin: argmap.OriginExtracted, Score: 0.7, Spans: spans, CreatedAt: argmap.Now(),
	}
}

// newActor returns an organisation with the name and aliases.
func newActor(name string, aliases ...string) argmap.Actor {
	return argmap.Actor{
		ID: argmap.NewID(argmap.KindActor), Name: name, Kind: argmap.ActorOrganisation,
		Aliases: aliases, CreatedAt: argmap.Now(),
	}
}

// rel returns a relation of the kind from the premises to the target.
func rel(kind argmap.RelationKind, to string, from ...string) argmap.Relation {
	return argmap.Relation{
		ID: argmap.NewID(argmap.KindRelation), Kind: kind, From: from, To: to,
		Origin: argmap.OriginExtracted, Score: 0.6, CreatedAt: argmap.Now(),
	}
}

// write stores g or fails t.
func write(t *testing.T, s argmap.Store, g *argmap.Graph) {
	t.Helper()
	must(t, "WriteGraph", s.WriteGraph(ctx(t), g))
}

// stats returns the store's counts or fails t.
func stats(t *testing.T, s argmap.Store) argmap.Counts {
	t.Helper()
	c, err := s.Stats(ctx(t))
	must(t, "Stats", err)
	return c
}

// normClaim returns c as a store gives it back: spans and actor references
// sorted.
func normClaim(c argmap.Claim) argmap.Claim {
	c.Spans = normSpans(c.Spans)
	c.Actors = append([]argmap.ActorRef(nil), c.Actors...)
	sort.Slice(c.Actors, func(i, j int) bool {
		a, b := c.Actors[i], c.Actors[j]
		if a.ActorID != b.ActorID {
			return a.ActorID < b.ActorID
		}
		return a.Role < b.Role
	})
	return c
}

func normEvidence(e argmap.Evidence) argmap.Evidence {
	e.Spans = normSpans(e.Spans)
	return e
}

func normActor(a argmap.Actor) argmap.Actor {
	a.Aliases = append([]string(nil), a.Aliases...)
	sort.Strings(a.Aliases)
	return a
}

func normSpans(spans []argmap.Span) []argmap.Span {
	out := append([]argmap.Span(nil), spans...)
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.SourceID != b.SourceID {
			return a.SourceID < b.SourceID
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return out
}

// normGraph returns g as Dump gives it back: every kind ordered by ID and
// every record normalised.
func normGraph(g argmap.Graph) argmap.Graph {
	var out argmap.Graph
	out.Sources = append(out.Sources, g.Sources...)
	for _, c := range g.Claims {
		out.Claims = append(out.Claims, normClaim(c))
	}
	for _, e := range g.Evidence {
		out.Evidence = append(out.Evidence, normEvidence(e))
	}
	for _, a := range g.Actors {
		out.Actors = append(out.Actors, normActor(a))
	}
	out.Relations = append(out.Relations, g.Relations...)
	out.Citations = append(out.Citations, g.Citations...)
	sort.Slice(out.Sources, func(i, j int) bool { return out.Sources[i].ID < out.Sources[j].ID })
	sort.Slice(out.Claims, func(i, j int) bool { return out.Claims[i].ID < out.Claims[j].ID })
	sort.Slice(out.Evidence, func(i, j int) bool { return out.Evidence[i].ID < out.Evidence[j].ID })
	sort.Slice(out.Actors, func(i, j int) bool { return out.Actors[i].ID < out.Actors[j].ID })
	sort.Slice(out.Relations, func(i, j int) bool { return out.Relations[i].ID < out.Relations[j].ID })
	sort.Slice(out.Citations, func(i, j int) bool { return out.Citations[i].ID < out.Citations[j].ID })
	return out
}

// ids returns the IDs of records in order.
func ids[T any](records []T, id func(T) string) []string {
	out := make([]string, len(records))
	for i, r := range records {
		out[i] = id(r)
	}
	return out
}

func sourceID(s argmap.Source) string     { return s.ID }
func claimID(c argmap.Claim) string       { return c.ID }
func evidenceID(e argmap.Evidence) string { return e.ID }
func actorID(a argmap.Actor) string       { return a.ID }
func relationID(r argmap.Relation) string { return r.ID }
func citationID(c argmap.Citation) string { return c.ID }

// sorted returns a sorted copy of ss.
func sorted(ss ...string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}
