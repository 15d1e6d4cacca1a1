package ingest

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// CommitTogether prepares docs and commits them with commitAll, as the
// writer of IngestAll commits a batch.
func (s *Service) CommitTogether(ctx context.Context, docs []argmap.Document) ([]*argmap.IngestResult, []error) {
	ps := make([]prepared, len(docs))
	for i, d := range docs {
		ps[i] = s.prepare(ctx, d)
	}
	return s.commitAll(ctx, ps)
}
