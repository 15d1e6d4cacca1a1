package sqlitestore_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// lateCancel is a context that reports itself cancelled from its n-th call
// of Err on, and whose Done channel never closes: a cancellation that only a
// check between statements sees.
type lateCancel struct {
	context.Context
	n, calls atomic.Int64
	done     chan struct{}
}

func (c *lateCancel) Done() <-chan struct{} { return c.done }

func (c *lateCancel) Err() error {
	if c.calls.Add(1) >= c.n.Load() {
		return context.Canceled
	}
	return nil
}

// TestWriteGraphCancelledBetweenRows checks that a write whose context is
// cancelled while it writes a graph row by row stops at the next statement
// and stores nothing of the graph, and that the store is usable after it.
func TestWriteGraphCancelledBetweenRows(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	graph := func() *argmap.Graph {
		src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Text: "Some words here."}
		g := &argmap.Graph{Sources: []argmap.Source{src}}
		for i := range 40 {
			g.Claims = append(g.Claims, argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Claim %d.", i),
				Origin: argmap.OriginExtracted, Keys: []string{"some|words", fmt.Sprintf("claim|%d", i)},
				Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: 4}}})
		}
		for i := 1; i < len(g.Claims); i++ {
			g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports,
				From: []string{g.Claims[i].ID}, To: g.Claims[0].ID, Origin: argmap.OriginExtracted})
		}
		return g
	}
	stopped, stored := 0, 0
	for _, n := range []int64{5, 20, 35, 120} {
		c := &lateCancel{Context: ctx, done: make(chan struct{})}
		c.n.Store(n)
		err := s.WriteGraph(c, graph())
		if err == nil {
			stored++ // done before the n-th check
			continue
		}
		stopped++
		if !errors.Is(err, context.Canceled) {
			t.Errorf("WriteGraph() cancelled after %d checks = %v, want context.Canceled in the chain", n, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Claims != 40*stored {
			t.Errorf("Stats() after a write cancelled after %d checks = %+v, want %d claims (nothing of it stored)", n, st, 40*stored)
		}
	}
	if stopped < 3 {
		t.Errorf("%d of 4 writes cancelled part way stopped, want at least 3", stopped)
	}
	if err := s.WriteGraph(ctx, graph()); err != nil {
		t.Fatalf("WriteGraph() after cancelled writes = %v", err)
	}
	if st, _ := s.Stats(ctx); st.Claims != 40*(stored+1) || st.Relations != 39*(stored+1) {
		t.Errorf("Stats() = %+v, want %d claims and %d relations", st, 40*(stored+1), 39*(stored+1))
	}
}
