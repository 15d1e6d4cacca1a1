package httpapi

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// claimCreate is the body of POST /v1/claims. Score defaults to 1: a person
// vouches for a curated claim.
type claimCreate struct {
	Text   string            `json:"text"`
	Gist   string            `json:"gist"`
	Title  string            `json:"title"`
	Kind   string            `json:"kind"`
	Score  *float64          `json:"score"`
	Main   bool              `json:"main"`
	Spans  []spanInput       `json:"spans"`
	Actors []argmap.ActorRef `json:"actors"`
}

// claimPatch is the body of PATCH /v1/claims/{id}; absent fields stay.
// Origin "curated" accepts an extracted claim: a person vouches for it, and
// removing its sources no longer removes it.
type claimPatch struct {
	Text   *string        `json:"text"`
	Gist   *string        `json:"gist"`
	Score  *float64       `json:"score"`
	Main   *bool          `json:"main"`
	Origin *argmap.Origin `json:"origin"`
}

// claimHits is the body of GET /v1/claims/search.
type claimHits struct {
	Query string            `json:"query"`
	Items []argmap.ClaimHit `json:"items"`
}

// createClaim stores a curated claim with an ID minted here.
func (s *Server) createClaim(c *gin.Context) {
	var in claimCreate
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
	cl := &argmap.Claim{
		ID: argmap.NewID(argmap.KindClaim), Text: in.Text, Gist: in.Gist, Title: in.Title, Kind: in.Kind, Origin: argmap.OriginCurated,
		Score: 1, Main: in.Main, Spans: spans, Actors: in.Actors, CreatedAt: argmap.Now(),
	}
	if in.Score != nil {
		cl.Score = *in.Score
	}
	if err := cl.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	s.created(c, argmap.KindClaim, cl.ID, nil, "/v1/claims/"+cl.ID, func(ctx context.Context, st argmap.Store) (any, error) {
		if err := st.CreateClaim(ctx, cl); err != nil {
			return nil, err
		}
		return st.Claim(ctx, cl.ID)
	})
}

// created runs create, which stores the record of kind id and reads it
// back, and records the creation (touching refs) in the audit trail, in one
// transaction; it answers 201 with the record.
func (s *Server) created(c *gin.Context, kind argmap.NodeKind, id string, refs []string, location string, create func(ctx context.Context, st argmap.Store) (any, error)) {
	var v any
	err := s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		var err error
		v, err = create(ctx, st)
		return change{argmap.AuditCreate, kind, id, refs, nil, v}, err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", location)
	c.JSON(http.StatusCreated, v)
}

// listClaims lists claims by full-text query, actor, source and origin.
func (s *Server) listClaims(c *gin.Context) {
	p, err := pageQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	f := argmap.ClaimFilter{Query: c.Query("q"), ActorID: c.Query("actor"), SourceID: c.Query("source"),
		Origin: argmap.Origin(c.Query("origin")), Page: fetch(p)}
	switch f.Origin {
	case "", argmap.OriginExtracted, argmap.OriginCurated, argmap.OriginLinked:
	default:
		s.fail(c, argmap.Errorf(argmap.EINVALID, "origin %q is not one of extracted, curated, linked", f.Origin))
		return
	}
	items, err := s.store.Claims(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paginate(p, items, func(x argmap.Claim) string { return x.ID }))
}

// searchClaims ranks claims against a free-text query.
func (s *Server) searchClaims(c *gin.Context) {
	q := strings.TrimSpace(c.Query("q"))
	if q == "" {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "q is required"))
		return
	}
	if len(q) > argmap.MaxTextLen {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "q is longer than %d bytes", argmap.MaxTextLen))
		return
	}
	n, err := intQuery(c, "limit", 10, 1, 100)
	if err != nil {
		s.fail(c, err)
		return
	}
	hits, err := s.store.SearchClaims(c.Request.Context(), q, n)
	if err != nil {
		s.fail(c, err)
		return
	}
	if hits == nil {
		hits = []argmap.ClaimHit{}
	}
	c.JSON(http.StatusOK, claimHits{Query: q, Items: hits})
}

// updateClaim changes a claim's text, gist, score or main flag.
func (s *Server) updateClaim(c *gin.Context) {
	id, err := idParam(c, argmap.KindClaim)
	if err != nil {
		s.fail(c, err)
		return
	}
	var in claimPatch
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if in.Text == nil && in.Gist == nil && in.Score == nil && in.Main == nil && in.Origin == nil {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "the patch changes nothing: give text, gist, score, main or origin"))
		return
	}
	if in.Origin != nil && *in.Origin != argmap.OriginCurated {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "origin may only be set to curated (accepting the claim)"))
		return
	}
	if in.Text != nil && in.Gist == nil {
		// The gist summed up the old text: a new text without a gist
		// clears it, so that pages and maps show the text as written.
		none := ""
		in.Gist = &none
	}
	var cl *argmap.Claim
	err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		before, err := st.Claim(ctx, id)
		if err != nil {
			return change{}, err
		}
		u := argmap.ClaimUpdate{Text: in.Text, Gist: in.Gist, Score: in.Score, Main: in.Main, Origin: in.Origin}
		if k, ok := s.ingester.(claimKeyer); ok && in.Text != nil && *in.Text != before.Text {
			// the link signature of the new text, so that documents
			// ingested later find the claim by what it now says
			keys := k.ClaimKeys(argmap.Claim{ID: id, Text: *in.Text})
			u.Keys = &keys
		}
		cl, err = st.UpdateClaim(ctx, id, u)
		return change{argmap.AuditUpdate, argmap.KindClaim, id, nil, before, cl}, err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, cl)
}

// claimKeyer is an Ingester that computes the link signature of a claim
// (ingest.Service), used when a claim's text is edited.
type claimKeyer interface {
	ClaimKeys(c argmap.Claim) []string
}
