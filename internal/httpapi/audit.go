package httpapi

import (
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

// record adds a change to the audit trail: action on the record id of kind,
// touching refs, with the record before and after (nil when there is none).
// The change itself is already stored, so a failure here is answered as an
// internal error that says so (the cause is logged).
func (s *Server) record(c *gin.Context, action string, kind argmap.NodeKind, id string, refs []string, before, after any) error {
	who := c.GetString(whoKey)
	if who == "" {
		who = anonymous
	}
	at := argmap.Now()
	e := &argmap.AuditEntry{ID: s.auditID(at), At: at, Who: who, Action: action,
		Kind: kind, TargetID: id, Refs: refs}
	var err error
	if e.Before, err = auditJSON(before); err == nil {
		e.After, err = auditJSON(after)
	}
	if err == nil {
		err = s.store.RecordAudit(c.Request.Context(), e)
	}
	if err != nil {
		s.log.ErrorContext(c.Request.Context(), "audit entry not recorded", "request_id", c.GetString(requestIDKey),
			"action", action, "target", id, "err", err.Error())
		return &argmap.Error{Code: argmap.EINTERNAL, Message: "the change was made but could not be recorded in the audit trail", Err: err}
	}
	return nil
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
	ctx := c.Request.Context()
	before, err := s.store.Relation(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	curated := argmap.OriginCurated
	r, err := s.store.UpdateRelation(ctx, id, argmap.RelationUpdate{Kind: in.Kind, Score: in.Score, Origin: &curated})
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := s.record(c, argmap.AuditUpdate, argmap.KindRelation, id, relationRefs(r), before, r); err != nil {
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
	ctx := c.Request.Context()
	from, err := s.store.Claim(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	into, err := s.store.Claim(ctx, in.Into)
	if argmap.IsNotFound(err) {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "into: unknown claim %s", in.Into))
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	target, old := argmap.PropositionOf(*into), argmap.PropositionOf(*from)
	if target == old {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "the two claims already state one proposition"))
		return
	}
	members, err := s.store.Claims(ctx, argmap.ClaimFilter{Proposition: old, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		s.fail(c, err)
		return
	}
	var before []propositionMove
	var moved []string
	for _, m := range members {
		if argmap.PropositionOf(m) != old {
			continue
		}
		before = append(before, propositionMove{Claim: m.ID, Proposition: m.Proposition})
		if _, err := s.store.UpdateClaim(ctx, m.ID, argmap.ClaimUpdate{Proposition: &target}); err != nil {
			s.fail(c, err)
			return
		}
		moved = append(moved, m.ID)
	}
	after := map[string]any{"proposition": target, "claims": moved}
	if err := s.record(c, argmap.AuditMerge, argmap.KindClaim, in.Into, moved, map[string]any{"claims": before}, after); err != nil {
		s.fail(c, err)
		return
	}
	merged, err := s.store.Claims(ctx, argmap.ClaimFilter{Proposition: target, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"proposition": target, "claims": merged})
}
