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
		recs, err := run(ctx, t, qSourcesAll, nil)
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

// Neighbourhood returns the claims and evidence within depth relations of
// focus (0: argmap.DefaultDepth), nearest first and at most limit of them
// (0: no limit), the relations among them, the actors of their claims and
// the sources they are stated in (without text). Focus "" means every claim
// and evidence. ENOTFOUND if focus is unknown.
func (s *Store) Neighbourhood(ctx context.Context, focus string, depth, limit int) (*argmap.Graph, error) {
	depth = clampDepth(depth)
	var g *argmap.Graph
	err := s.read(ctx, "read neighbourhood", func(t tx) error {
		var nodes []string // claims and evidence, nearest first
		rels := map[string]argmap.Relation{}
		if focus == "" {
			recs, err := run(ctx, t, qAllIDs, nil)
			if err != nil {
				return err
			}
			ids, err := column[string](recs, "id")
			if err != nil {
				return err
			}
			sort.Strings(ids)
			sets := splitIDs(ids)
			nodes = append(append(nodes, sets[argmap.KindClaim]...), sets[argmap.KindEvidence]...)
			sort.Strings(nodes)
			all, err := relationsByIDs(ctx, t, sets[argmap.KindRelation])
			if err != nil {
				return err
			}
			for _, r := range all {
				rels[r.ID] = r
			}
		} else {
			switch argmap.KindOf(focus) {
			case argmap.KindClaim, argmap.KindEvidence, argmap.KindRelation:
			default:
				return argmap.Errorf(argmap.ENOTFOUND, "%s is not a claim, evidence or relation", focus)
			}
			ok, err := exists(ctx, t, focus)
			if err != nil {
				return err
			}
			if !ok {
				return notFound(argmap.KindOf(focus), focus)
			}
			if nodes, err = neighbours(ctx, t, focus, depth, rels); err != nil {
				return err
			}
		}
		if limit > 0 && len(nodes) > limit {
			nodes = nodes[:limit]
		}
		var err error
		g, err = assemble(ctx, t, nodes, rels)
		return err
	})
	return g, err
}

// neighbours walks depth levels out from focus, filling rels with the
// relations met, and returns the claims and evidence met, nearest first
// (then by ID).
func neighbours(ctx context.Context, t tx, focus string, depth int, rels map[string]argmap.Relation) ([]string, error) {
	var nodes []string
	seen := map[string]bool{focus: true}
	frontier := []string{focus}
	if argmap.KindOf(focus) != argmap.KindRelation {
		nodes = append(nodes, focus)
	}
	for level := 0; level < depth && len(frontier) > 0; level++ {
		sets := splitIDs(frontier)
		recs, err := run(ctx, t, qNeighbourLevel, map[string]any{
			"claims": sets.list(argmap.KindClaim), "evidence": sets.list(argmap.KindEvidence), "relations": sets.list(argmap.KindRelation),
		})
		if err != nil {
			return nil, err
		}
		ids, err := column[string](recs, "relation")
		if err != nil {
			return nil, err
		}
		var fresh []string
		for _, id := range ids {
			if _, ok := rels[id]; !ok {
				fresh = append(fresh, id)
			}
		}
		sort.Strings(fresh)
		found, err := relationsByIDs(ctx, t, fresh)
		if err != nil {
			return nil, err
		}
		var next, levelNodes []string
		visit := func(id string) {
			if !seen[id] {
				seen[id] = true
				next = append(next, id)
				if argmap.KindOf(id) != argmap.KindRelation {
					levelNodes = append(levelNodes, id)
				}
			}
		}
		for _, r := range found {
			rels[r.ID] = r
			visit(r.ID)
			for _, f := range r.From {
				visit(f)
			}
			visit(r.To)
		}
		sort.Strings(levelNodes)
		nodes = append(nodes, levelNodes...)
		frontier = next
	}
	return nodes, nil
}

// assemble loads the nodes and keeps the relations among them: those whose
// premises and target are all in the graph.
func assemble(ctx context.Context, t tx, nodes []string, rels map[string]argmap.Relation) (*argmap.Graph, error) {
	g := &argmap.Graph{}
	in := map[string]bool{}
	for _, id := range nodes {
		in[id] = true
	}
	// A relation stays when its endpoints stay; undercuts depend on the
	// relation they target, so repeat until nothing changes.
	keep := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for id, r := range rels {
			if keep[id] {
				continue
			}
			ok := in[r.To] || keep[r.To]
			for _, f := range r.From {
				ok = ok && in[f]
			}
			if ok {
				keep[id], changed = true, true
			}
		}
	}
	var relIDs []string
	for id := range keep {
		relIDs = append(relIDs, id)
	}
	sort.Strings(relIDs)
	for _, id := range relIDs {
		g.Relations = append(g.Relations, rels[id])
	}
	sorted := append([]string(nil), nodes...)
	sort.Strings(sorted)
	sets := splitIDs(sorted)
	var err error
	if g.Claims, err = claimsByIDs(ctx, t, sets[argmap.KindClaim]); err != nil {
		return nil, err
	}
	if g.Evidence, err = evidenceByIDs(ctx, t, sets[argmap.KindEvidence]); err != nil {
		return nil, err
	}
	var actorIDs, sourceIDs []string
	for _, c := range g.Claims {
		for _, a := range c.Actors {
			actorIDs = append(actorIDs, a.ActorID)
		}
		for _, sp := range c.Spans {
			sourceIDs = append(sourceIDs, sp.SourceID)
		}
	}
	for _, e := range g.Evidence {
		for _, sp := range e.Spans {
			sourceIDs = append(sourceIDs, sp.SourceID)
		}
	}
	for _, r := range g.Relations {
		if r.Span != nil {
			sourceIDs = append(sourceIDs, r.Span.SourceID)
		}
	}
	if g.Actors, err = actorsByIDs(ctx, t, uniqueSorted(actorIDs)); err != nil {
		return nil, err
	}
	if ids := uniqueSorted(sourceIDs); len(ids) > 0 {
		recs, err := run(ctx, t, qSourcesByIDs, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		if g.Sources, err = mapAll(recs, keyed("s", sourceFrom)); err != nil {
			return nil, err
		}
	}
	normalise(g)
	return g, nil
}

func uniqueSorted(ids []string) []string {
	sort.Strings(ids)
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}
