package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// RecordAudit stores e; a zero At is set to argmap.Now(). EINVALID,
// ECONFLICT.
func (s *Store) RecordAudit(ctx context.Context, e *argmap.AuditEntry) error {
	if e == nil {
		return argmap.Errorf(argmap.EINVALID, "the audit entry is missing")
	}
	if err := e.Validate(); err != nil {
		return err
	}
	e.At = orNow(e.At)
	return s.write(ctx, "record audit entry", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit (id, at, who, action, kind, target_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, ms(e.At), e.Who, e.Action, string(e.Kind), e.TargetID, string(e.Before), string(e.After)); err != nil {
			return err
		}
		seen := map[string]bool{}
		for i, r := range e.Refs {
			if seen[r] {
				continue
			}
			seen[r] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO audit_refs (audit_id, node_id, position) VALUES (?, ?, ?)`, e.ID, r, i); err != nil {
				return err
			}
		}
		return nil
	})
}

// Audit lists entries, newest first.
func (s *Store) Audit(ctx context.Context, f argmap.AuditFilter) ([]argmap.AuditEntry, error) {
	var where []string
	var args []any
	if f.After != "" {
		where = append(where, `(a.at, a.id) < (SELECT x.at, x.id FROM audit x WHERE x.id = ?)`)
		args = append(args, f.After)
	}
	if f.NodeID != "" {
		where = append(where, `(a.target_id = ? OR EXISTS (SELECT 1 FROM audit_refs r WHERE r.audit_id = a.id AND r.node_id = ?))`)
		args = append(args, f.NodeID, f.NodeID)
	}
	if f.Who != "" {
		where = append(where, `a.who = ?`)
		args = append(args, f.Who)
	}
	q := `SELECT a.id, a.at, a.who, a.action, a.kind, a.target_id, a.before, a.after,
		(SELECT json_group_array(node_id) FROM (SELECT node_id FROM audit_refs r WHERE r.audit_id = a.id ORDER BY position))
		FROM audit a`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY a.at DESC, a.id DESC LIMIT ?`
	args = append(args, f.Size())
	out := []argmap.AuditEntry{}
	err := s.read(ctx, "list audit entries", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e argmap.AuditEntry
			var at int64
			var kind, before, after, refs string
			if err := rows.Scan(&e.ID, &at, &e.Who, &e.Action, &kind, &e.TargetID, &before, &after, &refs); err != nil {
				return err
			}
			e.At, e.Kind = fromMS(at), argmap.NodeKind(kind)
			if before != "" {
				e.Before = json.RawMessage(before)
			}
			if after != "" {
				e.After = json.RawMessage(after)
			}
			if err := json.Unmarshal([]byte(refs), &e.Refs); err != nil {
				return err
			}
			if len(e.Refs) == 0 {
				e.Refs = nil
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

// UpdateRelation applies u and returns the relation. ENOTFOUND, EINVALID.
func (s *Store) UpdateRelation(ctx context.Context, id string, u argmap.RelationUpdate) (*argmap.Relation, error) {
	var out *argmap.Relation
	err := s.write(ctx, "update relation", func(tx *sql.Tx) error {
		rs, err := scanRelations(ctx, tx, `SELECT `+relationCols+` FROM relations r WHERE r.id = ?`, id)
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return notFound(argmap.KindRelation, id)
		}
		r := rs[0]
		if err := u.Apply(&r); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE relations SET kind = ?, origin = ?, score = ? WHERE id = ?`,
			string(r.Kind), string(r.Origin), r.Score, id); err != nil {
			return err
		}
		out = &r
		return nil
	})
	return out, err
}
