package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// notFound returns the ENOTFOUND error of an unknown ID.
func notFound(kind argmap.NodeKind, id string) error {
	return argmap.Errorf(argmap.ENOTFOUND, "%s %s not found", kind, id)
}

// page returns the after and limit parameters of p.
func page(p argmap.Page) (string, int64) { return p.After, int64(p.Size()) }

// CreateSource stores src. EINVALID, ECONFLICT (ID or content hash taken).
func (s *Store) CreateSource(ctx context.Context, src *argmap.Source) error {
	if src == nil {
		return argmap.Errorf(argmap.EINVALID, "the source is missing")
	}
	// The record's own problems first, all of them; then its references.
	if err := src.Validate(); err != nil {
		return err
	}
	g := &argmap.Graph{Sources: []argmap.Source{*src}}
	if err := s.writeGraph(ctx, g, writeMode{what: "create source"}); err != nil {
		return err
	}
	src.CreatedAt = g.Sources[0].CreatedAt
	return nil
}

// Source returns the source with its text. ENOTFOUND if unknown.
func (s *Store) Source(ctx context.Context, id string) (*argmap.Source, error) {
	return s.oneSource(ctx, "read source", qSourceGet, map[string]any{"id": id}, id)
}

// SourceByHash returns the source with the content hash. ENOTFOUND if none.
func (s *Store) SourceByHash(ctx context.Context, hash string) (*argmap.Source, error) {
	return s.oneSource(ctx, "read source", qSourceByHash, map[string]any{"hash": hash}, "with hash "+hash)
}

func (s *Store) oneSource(ctx context.Context, what, q string, params map[string]any, name string) (*argmap.Source, error) {
	var out []argmap.Source
	err := s.read(ctx, what, func(t tx) error {
		recs, err := run(ctx, t, q, params)
		if err != nil {
			return err
		}
		out, err = mapAll(recs, keyed("s", sourceFrom))
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, notFound(argmap.KindSource, name)
	}
	return &out[0], nil
}

// Sources lists sources without their text, ordered by ID.
func (s *Store) Sources(ctx context.Context, f argmap.SourceFilter) ([]argmap.Source, error) {
	after, limit := page(f.Page)
	var out []argmap.Source
	err := s.read(ctx, "list sources", func(t tx) error {
		recs, err := run(ctx, t, qSourcesList, map[string]any{"after": after, "kind": f.Kind, "query": f.Query, "limit": limit})
		if err != nil {
			return err
		}
		out, err = mapAll(recs, keyed("s", sourceFrom))
		return err
	})
	return out, err
}

// SourcesByID returns the sources with the given IDs without their text,
// ordered by ID, in one statement; unknown IDs are left out.
func (s *Store) SourcesByID(ctx context.Context, ids []string) ([]argmap.Source, error) {
	ids = uniqueSorted(append([]string(nil), ids...))
	if len(ids) == 0 {
		return []argmap.Source{}, nil
	}
	out := []argmap.Source{}
	err := s.readSingle(ctx, "read sources", func(t tx) error {
		recs, err := run(ctx, t, qSourcesByIDs, map[string]any{"ids": ids})
		if err != nil {
			return err
		}
		list, err := mapAll(recs, keyed("s", sourceFrom))
		out = append(out[:0], list...)
		return err
	})
	return out, err
}

// DeleteSource removes the source, its spans and citations, the extracted
// claims and evidence stated only in it, with their relations, and the
// actors of those claims that no other claim names. ENOTFOUND if unknown.
func (s *Store) DeleteSource(ctx context.Context, id string) error {
	return s.write(ctx, "delete source", func(t tx) error {
		recs, err := run(ctx, t, qSourceOrphans, map[string]any{"id": id})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return notFound(argmap.KindSource, id)
		}
		orphans, err := field[[]any](recs[0], "orphans")
		if err != nil {
			return err
		}
		var ids []string
		for _, o := range orphans {
			if s, ok := o.(string); ok {
				ids = append(ids, s)
			}
		}
		actors, err := field[[]any](recs[0], "actors")
		if err != nil {
			return err
		}
		if err := deleteNodes(ctx, t, ids); err != nil {
			return err
		}
		if len(actors) > 0 {
			if _, err := run(ctx, t, qActorsUnnamedDelete, map[string]any{"ids": actors}); err != nil {
				return err
			}
		}
		_, err = run(ctx, t, qSourceDelete, map[string]any{"id": id})
		return err
	})
}

// deleteNodes deletes claims, evidence and relations by ID together with
// every relation that uses them, and in turn the relations that target
// those (undercuts), however deep.
func deleteNodes(ctx context.Context, t tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	sets := splitIDs(ids)
	recs, err := run(ctx, t, qRelationsUsing, map[string]any{
		"claims": sets.list(argmap.KindClaim), "evidence": sets.list(argmap.KindEvidence), "relations": sets.list(argmap.KindRelation),
	})
	if err != nil {
		return err
	}
	using, err := column[string](recs, "id")
	if err != nil {
		return err
	}
	rels := append(append([]string{}, sets.list(argmap.KindRelation)...), using...)
	recs, err = run(ctx, t, qRelationsUndercutting, map[string]any{"ids": rels})
	if err != nil {
		return err
	}
	under, err := column[string](recs, "id")
	if err != nil {
		return err
	}
	all := splitIDs(append(rels, under...))
	if _, err := run(ctx, t, qRelationsDelete, map[string]any{"ids": all.list(argmap.KindRelation)}); err != nil {
		return err
	}
	if len(sets[argmap.KindClaim]) > 0 {
		if _, err := run(ctx, t, qClaimsDelete, map[string]any{"ids": sets.list(argmap.KindClaim)}); err != nil {
			return err
		}
	}
	if len(sets[argmap.KindEvidence]) > 0 {
		if _, err := run(ctx, t, qEvidenceDelete, map[string]any{"ids": sets.list(argmap.KindEvidence)}); err != nil {
			return err
		}
	}
	return nil
}

// exists reports whether a claim, evidence or relation with the ID is stored.
func exists(ctx context.Context, t tx, id string) (bool, error) {
	ex, err := fetchExisting(ctx, t, []string{id})
	if err != nil {
		return false, err
	}
	return ex.ids[id], nil
}
