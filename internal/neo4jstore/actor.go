package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateActor stores a. EINVALID, ECONFLICT if the ID is taken.
func (s *Store) CreateActor(ctx context.Context, a *argmap.Actor) error {
	if a == nil {
		return argmap.Errorf(argmap.EINVALID, "the actor is missing")
	}
	// The record's own problems first, all of them; then its references.
	if err := a.Validate(); err != nil {
		return err
	}
	g := &argmap.Graph{Actors: []argmap.Actor{*a}}
	if err := s.writeGraph(ctx, g, writeMode{what: "create actor"}); err != nil {
		return err
	}
	a.CreatedAt = g.Actors[0].CreatedAt
	return nil
}

func actorsByIDs(ctx context.Context, t tx, ids []string) ([]argmap.Actor, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, t, qActorsByIDs, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return mapAll(recs, keyed("a", actorFrom))
}

// Actor returns one actor. ENOTFOUND.
func (s *Store) Actor(ctx context.Context, id string) (*argmap.Actor, error) {
	var out []argmap.Actor
	err := s.read(ctx, "read actor", func(t tx) (err error) {
		out, err = actorsByIDs(ctx, t, []string{id})
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, notFound(argmap.KindActor, id)
	}
	return &out[0], nil
}

// UpdateActor applies u. ENOTFOUND, EINVALID.
func (s *Store) UpdateActor(ctx context.Context, id string, u argmap.ActorUpdate) (*argmap.Actor, error) {
	var out *argmap.Actor
	err := s.write(ctx, "update actor", func(t tx) error {
		as, err := actorsByIDs(ctx, t, []string{id})
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return notFound(argmap.KindActor, id)
		}
		a := as[0]
		if err := u.Apply(&a); err != nil {
			return err
		}
		a.Aliases = mergeAliases(a.Name, nil, a.Aliases...)
		if _, err := run(ctx, t, qActorUpdate, map[string]any{
			"id": id, "name": a.Name, "kind": optStr(a.Kind), "aliases": optStrs(a.Aliases),
		}); err != nil {
			return err
		}
		out = &a
		return nil
	})
	return out, err
}

// DeleteActor removes the actor and its roles in claims. ENOTFOUND.
func (s *Store) DeleteActor(ctx context.Context, id string) error {
	return s.write(ctx, "delete actor", func(t tx) error {
		as, err := actorsByIDs(ctx, t, []string{id})
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return notFound(argmap.KindActor, id)
		}
		_, err = run(ctx, t, qActorDelete, map[string]any{"id": id})
		return err
	})
}

// Actors lists actors, ordered by ID.
func (s *Store) Actors(ctx context.Context, f argmap.ActorFilter) ([]argmap.Actor, error) {
	after, limit := page(f.Page)
	var out []argmap.Actor
	err := s.read(ctx, "list actors", func(t tx) error {
		recs, err := run(ctx, t, qActorsList, map[string]any{"after": after, "kind": f.Kind, "query": f.Query, "limit": limit})
		if err != nil {
			return err
		}
		out, err = mapAll(recs, keyed("a", actorFrom))
		return err
	})
	return out, err
}

// MergeActor folds actor from into actor into: roles move over, from's name
// and aliases become aliases of into, and from is removed. ENOTFOUND,
// EINVALID when from and into are the same.
func (s *Store) MergeActor(ctx context.Context, from, into string) (*argmap.Actor, error) {
	if from == into {
		return nil, argmap.Errorf(argmap.EINVALID, "cannot merge actor %s into itself", from)
	}
	var out *argmap.Actor
	err := s.write(ctx, "merge actors", func(t tx) error {
		as, err := actorsByIDs(ctx, t, []string{from, into})
		if err != nil {
			return err
		}
		byID := map[string]argmap.Actor{}
		for _, a := range as {
			byID[a.ID] = a
		}
		f, ok := byID[from]
		if !ok {
			return notFound(argmap.KindActor, from)
		}
		in, ok := byID[into]
		if !ok {
			return notFound(argmap.KindActor, into)
		}
		if _, err := run(ctx, t, qActorMergeRoles, map[string]any{"from": from, "into": into}); err != nil {
			return err
		}
		in.Aliases = mergeAliases(in.Name, in.Aliases, append([]string{f.Name}, f.Aliases...)...)
		if _, err := run(ctx, t, qActorSetAliases, map[string]any{"rows": []map[string]any{{"id": into, "aliases": optStrs(in.Aliases)}}}); err != nil {
			return err
		}
		if _, err := run(ctx, t, qActorDelete, map[string]any{"id": from}); err != nil {
			return err
		}
		out = &in
		return nil
	})
	return out, err
}
