package httpapi

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// actorCreate is the body of POST /v1/actors.
type actorCreate struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
}

// actorPatch is the body of PATCH /v1/actors/{id}; absent fields stay.
type actorPatch struct {
	Name    *string   `json:"name"`
	Kind    *string   `json:"kind"`
	Aliases *[]string `json:"aliases"`
}

// actorMerge is the body of POST /v1/actors/{id}/merge.
type actorMerge struct {
	Into string `json:"into"`
}

// createActor stores an actor. Its ID derives from the canonical name, as
// extraction's do, so an actor of the same name already stored is a
// conflict (merge or patch that one instead).
func (s *Server) createActor(c *gin.Context) {
	var in actorCreate
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	a := &argmap.Actor{Name: in.Name, Kind: in.Kind, Aliases: in.Aliases, CreatedAt: argmap.Now()}
	a.ID = argmap.ActorID(a.Name)
	if err := a.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	s.created(c, argmap.KindActor, a.ID, nil, "/v1/actors/"+a.ID, func(ctx context.Context, st argmap.Store) (any, error) {
		if err := st.CreateActor(ctx, a); err != nil {
			return nil, err
		}
		return st.Actor(ctx, a.ID)
	})
}

// listActors lists actors by name or alias substring and kind.
func (s *Server) listActors(c *gin.Context) {
	p, err := pageQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	items, err := s.store.Actors(c.Request.Context(), argmap.ActorFilter{Query: c.Query("q"), Kind: c.Query("kind"), Page: fetch(p)})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paginate(p, items, func(x argmap.Actor) string { return x.ID }))
}

// updateActor changes an actor's name, kind or aliases.
func (s *Server) updateActor(c *gin.Context) {
	id, err := idParam(c, argmap.KindActor)
	if err != nil {
		s.fail(c, err)
		return
	}
	var in actorPatch
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if in.Name == nil && in.Kind == nil && in.Aliases == nil {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "the patch changes nothing: give name, kind or aliases"))
		return
	}
	var a *argmap.Actor
	err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		before, err := st.Actor(ctx, id)
		if err != nil {
			return change{}, err
		}
		a, err = st.UpdateActor(ctx, id, argmap.ActorUpdate{Name: in.Name, Kind: in.Kind, Aliases: in.Aliases})
		return change{argmap.AuditUpdate, argmap.KindActor, id, nil, before, a}, err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

// mergeActor folds the actor in the path into the one named by "into".
func (s *Server) mergeActor(c *gin.Context) {
	id, err := idParam(c, argmap.KindActor)
	if err != nil {
		s.fail(c, err)
		return
	}
	var in actorMerge
	if err := bindJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if argmap.KindOf(in.Into) != argmap.KindActor {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "into %q is not an actor ID", in.Into))
		return
	}
	if in.Into == id {
		s.fail(c, argmap.Errorf(argmap.EINVALID, "an actor cannot be merged into itself"))
		return
	}
	var a *argmap.Actor
	err = s.atomically(c, func(ctx context.Context, st argmap.Store) (change, error) {
		from, err := st.Actor(ctx, id)
		if err != nil {
			return change{}, err
		}
		into, err := st.Actor(ctx, in.Into)
		if err != nil {
			return change{}, err
		}
		a, err = st.MergeActor(ctx, id, in.Into)
		before := map[string]*argmap.Actor{"from": from, "into": into}
		return change{argmap.AuditMerge, argmap.KindActor, in.Into, []string{id}, before, a}, err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}
