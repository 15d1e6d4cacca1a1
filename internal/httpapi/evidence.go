package httpapi

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// evidenceCreate is the body of POST /v1/evidence. Score defaults to 1.
type evidenceCreate struct {
	Text   string            `json:"text"`
	Kind   string            `json:"kind"`
	Score  *float64          `json:"score"`
	Spans  []spanInput       `json:"spans"`
	Actors []argmap.ActorRef `json:"actors"`
}

// evidencePatch is the body of PATCH /v1/evidence/{id}; absent fields stay.
type evidencePatch struct {
	Text  *string  `json:"text"`
	Kind  *string  `json:"kind"`
	Score *float64 `json:"score"`
}

// createEvidence stores curated evidence with an ID minted here.
func (s *Server) createEvidence(c *gin.Context) {
	var in evidenceCreate
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	spans, err := s.resolveSpans(ctx, "spans", in.Spans)
	if err != nil {
		s.fail(c, err)
		return
	}
	e := &argmap.Evidence{
		ID: argmap.NewID(argmap.KindEvidence), Kind: in.Kind, Text: in.Text, Origin: argmap.OriginCurated,
		Score: 1, Spans: spans, Actors: in.Actors, CreatedAt: argmap.Now(),
	}
	if in.Score != nil {
		e.Score = *in.Score
	}
	if err := e.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	s.created(c, argmap.KindEvidence, e.ID, nil, "/v1/evidence/"+e.ID, func(ctx context.Context, st argmap.Store) (any, error) {
		if err := st.CreateEvidence(ctx, e); err != nil {
			return nil, err
		}
		return st.Evidence(ctx, e.ID)
	})
}

// listEvidence lists evidence, optionally of one source.
func (s *Server) listEvidence(c *gin.Context) {
	p, err := pageQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	items, err := s.store.EvidenceList(c.Request.Context(), argmap.EvidenceFilter{SourceID: c.Query("source"), Page: fetch(p)})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paginate(p, items, func(x argmap.Evidence) string { return x.ID }))
}

// updateEvidence changes evidence's text, kind or score.
func (s *Server) updateEvidence(c *gin.Context) {
	id, err := idParam(c, argmap.KindEvidence)
	if err != nil {
		s.fail(c, err)
		return
	}
	var in evidencePatch
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if in.Text == nil && in.Kind == nil && in.Score == nil {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "the patch changes nothing: give text, kind or score"))
		return
	}
	var e *argmap.Evidence
	err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		before, err := st.Evidence(ctx, id)
		if err != nil {
			return change{}, err
		}
		e, err = st.UpdateEvidence(ctx, id, argmap.EvidenceUpdate{Text: in.Text, Kind: in.Kind, Score: in.Score})
		return change{argmap.AuditUpdate, argmap.KindEvidence, id, nil, before, e}, err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, e)
}
