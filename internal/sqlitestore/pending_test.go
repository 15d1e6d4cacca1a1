package sqlitestore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// pendingGraph is a source with n claims, each but the first supporting the
// first.
func pendingGraph(n int) *argmap.Graph {
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Text: "Some words here."}
	g := &argmap.Graph{Sources: []argmap.Source{src}}
	for i := range n {
		g.Claims = append(g.Claims, argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Claim %d.", i),
			Origin: argmap.OriginExtracted, Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: 4}}})
	}
	for i := 1; i < n; i++ {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports,
			From: []string{g.Claims[i].ID}, To: g.Claims[0].ID, Origin: argmap.OriginExtracted,
			Span: &argmap.Span{SourceID: src.ID, Start: 0, End: 4}})
	}
	return g
}

// TestPendingRelations checks the relations a graph writes at the end of
// its write, or of the transaction in Atomically (pendingRows): a later
// graph of the transaction may undercut them, a relation whose ID is taken
// fails the write with ECONFLICT naming it and stores nothing, and every
// relation is stored with its premises, span and quote, with graphs of few
// relations (one a statement) and of many (statements of many rows).
func TestPendingRelations(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()

	// graphs of 3, 20 and 300 claims, in one transaction; the second
	// undercuts a relation of the first, the third has premises beyond the
	// first
	a, b, c := pendingGraph(3), pendingGraph(20), pendingGraph(300)
	b.Relations = append(b.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests,
		From: []string{b.Claims[1].ID}, To: a.Relations[0].ID, Origin: argmap.OriginCurated})
	c.Relations[5].From = append(c.Relations[5].From, c.Claims[7].ID, c.Claims[9].ID)
	err := s.Atomically(ctx, func(tx argmap.Store) error {
		for _, g := range []*argmap.Graph{a, b, c} {
			if err := tx.WriteGraph(ctx, g); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Atomically(three graphs, the second undercutting the first) = %v", err)
	}
	for _, g := range []*argmap.Graph{a, b, c} {
		for _, want := range g.Relations {
			got, err := s.Relation(ctx, want.ID)
			if err != nil {
				t.Fatalf("Relation(%s) = %v", want.ID, err)
			}
			if got.To != want.To || strings.Join(got.From, " ") != strings.Join(want.From, " ") || got.Kind != want.Kind ||
				(want.Span != nil && (got.Span == nil || got.Span.Quote != "Some")) {
				t.Errorf("Relation(%s) = %+v, want %+v (quote Some)", want.ID, got, want)
			}
		}
	}

	// a relation whose ID is stored: ECONFLICT naming it, nothing stored,
	// in Atomically and alone, among few relations and among many
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{3, 40, 300} {
		for _, atomically := range []bool{false, true} {
			g := pendingGraph(n)
			taken := c.Relations[n/3].ID
			g.Relations[len(g.Relations)/2].ID = taken
			write := func() error { return s.WriteGraph(ctx, g) }
			if atomically {
				write = func() error {
					return s.Atomically(ctx, func(tx argmap.Store) error {
						if err := tx.WriteGraph(ctx, pendingGraph(4)); err != nil {
							return err
						}
						return tx.WriteGraph(ctx, g)
					})
				}
			}
			err := write()
			if argmap.ErrorCode(err) != argmap.ECONFLICT || !strings.Contains(err.Error(), taken) {
				t.Errorf("writing %d claims (Atomically %v) with relation %s stored already = %v, want ECONFLICT naming it", n, atomically, taken, err)
			}
			if after, err := s.Stats(ctx); err != nil || after != before {
				t.Errorf("Stats() after a failed write = %+v, %v, want %+v", after, err, before)
			}
		}
	}
}
