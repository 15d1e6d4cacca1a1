package sqlitestore

import (
	"context"
	"database/sql"
	"sort"
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
		if err := s.writeGraph(ctx, tx, g, writeMode{}); err != nil {
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
		// span_quote: NULL when the quote is the text (migration 0021)
		if _, err := tx.ExecContext(ctx, `UPDATE evidence SET text = ?1, kind = ?, score = ?,
				span_quote = iif(span_source_id IS NULL, NULL, nullif(coalesce(span_quote, text), ?1)) WHERE id = ?`,
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
		where = append(where, `(e.span_source_id = ? OR EXISTS (SELECT 1 FROM extra_spans p WHERE p.node_id = e.id AND p.source_id = ?))`)
		args = append(args, f.SourceID, f.SourceID)
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

// SearchEvidence ranks evidence against a free-text query, best first, by
// BM25 with Porter stemming, as SearchClaims does claims: evidence with
// every word first, then evidence with any of them.
func (s *Store) SearchEvidence(ctx context.Context, q string, limit int) ([]argmap.EvidenceHit, error) {
	terms := quotedTerms(q)
	if len(terms) == 0 {
		return []argmap.EvidenceHit{}, nil
	}
	size := argmap.Page{Limit: limit}.Size()
	var hits []argmap.EvidenceHit
	err := s.read(ctx, "search evidence", func(tx *sql.Tx) error {
		if ok, err := s.searchEvidenceInMemory(ctx, tx, q, size, &hits); ok || err != nil {
			return err
		}
		rank := map[string]float64{}
		var order []string
		for _, match := range []string{strings.Join(terms, " AND "), strings.Join(terms, " OR ")} {
			rows, err := tx.QueryContext(ctx, `SELECT e.id, h.rank FROM (
				SELECT rowid, -bm25(evidence_fts) AS rank FROM evidence_fts
				WHERE evidence_fts MATCH ? ORDER BY bm25(evidence_fts) LIMIT ?
			) h JOIN evidence e ON e.rowid = h.rowid ORDER BY h.rank DESC, e.id`, match, size)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id string
				var r float64
				if err := rows.Scan(&id, &r); err != nil {
					rows.Close()
					return err
				}
				if _, ok := rank[id]; !ok {
					rank[id] = r
					order = append(order, id)
				}
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if len(order) >= size || len(terms) == 1 {
				break
			}
		}
		if len(order) == 0 {
			hits = []argmap.EvidenceHit{}
			return nil
		}
		args := make([]any, len(order))
		for i, id := range order {
			args[i] = id
		}
		evs, err := scanEvidence(ctx, tx, `SELECT `+evidenceCols+` FROM evidence e WHERE e.id IN (?`+
			strings.Repeat(", ?", len(order)-1)+`)`, args...)
		if err != nil {
			return err
		}
		hits = make([]argmap.EvidenceHit, 0, len(evs))
		for _, e := range evs {
			hits = append(hits, argmap.EvidenceHit{Evidence: e, Rank: rank[e.ID]})
		}
		sort.SliceStable(hits, func(i, j int) bool {
			if hits[i].Rank != hits[j].Rank {
				return hits[i].Rank > hits[j].Rank
			}
			return hits[i].Evidence.ID < hits[j].Evidence.ID
		})
		if len(hits) > size {
			hits = hits[:size]
		}
		return nil
	})
	return hits, err
}

// searchEvidenceInMemory ranks the evidence from the content copy when it
// holds what tx sees and every query word is one term, reading only the
// winners from SQL; false when the query is left to FTS5.
func (s *Store) searchEvidenceInMemory(ctx context.Context, tx *sql.Tx, q string, size int, hits *[]argmap.EvidenceHit) (bool, error) {
	pq := prepared{s, tx}
	c, err := s.content(ctx, pq)
	if err != nil || c == nil || c.evidenceWords == nil {
		return false, err
	}
	words := queryTerms(q)
	if len(words) == 0 {
		return false, nil
	}
	phrases, ok, err := s.tok.terms(ctx, c.evidenceWords.spec, words)
	if err != nil || !ok {
		return false, err
	}
	found := c.evidenceWords.searchAnyFill(phrases, size)
	out := []argmap.EvidenceHit{}
	if len(found) > 0 {
		ids := make([]string, len(found))
		rank := make(map[string]float64, len(found))
		for i, f := range found {
			ids[i] = c.ids.str(uint32(c.claims) + f.doc)
			rank[ids[i]] = f.score
		}
		evs, err := scanEvidence(ctx, pq, `SELECT `+evidenceCols+` FROM evidence e WHERE e.id IN (SELECT value FROM json_each(?))`, jsonList(ids))
		if err != nil {
			return false, err
		}
		for _, e := range evs {
			out = append(out, argmap.EvidenceHit{Evidence: e, Rank: rank[e.ID]})
		}
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Rank != out[j].Rank {
				return out[i].Rank > out[j].Rank
			}
			return out[i].Evidence.ID < out[j].Evidence.ID
		})
		if len(out) > size {
			out = out[:size]
		}
	}
	*hits = out
	return true, nil
}
