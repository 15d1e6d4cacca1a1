package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// whoKey holds, in a write request's gin context, the name of the token that
// authorised it: the "who" of its audit entries.
const whoKey = "argmap.who"

// anonymous is the "who" of writes made without a token (AllowAnonymousWrites).
const anonymous = "anonymous"

// change describes one change for its audit entry: action on the record id
// of kind, touching refs, with the record before and after (nil when there
// is none).
type change struct {
	action        string
	kind          argmap.NodeKind
	id            string
	refs          []string
	before, after any
}

// atomically runs fn, which makes one change through the store it is given
// and describes it, and records the change's audit entry in the same store
// transaction: the change is stored with its entry or not at all.
func (s *Server) atomically(c *gin.Context, fn func(ctx context.Context, st argmap.Store) (change, error)) error {
	ctx, by := c.Request.Context(), author(c)
	return s.store.Atomically(ctx, func(st argmap.Store) error {
		ch, err := fn(ctx, st)
		if err != nil {
			return err
		}
		return s.record(ctx, st, by, ch)
	})
}

// auditGraph returns a context in which a document's graph is written with
// the audit entry of its source's creation (the source without its text,
// and the counts of what was written), in one transaction.
func (s *Server) auditGraph(c *gin.Context, ctx context.Context) context.Context {
	by := author(c) // read here: the hook runs on the ingest's goroutine
	return argmap.WithGraphHook(ctx, func(ctx context.Context, st argmap.Store, g *argmap.Graph) error {
		if len(g.Sources) == 0 {
			return argmap.Errorf(argmap.EINTERNAL, "a document's graph has no source")
		}
		src := g.Sources[0]
		src.Text = ""
		after := map[string]any{"source": src, "counts": g.Counts()}
		return s.record(ctx, st, by, change{argmap.AuditCreate, argmap.KindSource, src.ID, nil, nil, after})
	})
}

// changer is who makes a change: the name of the token used, and the
// request's ID for the log.
type changer struct{ who, requestID string }

// author returns who makes the change c requests.
func author(c *gin.Context) changer {
	who := c.GetString(whoKey)
	if who == "" {
		who = anonymous
	}
	return changer{who: who, requestID: c.GetString(requestIDKey)}
}

// record stores the audit entry of ch, made by by, through st, the store of
// the change's transaction. A failure rolls the change back; it is answered
// as an internal error that says so (the cause is logged).
func (s *Server) record(ctx context.Context, st argmap.Store, by changer, ch change) error {
	at := argmap.Now()
	e := &argmap.AuditEntry{ID: s.auditID(at), At: at, Who: by.who, Action: ch.action,
		Kind: ch.kind, TargetID: ch.id, Refs: ch.refs}
	var err error
	if e.Before, err = auditJSON(ch.before); err == nil {
		e.After, err = auditJSON(ch.after)
	}
	if err == nil {
		err = st.RecordAudit(ctx, e)
	}
	if err == nil {
		return nil
	}
	if argmap.ErrorCode(err) == argmap.EUNAVAILABLE {
		return err // the store is busy or the request ended: the client may retry
	}
	s.log.ErrorContext(ctx, "audit entry not recorded, change rolled back", "request_id", by.requestID,
		"action", ch.action, "target", ch.id, "err", err.Error())
	return &argmap.Error{Code: argmap.EINTERNAL, Message: "the change was not made: its audit trail entry could not be recorded", Err: err}
}

// auditID mints an audit entry ID that sorts by time and, within one
// millisecond, by the order this server recorded them: "aud_", the time in
// hexadecimal milliseconds, a sequence number, and random letters.
func (s *Server) auditID(at time.Time) string {
	seq := s.auditSeq.Add(1)
	return fmt.Sprintf("aud_%012x%06x%s", at.UnixMilli(), seq&0xffffff, strings.TrimPrefix(argmap.NewID(argmap.KindAudit), "aud_")[:6])
}

// auditJSON encodes v for an audit entry; nil stays empty.
func auditJSON(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	return json.Marshal(v)
}

// relationRefs are the records a relation touches.
func relationRefs(r *argmap.Relation) []string {
	return append(append([]string(nil), r.From...), r.To)
}

// listAudit lists the audit trail, newest first, by record (node) and by who.
func (s *Server) listAudit(c *gin.Context) {
	p, err := pageQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	f := argmap.AuditFilter{NodeID: c.Query("node"), Who: c.Query("who"), Page: fetch(p)}
	items, err := s.store.Audit(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paginate(p, items, func(x argmap.AuditEntry) string { return x.ID }))
}

// relationPatch is the body of PATCH /v1/relations/{id}.
type relationPatch struct {
	Kind  *argmap.RelationKind `json:"kind"`
	Score *float64             `json:"score"`
}

// updateRelation changes a relation's kind or score. A relation a person
// corrects becomes curated.
func (s *Server) updateRelation(c *gin.Context) {
	id, err := idParam(c, argmap.KindRelation)
	if err != nil {
		s.fail(c, err)
		return
	}
	var in relationPatch
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if in.Kind == nil && in.Score == nil {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "the patch changes nothing: give kind or score"))
		return
	}
	var r *argmap.Relation
	err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		before, err := st.Relation(ctx, id)
		if err != nil {
			return change{}, err
		}
		curated := argmap.OriginCurated
		r, err = st.UpdateRelation(ctx, id, argmap.RelationUpdate{Kind: in.Kind, Score: in.Score, Origin: &curated})
		if err != nil {
			return change{}, err
		}
		return change{argmap.AuditUpdate, argmap.KindRelation, id, relationRefs(r), before, r}, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

// claimMerge is the body of POST /v1/claims/{id}/merge.
type claimMerge struct {
	Into string `json:"into"`
}

// propositionMove is one claim's proposition before a merge.
type propositionMove struct {
	Claim       string `json:"claim"`
	Proposition string `json:"proposition"`
}

// mergeClaim records that the claim in the path states the same proposition
// as the claim "into": every claim of the path claim's proposition joins
// into's proposition. One audit entry lists the claims moved.
func (s *Server) mergeClaim(c *gin.Context) {
	id, err := idParam(c, argmap.KindClaim)
	if err != nil {
		s.fail(c, err)
		return
	}
	var in claimMerge
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if argmap.KindOf(in.Into) != argmap.KindClaim {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "into %q is not a claim ID", in.Into))
		return
	}
	var target string
	var merged []argmap.Claim
	err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		from, err := st.Claim(ctx, id)
		if err != nil {
			return change{}, err
		}
		into, err := st.Claim(ctx, in.Into)
		if argmap.IsNotFound(err) {
			return change{}, argmap.Errorf(argmap.EINVALID, "into: unknown claim %s", in.Into)
		}
		if err != nil {
			return change{}, err
		}
		var old string
		target, old = argmap.PropositionOf(*into), argmap.PropositionOf(*from)
		if target == old {
			return change{}, argmap.Errorf(argmap.EINVALID, "the two claims already state one proposition")
		}
		// Every claim of the old proposition moves, page by page, in this
		// one transaction: all of them or none.
		var before []propositionMove
		var moved []string
		for after := ""; ; {
			members, err := st.Claims(ctx, argmap.ClaimFilter{Proposition: old, Page: argmap.Page{Limit: argmap.MaxLimit, After: after}})
			if err != nil {
				return change{}, err
			}
			for _, m := range members {
				after = m.ID
				if argmap.PropositionOf(m) != old {
					continue
				}
				before = append(before, propositionMove{Claim: m.ID, Proposition: m.Proposition})
				if _, err := st.UpdateClaim(ctx, m.ID, argmap.ClaimUpdate{Proposition: &target}); err != nil {
					return change{}, err
				}
				moved = append(moved, m.ID)
			}
			if len(members) < argmap.MaxLimit {
				break
			}
		}
		merged, err = st.Claims(ctx, argmap.ClaimFilter{Proposition: target, Page: argmap.Page{Limit: argmap.MaxLimit}})
		if err != nil {
			return change{}, err
		}
		return change{argmap.AuditMerge, argmap.KindClaim, in.Into, moved,
			map[string]any{"claims": before}, map[string]any{"proposition": target, "claims": moved}}, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"proposition": target, "claims": merged})
}
