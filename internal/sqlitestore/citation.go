package sqlitestore

import (
	"context"
	"database/sql"

	"github.com/argmap/argmap/internal/argmap"
)

// Citations returns the citations source id makes, by start then ID.
func (s *Store) Citations(ctx context.Context, id string) ([]argmap.Citation, error) {
	out := []argmap.Citation{}
	err := s.read(ctx, "list citations", func(tx *sql.Tx) error {
		cs, err := scanCitations(ctx, tx, `SELECT `+citationCols+` FROM citations t WHERE t.source_id = ? ORDER BY t.start, t.id`, id)
		if cs != nil {
			out = cs
		}
		return err
	})
	return out, err
}
