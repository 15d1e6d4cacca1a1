package sqlitestore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateRelation stores r. EINVALID if r is invalid or an endpoint does not
// exist; ECONFLICT if its ID is taken. A zero CreatedAt is set to
// argmap.Now().
func (s *Store) CreateRelation(ctx context.Context, r *argmap.Relation) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "create relation", func(tx *sql.Tx) error {
		g := &argmap.Graph{Relations: []argmap.Relation{*r}}
		if err := s.writeGraph(ctx, tx, g, writeMode{}); err != nil {
			return err
		}
		r.CreatedAt = g.Relations[0].CreatedAt
		return nil
	})
}

// Relation returns one relation. ENOTFOUND.
func (s *Store) Relation(ctx context.Context, id string) (*argmap.Relation, error) {
	var out []argmap.Relation
	err := s.read(ctx, "read relation", func(tx *sql.Tx) error {
		var err error
		out, err = scanRelations(ctx, tx, `SELECT `+relationCols+` FROM relations r WHERE r.id = ?`, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, notFound(argmap.KindRelation, id)
	}
	return &out[0], nil
}

// RelationEnds returns the relation's premises (in order) and target, as
// Relation has them: from the relations copy when it holds the store as it
// is now (no read transaction: answers name every inference their chains
// pass through by the texts it joins), else from Relation. ENOTFOUND.
func (s *Store) RelationEnds(ctx context.Context, id string) ([]string, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", translate(ctx, err, "read relation")
	}
	if g, _, err := s.copies(ctx); err != nil {
		return nil, "", translate(ctx, err, "read relation")
	} else if g != nil {
		if from, to, ok := g.ends(id); ok {
			return from, to, nil
		}
		return nil, "", notFound(argmap.KindRelation, id)
	}
	r, err := s.Relation(ctx, id)
	if err != nil {
		return nil, "", err
	}
	return r.From, r.To, nil
}

// DeleteRelation removes the relation and, recursively, the relations that
// target it. ENOTFOUND.
func (s *Store) DeleteRelation(ctx context.Context, id string) error {
	return s.write(ctx, "delete relation", func(tx *sql.Tx) error {
		ok, err := exists(ctx, tx, id)
		if err != nil {
			return err
		}
		if !ok || argmap.KindOf(id) != argmap.KindRelation {
			return notFound(argmap.KindRelation, id)
		}
		return deleteRelations(ctx, tx, `SELECT ?1`, id)
	})
}

// Relations lists relations, ordered by ID.
func (s *Store) Relations(ctx context.Context, f argmap.RelationFilter) ([]argmap.Relation, error) {
	where := []string{`r.id > ?`}
	args := []any{f.After}
	if f.NodeID != "" {
		// the node's relations from the indexes (relations_to,
		// relations_premise, extra_premises_node), not every relation
		// tested in ID order: 1.2 s for a claim's relations in a store of
		// 300k
		where = append(where, `r.id IN (SELECT id FROM relations WHERE to_id = ? UNION SELECT id FROM relations WHERE premise_id = ?
			UNION SELECT relation_id FROM extra_premises WHERE node_id = ?)`)
		args = append(args, f.NodeID, f.NodeID, f.NodeID)
	}
	if f.Kind != "" {
		where = append(where, `r.kind = ?`)
		args = append(args, string(f.Kind))
	}
	args = append(args, f.Size())
	var out []argmap.Relation
	err := s.read(ctx, "list relations", func(tx *sql.Tx) error {
		var err error
		out, err = scanRelations(ctx, tx, `SELECT `+relationCols+` FROM relations r WHERE `+
			strings.Join(where, " AND ")+` ORDER BY r.id LIMIT ?`, args...)
		return err
	})
	return out, err
}
