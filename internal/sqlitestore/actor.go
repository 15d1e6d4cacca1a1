package sqlitestore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateActor stores a. EINVALID, ECONFLICT if the ID is taken. A zero
// CreatedAt is set to argmap.Now().
func (s *Store) CreateActor(ctx context.Context, a *argmap.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "create actor", func(tx *sql.Tx) error {
		g := &argmap.Graph{Actors: []argmap.Actor{*a}}
		if err := s.writeGraph(ctx, tx, g, writeMode{}); err != nil {
			return err
		}
		a.CreatedAt = g.Actors[0].CreatedAt
		return nil
	})
}

// Actor returns one actor, aliases sorted. ENOTFOUND.
func (s *Store) Actor(ctx context.Context, id string) (*argmap.Actor, error) {
	var out *argmap.Actor
	err := s.read(ctx, "read actor", func(tx *sql.Tx) error {
		var err error
		out, err = actorIn(ctx, tx, id)
		return err
	})
	return out, err
}

func actorIn(ctx context.Context, q querier, id string) (*argmap.Actor, error) {
	as, err := scanActors(ctx, q, `SELECT `+actorCols+` FROM actors a WHERE a.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, notFound(argmap.KindActor, id)
	}
	return &as[0], nil
}

// UpdateActor applies u (Aliases replaces the set) and returns the actor.
// ENOTFOUND, EINVALID.
func (s *Store) UpdateActor(ctx context.Context, id string, u argmap.ActorUpdate) (*argmap.Actor, error) {
	var out *argmap.Actor
	err := s.write(ctx, "update actor", func(tx *sql.Tx) error {
		a, err := actorIn(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := u.Apply(a); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE actors SET name = ?, kind = ? WHERE id = ?`, a.Name, a.Kind, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM actor_aliases WHERE actor_id = ?`, id); err != nil {
			return err
		}
		for _, al := range a.Aliases {
			if al == a.Name {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`, id, al); err != nil {
				return err
			}
		}
		out, err = actorIn(ctx, tx, id)
		return err
	})
	return out, err
}

// DeleteActor removes the actor and its roles in claims. ENOTFOUND.
func (s *Store) DeleteActor(ctx context.Context, id string) error {
	return s.write(ctx, "delete actor", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM actors WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return notFound(argmap.KindActor, id)
		}
		return nil
	})
}

// Actors lists actors, ordered by ID. Query matches the name or an alias,
// case-insensitively (ASCII case folding).
func (s *Store) Actors(ctx context.Context, f argmap.ActorFilter) ([]argmap.Actor, error) {
	where := []string{`a.id > ?`}
	args := []any{f.After}
	if f.Query != "" {
		where = append(where, `(instr(lower(a.name), lower(?)) > 0 OR EXISTS (
			SELECT 1 FROM actor_aliases l WHERE l.actor_id = a.id AND instr(lower(l.alias), lower(?)) > 0))`)
		args = append(args, f.Query, f.Query)
	}
	if f.Kind != "" {
		where = append(where, `a.kind = ?`)
		args = append(args, f.Kind)
	}
	args = append(args, f.Size())
	var out []argmap.Actor
	err := s.read(ctx, "list actors", func(tx *sql.Tx) error {
		var err error
		out, err = scanActors(ctx, tx, `SELECT `+actorCols+` FROM actors a WHERE `+
			strings.Join(where, " AND ")+` ORDER BY a.id LIMIT ?`, args...)
		return err
	})
	return out, err
}

// MergeActor folds actor from into actor into: its roles move over, its name
// and aliases become aliases of into, and from is removed. Returns the merged
// actor. ENOTFOUND if either is unknown; EINVALID if they are the same.
func (s *Store) MergeActor(ctx context.Context, from, into string) (*argmap.Actor, error) {
	if from == into {
		return nil, argmap.Errorf(argmap.EINVALID, "cannot merge actor %s into itself", from)
	}
	var out *argmap.Actor
	err := s.write(ctx, "merge actors", func(tx *sql.Tx) error {
		f, err := actorIn(ctx, tx, from)
		if err != nil {
			return err
		}
		t, err := actorIn(ctx, tx, into)
		if err != nil {
			return err
		}
		// the references to from become references to into, in the rows
		// (migration 0019) and in the extra tables, none twice
		for _, t := range []struct{ table, extra, node string }{
			{"claims", "extra_claim_actors", "claim_id"}, {"evidence", "extra_evidence_actors", "evidence_id"},
		} {
			for _, q := range []string{
				`DELETE FROM ` + t.extra + ` WHERE actor_id = ?1 AND EXISTS (SELECT 1 FROM ` + t.table + ` n
					WHERE n.id = ` + t.extra + `.` + t.node + ` AND n.actor_id = ?2 AND n.actor_role = ` + t.extra + `.role)`,
				`UPDATE ` + t.table + ` SET actor_id = ?1 WHERE actor_id = ?2`,
				`INSERT OR IGNORE INTO ` + t.extra + ` (` + t.node + `, actor_id, role)
					SELECT x.` + t.node + `, ?1, x.role FROM ` + t.extra + ` x WHERE x.actor_id = ?2 AND NOT EXISTS (SELECT 1 FROM ` + t.table + ` n
						WHERE n.id = x.` + t.node + ` AND n.actor_id = ?1 AND n.actor_role = x.role)`,
			} {
				if _, err := tx.ExecContext(ctx, q, into, from); err != nil {
					return err
				}
			}
		}
		for _, al := range append([]string{f.Name}, f.Aliases...) {
			if al == t.Name {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`, into, al); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM actors WHERE id = ?`, from); err != nil {
			return err
		}
		out, err = actorIn(ctx, tx, into)
		return err
	})
	return out, err
}
