package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// Citations returns the citations source id makes, by start then ID.
func (s *Store) Citations(ctx context.Context, id string) ([]argmap.Citation, error) {
	out := []argmap.Citation{}
	err := s.read(ctx, "list citations", func(t tx) error {
		recs, err := run(ctx, t, qCitationsOfSource, map[string]any{"source": id})
		if err != nil {
			return err
		}
		out, err = mapAll(recs, citationFrom)
		return err
	})
	return out, err
}
