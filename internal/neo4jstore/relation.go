package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateRelation stores r. EINVALID (also for an unknown endpoint), ECONFLICT.
func (s *Store) CreateRelation(ctx context.Context, r *argmap.Relation) error {
	if r == nil {
		return argmap.Errorf(argmap.EINVALID, "the relation is missing")
	}
	// The record's own problems first, all of them; then its references.
	if err := r.Validate(); err != nil {
		return err
	}
	g := &argmap.Graph{Relations: []argmap.Relation{*r}}
	if err := s.writeGraph(ctx, g, writeMode{what: "create relation"}); err != nil {
		return err
	}
	r.CreatedAt = g.Relations[0].CreatedAt
	return nil
}

func relationsByIDs(ctx context.Context, t tx, ids []string) ([]argmap.Relation, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, t, qRelationsByIDs, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return mapAll(recs, relationFrom)
}

// Relation returns one relation. ENOTFOUND.
func (s *Store) Relation(ctx context.Context, id string) (*argmap.Relation, error) {
	var out []argmap.Relation
	err := s.read(ctx, "read relation", func(t tx) (err error) {
		out, err = relationsByIDs(ctx, t, []string{id})
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

// DeleteRelation removes the relation and the relations that target it.
// ENOTFOUND.
func (s *Store) DeleteRelation(ctx context.Context, id string) error {
	return s.deleteNode(ctx, "delete relation", argmap.KindRelation, id)
}

// Relations lists relations, ordered by ID.
func (s *Store) Relations(ctx context.Context, f argmap.RelationFilter) ([]argmap.Relation, error) {
	after, limit := page(f.Page)
	var out []argmap.Relation
	err := s.read(ctx, "list relations", func(t tx) error {
		recs, err := run(ctx, t, qRelationsList, map[string]any{"after": after, "node": f.NodeID, "kind": string(f.Kind), "limit": limit})
		if err != nil {
			return err
		}
		ids, err := column[string](recs, "id")
		if err != nil {
			return err
		}
		out, err = relationsByIDs(ctx, t, ids)
		return err
	})
	if out == nil && err == nil {
		out = []argmap.Relation{}
	}
	return out, err
}
