package neo4jstore

import (
	"context"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// Stats counts the records stored.
func (s *Store) Stats(ctx context.Context) (argmap.Counts, error) {
	var c argmap.Counts
	err := s.read(ctx, "count records", func(t tx) error {
		recs, err := run(ctx, t, qStats, nil)
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return badRecord("stats gave %d records", len(recs))
		}
		for _, f := range []struct {
			key string
			dst *int
		}{{"sources", &c.Sources}, {"claims", &c.Claims}, {"evidence", &c.Evidence}, {"actors", &c.Actors}, {"relations", &c.Relations}, {"citations", &c.Citations}} {
			n, err := field[int64](recs[0], f.key)
			if err != nil {
				return err
			}
			*f.dst = int(n)
		}
		return nil
	})
	return c, err
}

// Dump returns every record, sources with their text, each kind ordered by ID.
func (s *Store) Dump(ctx context.Context) (*argmap.Graph, error) {
	var g *argmap.Graph
	err := s.read(ctx, "dump", func(t tx) error {
		g = &argmap.Graph{}
		recs, err := run(ctx, t, qSourcesAll, map[string]any{"with_text": true})
		if err != nil {
			return err
		}
		if g.Sources, err = mapAll(recs, keyed("s", sourceFrom)); err != nil {
			return err
		}
		recs, err = run(ctx, t, qAllIDs, nil)
		if err != nil {
			return err
		}
		ids, err := column[string](recs, "id")
		if err != nil {
			return err
		}
		sort.Strings(ids)
		sets := splitIDs(ids)
		if g.Claims, err = claimsByIDs(ctx, t, sets[argmap.KindClaim]); err != nil {
			return err
		}
		if g.Evidence, err = evidenceByIDs(ctx, t, sets[argmap.KindEvidence]); err != nil {
			return err
		}
		if g.Actors, err = actorsByIDs(ctx, t, sets[argmap.KindActor]); err != nil {
			return err
		}
		if g.Relations, err = relationsByIDs(ctx, t, sets[argmap.KindRelation]); err != nil {
			return err
		}
		recs, err = run(ctx, t, qCitationsAll, nil)
		if err != nil {
			return err
		}
		g.Citations, err = mapAll(recs, citationFrom)
		return err
	})
	if err != nil {
		return nil, err
	}
	normalise(g)
	return g, nil
}

// normalise makes g's nil lists empty, so that it encodes as [] not null.
func normalise(g *argmap.Graph) {
	if g.Sources == nil {
		g.Sources = []argmap.Source{}
	}
	if g.Claims == nil {
		g.Claims = []argmap.Claim{}
	}
	if g.Evidence == nil {
		g.Evidence = []argmap.Evidence{}
	}
	if g.Actors == nil {
		g.Actors = []argmap.Actor{}
	}
	if g.Relations == nil {
		g.Relations = []argmap.Relation{}
	}
	if g.Citations == nil {
		g.Citations = []argmap.Citation{}
	}
}

// Ping runs a statement that reads no record. The driver's pool is shared
// with other requests but large (Config.MaxConnPoolSize), and the statement
// costs the server nothing, so a busy store still answers it quickly.
func (s *Store) Ping(ctx context.Context) error {
	err := s.read(ctx, "ping", func(t tx) error {
		recs, err := run(ctx, t, qPing, nil)
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return badRecord("ping gave %d records", len(recs))
		}
		return nil
	})
	if err != nil && argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "ping neo4j: it does not answer", Err: err}
	}
	return err
}
