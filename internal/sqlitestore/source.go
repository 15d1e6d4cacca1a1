package sqlitestore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateSource stores s. EINVALID if s is invalid; ECONFLICT if its ID or
// content hash is taken. A zero CreatedAt is set to argmap.Now().
func (s *Store) CreateSource(ctx context.Context, src *argmap.Source) error {
	if err := src.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "create source", func(tx *sql.Tx) error {
		g := &argmap.Graph{Sources: []argmap.Source{*src}}
		if err := s.writeGraph(ctx, tx, g, writeMode{}); err != nil {
			return err
		}
		src.CreatedAt = g.Sources[0].CreatedAt
		return nil
	})
}

// Source returns the source with its text. ENOTFOUND if unknown.
func (s *Store) Source(ctx context.Context, id string) (*argmap.Source, error) {
	return s.oneSource(ctx, `WHERE s.id = ?`, id, func() error { return notFound(argmap.KindSource, id) })
}

// SourceByHash returns the source with the content hash. ENOTFOUND if none.
func (s *Store) SourceByHash(ctx context.Context, hash string) (*argmap.Source, error) {
	return s.oneSource(ctx, `WHERE s.content_hash = ?`, hash, func() error {
		return argmap.Errorf(argmap.ENOTFOUND, "no source with content hash %s", hash)
	})
}

func (s *Store) oneSource(ctx context.Context, where, arg string, missing func() error) (*argmap.Source, error) {
	var out []argmap.Source
	query := `SELECT ` + sourceCols + `, s.text FROM sources s ` + where
	// one query: outside a transaction, with the statement prepared once
	// on the pool (ingest asks for each document's content hash before
	// extracting it)
	if s.tx == nil && s.rc != nil && ctx.Err() == nil {
		if st, ok := s.rc.lookup(query); ok {
			rows, err := st.QueryContext(ctx, arg)
			if err == nil {
				out, err = sourceRows(rows, true)
			}
			if err != nil {
				return nil, translate(ctx, err, "read source")
			}
			if len(out) == 0 {
				return nil, missing()
			}
			return &out[0], nil
		}
	}
	err := s.read(ctx, "read source", func(tx *sql.Tx) error {
		st, err := s.readStmt(ctx, tx, query)
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, arg)
		if err != nil {
			return err
		}
		out, err = sourceRows(rows, true)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, missing()
	}
	return &out[0], nil
}

// Sources lists sources without their text, ordered by ID. Query matches the
// title case-insensitively (ASCII case folding).
func (s *Store) Sources(ctx context.Context, f argmap.SourceFilter) ([]argmap.Source, error) {
	var where []string
	args := []any{f.After}
	where = append(where, `s.id > ?`)
	if f.Kind != "" {
		where = append(where, `s.kind = ?`)
		args = append(args, f.Kind)
	}
	if f.Query != "" {
		where = append(where, `instr(lower(s.title), lower(?)) > 0`)
		args = append(args, f.Query)
	}
	args = append(args, f.Size())
	var out []argmap.Source
	err := s.read(ctx, "list sources", func(tx *sql.Tx) error {
		var err error
		out, err = scanSources(ctx, tx, false, `SELECT `+sourceCols+` FROM sources s WHERE `+
			strings.Join(where, " AND ")+` ORDER BY s.id LIMIT ?`, args...)
		return err
	})
	return out, err
}

// SourcesByID returns the sources with the given IDs without their text,
// ordered by ID, in one query; unknown IDs are left out.
func (s *Store) SourcesByID(ctx context.Context, ids []string) ([]argmap.Source, error) {
	if len(ids) == 0 {
		return []argmap.Source{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, translate(ctx, err, "read sources")
	}
	if _, c, err := s.copies(ctx); err != nil {
		return nil, translate(ctx, err, "read sources")
	} else if c != nil {
		return c.sourcesByID(ids), nil
	}
	out := []argmap.Source{}
	err := s.read(ctx, "read sources", func(tx *sql.Tx) error {
		c, err := s.content(ctx, prepared{s, tx})
		if err != nil {
			return err
		}
		if c != nil {
			out = c.sourcesByID(ids)
			return nil
		}
		list, err := scanSources(ctx, prepared{s, tx}, false, `SELECT `+sourceCols+` FROM sources s
			WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id`, jsonList(ids))
		out = append(out[:0], list...)
		return err
	})
	return out, err
}

// DeleteSource removes the source, its spans and citations; citations of it
// by other sources lose their cited ID and relations stated in it lose their
// span. Extracted claims and evidence left with no span are removed too, with
// their relations. ENOTFOUND if unknown.
func (s *Store) DeleteSource(ctx context.Context, id string) error {
	return s.write(ctx, "delete source", func(tx *sql.Tx) error {
		ok, err := exists(ctx, tx, id)
		if err != nil {
			return err
		}
		if !ok || argmap.KindOf(id) != argmap.KindSource {
			return notFound(argmap.KindSource, id)
		}
		// the view spans, by its parts (migration 0018)
		affected, err := collect(ctx, tx, `SELECT id FROM claims WHERE span_source_id = ?1
			UNION SELECT id FROM evidence WHERE span_source_id = ?1 UNION SELECT node_id FROM extra_spans WHERE source_id = ?1`, id)
		if err != nil {
			return err
		}
		// the view spans, by its parts (migration 0018)
		if _, err := tx.ExecContext(ctx, `DELETE FROM extra_spans WHERE source_id = ?`, id); err != nil {
			return err
		}
		for _, table := range []string{"claims", "evidence"} {
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET span_source_id = NULL, span_start = 0, span_end = 0, span_quote = NULL
				WHERE span_source_id = ?`, id); err != nil {
				return err
			}
		}
		list := jsonList(affected)
		orphans, err := collect(ctx, tx, `
			SELECT c.id FROM claims c WHERE c.id IN (SELECT value FROM json_each(?1)) AND c.origin = 'extracted'
				AND c.span_source_id IS NULL AND NOT EXISTS (SELECT 1 FROM extra_spans p WHERE p.node_id = c.id)
			UNION ALL
			SELECT e.id FROM evidence e WHERE e.id IN (SELECT value FROM json_each(?1)) AND e.origin = 'extracted'
				AND e.span_source_id IS NULL AND NOT EXISTS (SELECT 1 FROM extra_spans p WHERE p.node_id = e.id)`, list)
		if err != nil {
			return err
		}
		// the views claim_actors and evidence_actors, by their parts (migration 0019)
		actors, err := collect(ctx, tx, `SELECT actor_id FROM claims WHERE id IN (SELECT value FROM json_each(?1)) AND actor_id IS NOT NULL
			UNION SELECT actor_id FROM extra_claim_actors WHERE claim_id IN (SELECT value FROM json_each(?1))
			UNION SELECT actor_id FROM evidence WHERE id IN (SELECT value FROM json_each(?1)) AND actor_id IS NOT NULL
			UNION SELECT actor_id FROM extra_evidence_actors WHERE evidence_id IN (SELECT value FROM json_each(?1))`, jsonList(orphans))
		if err != nil {
			return err
		}
		if err := deleteNodes(ctx, tx, orphans); err != nil {
			return err
		}
		// the actors of the removed claims and evidence that no claim or
		// evidence names any more
		if _, err := tx.ExecContext(ctx, `
			DELETE FROM actors WHERE id IN (SELECT value FROM json_each(?))
				AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.actor_id = actors.id)
				AND NOT EXISTS (SELECT 1 FROM extra_claim_actors ca WHERE ca.actor_id = actors.id)
				AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.actor_id = actors.id)
				AND NOT EXISTS (SELECT 1 FROM extra_evidence_actors ea WHERE ea.actor_id = actors.id)`, jsonList(actors)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
		return err
	})
}

// deleteNodes removes claims and evidence, every relation that uses them and,
// in turn, every relation that targets a removed relation.
func deleteNodes(ctx context.Context, tx *sql.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	list := jsonList(ids)
	if err := deleteRelations(ctx, tx, `
		SELECT id FROM relations WHERE premise_id IN (SELECT value FROM json_each(?1))
		UNION SELECT relation_id FROM extra_premises WHERE node_id IN (SELECT value FROM json_each(?1))
		UNION SELECT id FROM relations WHERE to_id IN (SELECT value FROM json_each(?1))`, list); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE id IN (SELECT value FROM json_each(?))`, list); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id IN (SELECT value FROM json_each(?))`, list)
	return err
}

// deleteRelations removes the relations seed selects and, recursively, the
// relations that target removed ones (undercuts).
func deleteRelations(ctx context.Context, tx *sql.Tx, seed string, args ...any) error {
	_, err := tx.ExecContext(ctx, `
		WITH RECURSIVE doomed(id) AS (
			`+seed+`
			UNION SELECT r.id FROM relations r JOIN doomed d ON r.to_id = d.id
		)
		DELETE FROM relations WHERE id IN (SELECT id FROM doomed)`, args...)
	return err
}
