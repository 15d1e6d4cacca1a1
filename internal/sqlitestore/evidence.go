package sqlitestore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateEvidence stores e. EINVALID if e is invalid or names an unknown source;
// ECONFLICT if its ID is taken. A zero CreatedAt is set to argmap.Now().
func (s *Store) CreateEvidence(ctx context.Context, e *argmap.Evidence) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "create evidence", func(tx *sql.Tx) error {
		g := &argmap.Graph{Evidence: []argmap.Evidence{*e}}
		if err := writeGraph(ctx, tx, g, writeMode{}); err != nil {
			return err
		}
		e.CreatedAt = g.Evidence[0].CreatedAt
		return nil
	})
}

// Evidence returns one piece of evidence with its spans. ENOTFOUND.
func (s *Store) Evidence(ctx context.Context, id string) (*argmap.Evidence, error) {
	var out []argmap.Evidence
	err := s.read(ctx, "read evidence", func(tx *sql.Tx) error {
		var err error
		out, err = scanEvidence(ctx, tx, `SELECT `+evidenceCols+` FROM evidence e WHERE e.id = ?`, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, notFound(argmap.KindEvidence, id)
	}
	return &out[0], nil
}

// UpdateEvidence applies u and returns the evidence. ENOTFOUND, EINVALID.
func (s *Store) UpdateEvidence(ctx context.Context, id string, u argmap.EvidenceUpdate) (*argmap.Evidence, error) {
	var out *argmap.Evidence
	err := s.write(ctx, "update evidence", func(tx *sql.Tx) error {
		es, err := scanEvidence(ctx, tx, `SELECT `+evidenceCols+` FROM evidence e WHERE e.id = ?`, id)
		if err != nil {
			return err
		}
		if len(es) == 0 {
			return notFound(argmap.KindEvidence, id)
		}
		e := es[0]
		if err := u.Apply(&e); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evidence SET text = ?, kind = ?, score = ? WHERE id = ?`,
			e.Text, e.Kind, e.Score, id); err != nil {
			return err
		}
		out = &e
		return nil
	})
	return out, err
}

// DeleteEvidence removes it and the relations that use it (and, in turn,
// relations that target those). ENOTFOUND.
func (s *Store) DeleteEvidence(ctx context.Context, id string) error {
	return s.write(ctx, "delete evidence", func(tx *sql.Tx) error {
		ok, err := exists(ctx, tx, id)
		if err != nil {
			return err
		}
		if !ok || argmap.KindOf(id) != argmap.KindEvidence {
			return notFound(argmap.KindEvidence, id)
		}
		return deleteNodes(ctx, tx, []string{id})
	})
}

// EvidenceList lists evidence with spans, ordered by ID.
func (s *Store) EvidenceList(ctx context.Context, f argmap.EvidenceFilter) ([]argmap.Evidence, error) {
	where := []string{`e.id > ?`}
	args := []any{f.After}
	if f.SourceID != "" {
		where = append(where, `EXISTS (SELECT 1 FROM spans p WHERE p.node_id = e.id AND p.source_id = ?)`)
		args = append(args, f.SourceID)
	}
	args = append(args, f.Size())
	var out []argmap.Evidence
	err := s.read(ctx, "list evidence", func(tx *sql.Tx) error {
		var err error
		out, err = scanEvidence(ctx, tx, `SELECT `+evidenceCols+` FROM evidence e WHERE `+
			strings.Join(where, " AND ")+` ORDER BY e.id LIMIT ?`, args...)
		return err
	})
	return out, err
}
