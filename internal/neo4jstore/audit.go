package neo4jstore

import (
	"context"
	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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
	refs := []string{}
	seen := map[string]bool{}
	for _, r := range e.Refs {
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	return s.write(ctx, "record audit entry", func(t tx) error {
		_, err := run(ctx, t, qAuditCreate, map[string]any{
			"id": e.ID, "at": ms(e.At), "who": e.Who, "action": e.Action, "kind": string(e.Kind),
			"target_id": e.TargetID, "refs": refs, "before": string(e.Before), "after": string(e.After),
		})
		return err
	})
}

// Audit lists entries, newest first.
func (s *Store) Audit(ctx context.Context, f argmap.AuditFilter) ([]argmap.AuditEntry, error) {
	after, limit := page(f.Page)
	out := []argmap.AuditEntry{}
	err := s.read(ctx, "list audit entries", func(t tx) error {
		recs, err := run(ctx, t, qAuditList, map[string]any{"after": after, "node": f.NodeID, "who": f.Who, "limit": limit})
		if err != nil {
			return err
		}
		out, err = mapAll(recs, auditFrom)
		return err
	})
	return out, err
}

// auditFrom maps an audit_list record.
func auditFrom(rec *neo4j.Record) (argmap.AuditEntry, error) {
	v, _ := rec.Get("entry")
	p, err := propsOf(v)
	if err != nil {
		return argmap.AuditEntry{}, err
	}
	r := reader{p: p}
	e := argmap.AuditEntry{
		ID: r.str("id"), At: r.time("at"), Who: r.str("who"), Action: r.str("action"),
		Kind: argmap.NodeKind(r.str("kind")), TargetID: r.str("target_id"), Refs: r.strs("refs"),
	}
	if b := r.str("before"); b != "" {
		e.Before = json.RawMessage(b)
	}
	if a := r.str("after"); a != "" {
		e.After = json.RawMessage(a)
	}
	if len(e.Refs) == 0 {
		e.Refs = nil
	}
	return e, r.err
}

// UpdateRelation applies u and returns the relation. ENOTFOUND, EINVALID.
func (s *Store) UpdateRelation(ctx context.Context, id string, u argmap.RelationUpdate) (*argmap.Relation, error) {
	var out *argmap.Relation
	err := s.write(ctx, "update relation", func(t tx) error {
		rs, err := relationsByIDs(ctx, t, []string{id})
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
		if _, err := run(ctx, t, qRelationUpdate, map[string]any{
			"id": id, "kind": string(r.Kind), "origin": string(r.Origin), "score": r.Score,
		}); err != nil {
			return err
		}
		out = &r
		return nil
	})
	return out, err
}
