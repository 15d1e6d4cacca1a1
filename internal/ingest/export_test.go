package ingest

import (
	"context"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

// CommitTogether prepares docs and commits them with commitAll, as the
// writer of IngestAll commits a batch.
func (s *Service) CommitTogether(ctx context.Context, docs []argmap.Document) ([]*argmap.IngestResult, []error) {
	ps := make([]prepared, len(docs))
	for i, d := range docs {
		ps[i] = s.prepare(ctx, d)
	}
	return s.commitAll(ctx, ps, nil)
}

// BeforeCommit has IngestAll's writer call f with the index of the first
// document of each transaction, before it.
func (s *Service) BeforeCommit(f func(first int)) { s.beforeCommit = f }

// TookAhead returns how many documents IngestAll wrote with the links found
// ahead of the writer.
func (s *Service) TookAhead() int { return int(s.tookAhead.Load()) }

// SetAheadLimits lowers the bounds of the copy IngestAll links ahead against
// (claims linked ahead, keys read), so that it is started again often.
func (s *Service) SetAheadLimits(claims, keys int) { s.aheadClaims, s.aheadKeys = claims, keys }

// SetBatchLimits sets the documents in one of IngestAll's transactions, at
// most, and the writer's wait for a batch to grow.
func (s *Service) SetBatchLimits(docs int, wait time.Duration) { s.batchDocs, s.batchWait = docs, wait }

// Gate is IngestAll's sharing of n CPUs between its workers and its
// writer (the writer first).
type Gate struct{ g *gate }

// NewGate returns a gate of n CPUs that stops waiting when ctx ends.
func NewGate(ctx context.Context, n int) Gate { return Gate{newGate(ctx, n)} }

// Take waits for a CPU, the writer's turn first; false when ctx ended.
func (g Gate) Take(writer bool) bool { return g.g.take(writer) }

// Give hands a CPU back.
func (g Gate) Give() { g.g.give() }

// Waiting returns how many goroutines wait for a CPU.
func (g Gate) Waiting() int {
	g.g.mu.Lock()
	defer g.g.mu.Unlock()
	return g.g.waiting
}

// GateSize is the size of IngestAll's gate with workers (0: none).
func GateSize(workers int) int { return gateSize(workers) }

// SetBatchShare sets the share of a small corpus one of IngestAll's
// batches waits for (1/n; 0: 1 MiB whatever the corpus).
func (s *Service) SetBatchShare(n int) { s.batchShare = n }

// NewKeyRoom returns keyRoom of a new copy of linking ahead: each call
// gives the room of a found claim's keys.
func NewKeyRoom() func() []string { return newCopyIndex().keyRoom }
