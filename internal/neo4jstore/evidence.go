package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateEvidence stores e. EINVALID, ECONFLICT.
func (s *Store) CreateEvidence(ctx context.Context, e *argmap.Evidence) error {
	if e == nil {
		return argmap.Errorf(argmap.EINVALID, "the evidence is missing")
	}
	// The record's own problems first, all of them; then its references.
	if err := e.Validate(); err != nil {
		return err
	}
	g := &argmap.Graph{Evidence: []argmap.Evidence{*e}}
	if err := s.writeGraph(ctx, g, writeMode{what: "create evidence"}); err != nil {
		return err
	}
	e.CreatedAt = g.Evidence[0].CreatedAt
	return nil
}

func evidenceByIDs(ctx context.Context, t tx, ids []string) ([]argmap.Evidence, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, t, qEvidenceByIDs, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return mapAll(recs, evidenceFrom)
}

// Evidence returns one piece of evidence with its spans. ENOTFOUND.
func (s *Store) Evidence(ctx context.Context, id string) (*argmap.Evidence, error) {
	var out []argmap.Evidence
	err := s.read(ctx, "read evidence", func(t tx) (err error) {
		out, err = evidenceByIDs(ctx, t, []string{id})
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

// UpdateEvidence applies u. ENOTFOUND, EINVALID.
func (s *Store) UpdateEvidence(ctx context.Context, id string, u argmap.EvidenceUpdate) (*argmap.Evidence, error) {
	var out *argmap.Evidence
	err := s.write(ctx, "update evidence", func(t tx) error {
		es, err := evidenceByIDs(ctx, t, []string{id})
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
		if _, err := run(ctx, t, qEvidenceUpdate, map[string]any{
			"id": id, "text": e.Text, "kind": optStr(e.Kind), "score": e.Score,
		}); err != nil {
			return err
		}
		out = &e
		return nil
	})
	return out, err
}

// DeleteEvidence removes it and the relations that use it. ENOTFOUND.
func (s *Store) DeleteEvidence(ctx context.Context, id string) error {
	return s.deleteNode(ctx, "delete evidence", argmap.KindEvidence, id)
}

// EvidenceList lists evidence with spans, ordered by ID.
func (s *Store) EvidenceList(ctx context.Context, f argmap.EvidenceFilter) ([]argmap.Evidence, error) {
	after, limit := page(f.Page)
	var out []argmap.Evidence
	err := s.read(ctx, "list evidence", func(t tx) error {
		recs, err := run(ctx, t, qEvidenceList, map[string]any{"after": after, "source": f.SourceID, "limit": limit})
		if err != nil {
			return err
		}
		ids, err := column[string](recs, "id")
		if err != nil {
			return err
		}
		out, err = evidenceByIDs(ctx, t, ids)
		return err
	})
	if out == nil && err == nil {
		out = []argmap.Evidence{}
	}
	return out, err
}

// SearchEvidence implements argmap.EvidenceStore through the evidence_text
// full-text index.
func (s *Store) SearchEvidence(ctx context.Context, q string, limit int) ([]argmap.EvidenceHit, error) {
	lq := fullTextQuery(q)
	if lq == "" {
		return []argmap.EvidenceHit{}, nil
	}
	n := int64(argmap.Page{Limit: limit}.Size())
	var out []argmap.EvidenceHit
	err := s.readSingle(ctx, "search evidence", func(t tx) error {
		recs, err := run(ctx, t, qEvidenceSearch, map[string]any{"query": lq, "limit": n})
		if err != nil {
			return err
		}
		out = make([]argmap.EvidenceHit, 0, len(recs))
		for _, r := range recs {
			e, err := evidenceFrom(r)
			if err != nil {
				return err
			}
			score, err := field[float64](r, "score")
			if err != nil {
				return err
			}
			out = append(out, argmap.EvidenceHit{Evidence: e, Rank: score})
		}
		return nil
	})
	return out, err
}
