package httpapi

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// relationCreate is the body of POST /v1/relations. To is a claim, or a
// relation for an undercut. Score defaults to 1.
type relationCreate struct {
	Kind   argmap.RelationKind `json:"kind"`
	From   []string            `json:"from"`
	To     string              `json:"to"`
	Title  string              `json:"title"`
	Scheme string              `json:"scheme"`
	Score  *float64            `json:"score"`
	Span   *spanInput          `json:"span"`
}

// createRelation stores a curated relation with an ID minted here.
func (s *Server) createRelation(c *gin.Context) {
	var in relationCreate
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	r := &argmap.Relation{
		ID: argmap.NewID(argmap.KindRelation), Kind: in.Kind, From: in.From, To: in.To, Title: in.Title, Scheme: in.Scheme,
		Origin: argmap.OriginCurated, Score: 1, CreatedAt: argmap.Now(),
	}
	if r.From == nil {
		r.From = []string{}
	}
	if in.Score != nil {
		r.Score = *in.Score
	}
	if in.Span != nil {
		spans, err := s.resolveSpans(ctx, "span", []spanInput{*in.Span})
		if err != nil {
			s.fail(c, err)
			return
		}
		r.Span = &spans[0]
	}
	if err := r.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	s.created(c, argmap.KindRelation, r.ID, relationRefs(r), "/v1/relations/"+r.ID, func(ctx context.Context, st argmap.Store) (any, error) {
		if err := st.CreateRelation(ctx, r); err != nil {
			return nil, err
		}
		return st.Relation(ctx, r.ID)
	})
}

// listRelations lists relations touching a node, optionally of one kind.
func (s *Server) listRelations(c *gin.Context) {
	p, err := pageQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	f := argmap.RelationFilter{NodeID: c.Query("node"), Kind: argmap.RelationKind(c.Query("kind")), Page: fetch(p)}
	switch f.Kind {
	case "", argmap.Supports, argmap.Contests:
	default:
		s.fail(c, argmap.Errorf(argmap.EINVALID, "kind %q is not one of supports, contests", f.Kind))
		return
	}
	items, err := s.store.Relations(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paginate(p, items, func(x argmap.Relation) string { return x.ID }))
}
