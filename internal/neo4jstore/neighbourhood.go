package neo4jstore

import (
	"context"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// Neighbourhood returns the claims and evidence within depth relations of
// focus (0: the focus alone; a relation brings its premises and target, and
// an undercut the relation it targets with its endpoints), nearest first and
// at most limit of them (0: no limit), every relation among them, the actors
// of their claims and the sources they are stated in, without text. Focus ""
// gives the whole graph: every claim and evidence (up to limit), every
// relation among them, and every actor, source (without text) and citation.
// ENOTFOUND if focus is unknown.
func (s *Store) Neighbourhood(ctx context.Context, focus string, depth, limit int) (*argmap.Graph, error) {
	depth = clampDepth(depth)
	var g *argmap.Graph
	err := s.read(ctx, "read neighbourhood", func(t tx) error {
		if focus == "" {
			var err error
			g, err = wholeGraph(ctx, t, limit)
			return err
		}
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
		n := &neighbourhood{rels: map[string]argmap.Relation{}, seen: map[string]bool{}}
		if err := n.walk(ctx, t, focus, depth); err != nil {
			return err
		}
		nodes := n.nodes
		if limit > 0 && len(nodes) > limit {
			nodes = nodes[:limit]
		}
		if err := n.loadAmong(ctx, t, nodes); err != nil {
			return err
		}
		g, err = assemble(ctx, t, nodes, n.rels)
		return err
	})
	return g, err
}

// neighbourhood is a breadth-first walk outwards along relations, both ways.
type neighbourhood struct {
	nodes []string                   // claims and evidence met, nearest first
	rels  map[string]argmap.Relation // relations loaded
	seen  map[string]bool            // claims, evidence and relations met
}

// meet records a node or relation; it reports whether it is new.
func (n *neighbourhood) meet(id string, level *[]string) bool {
	if n.seen[id] {
		return false
	}
	n.seen[id] = true
	if argmap.KindOf(id) != argmap.KindRelation {
		*level = append(*level, id)
	}
	return true
}

// load loads the relations ids not yet loaded, then the relations they
// target, and so on, so that every loaded relation's target is loaded. It
// meets every endpoint and returns what it met first.
func (n *neighbourhood) load(ctx context.Context, t tx, ids []string, level *[]string) ([]string, error) {
	var met []string
	for len(ids) > 0 {
		var fresh []string
		for _, id := range ids {
			if _, ok := n.rels[id]; !ok {
				fresh = append(fresh, id)
			}
		}
		sort.Strings(fresh)
		found, err := relationsByIDs(ctx, t, uniqueSorted(fresh))
		if err != nil {
			return nil, err
		}
		ids = nil
		for _, r := range found {
			n.rels[r.ID] = r
			if n.meet(r.ID, level) {
				met = append(met, r.ID)
			}
			for _, f := range r.From {
				if n.meet(f, level) {
					met = append(met, f)
				}
			}
			if n.meet(r.To, level) {
				met = append(met, r.To)
			}
			if argmap.KindOf(r.To) == argmap.KindRelation {
				ids = append(ids, r.To)
			}
		}
	}
	return met, nil
}

func (n *neighbourhood) walk(ctx context.Context, t tx, focus string, depth int) error {
	var level []string
	n.meet(focus, &level)
	frontier := []string{focus}
	if argmap.KindOf(focus) == argmap.KindRelation {
		met, err := n.load(ctx, t, []string{focus}, &level)
		if err != nil {
			return err
		}
		frontier = append(frontier, met...)
	}
	n.add(level)
	for i := 0; i < depth && len(frontier) > 0; i++ {
		ids, err := touching(ctx, t, frontier)
		if err != nil {
			return err
		}
		level = nil
		if frontier, err = n.load(ctx, t, ids, &level); err != nil {
			return err
		}
		n.add(level)
	}
	return nil
}

// add appends a level's nodes, sorted by ID (the focus, alone, comes first).
func (n *neighbourhood) add(level []string) {
	if len(n.nodes) > 0 {
		sort.Strings(level)
	} else if len(level) > 1 {
		sort.Strings(level[1:])
	}
	n.nodes = append(n.nodes, level...)
}

// loadAmong loads every relation that touches the nodes, so that assemble
// can keep those among them.
func (n *neighbourhood) loadAmong(ctx context.Context, t tx, nodes []string) error {
	ids, err := touching(ctx, t, nodes)
	if err != nil {
		return err
	}
	var ignore []string
	_, err = n.load(ctx, t, ids, &ignore)
	return err
}

// touching returns the relations that touch the items: as premise or target
// of the claims and evidence, targeting the relations, or the relations
// themselves.
func touching(ctx context.Context, t tx, items []string) ([]string, error) {
	if len(items) == 0 {
		return nil, nil
	}
	sets := splitIDs(items)
	recs, err := run(ctx, t, qNeighbourLevel, map[string]any{
		"claims": sets.list(argmap.KindClaim), "evidence": sets.list(argmap.KindEvidence), "relations": sets.list(argmap.KindRelation),
	})
	if err != nil {
		return nil, err
	}
	return column[string](recs, "relation")
}

// wholeGraph returns every claim and evidence (the first limit by ID), the
// relations among them, and every actor, source (without text) and citation.
func wholeGraph(ctx context.Context, t tx, limit int) (*argmap.Graph, error) {
	recs, err := run(ctx, t, qAllIDs, nil)
	if err != nil {
		return nil, err
	}
	ids, err := column[string](recs, "id")
	if err != nil {
		return nil, err
	}
	sort.Strings(ids)
	sets := splitIDs(ids)
	nodes := append(append([]string{}, sets[argmap.KindClaim]...), sets[argmap.KindEvidence]...)
	sort.Strings(nodes)
	if limit > 0 && len(nodes) > limit {
		nodes = nodes[:limit]
	}
	all, err := relationsByIDs(ctx, t, sets[argmap.KindRelation])
	if err != nil {
		return nil, err
	}
	rels := map[string]argmap.Relation{}
	for _, r := range all {
		rels[r.ID] = r
	}
	g, err := assemble(ctx, t, nodes, rels)
	if err != nil {
		return nil, err
	}
	if g.Actors, err = actorsByIDs(ctx, t, sets[argmap.KindActor]); err != nil {
		return nil, err
	}
	if recs, err = run(ctx, t, qSourcesAll, map[string]any{"with_text": false}); err != nil {
		return nil, err
	}
	if g.Sources, err = mapAll(recs, keyed("s", sourceFrom)); err != nil {
		return nil, err
	}
	if recs, err = run(ctx, t, qCitationsAll, nil); err != nil {
		return nil, err
	}
	if g.Citations, err = mapAll(recs, citationFrom); err != nil {
		return nil, err
	}
	normalise(g)
	return g, nil
}

// assemble loads the nodes and keeps the relations among them: those whose
// premises are all nodes and whose target is a node or a kept relation.
func assemble(ctx context.Context, t tx, nodes []string, rels map[string]argmap.Relation) (*argmap.Graph, error) {
	g := &argmap.Graph{}
	in := map[string]bool{}
	for _, id := range nodes {
		in[id] = true
	}
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
	sets := splitIDs(uniqueSorted(append([]string(nil), nodes...)))
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
		for _, a := range e.Actors {
			actorIDs = append(actorIDs, a.ActorID)
		}
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

// Hubs returns the graph of the limit claims and evidence with the most
// relations (as a premise or as the target), most first, ties by ID, nodes
// with no relation last: the degrees come from one query over the nodes'
// relationships, and only the chosen nodes and their relations are read.
func (s *Store) Hubs(ctx context.Context, limit int) (*argmap.Graph, error) {
	if limit <= 0 {
		return &argmap.Graph{}, nil
	}
	var g *argmap.Graph
	err := s.read(ctx, "read hubs", func(t tx) error {
		recs, err := run(ctx, t, qHubs, map[string]any{"limit": limit})
		if err != nil {
			return err
		}
		nodes, err := column[string](recs, "id")
		if err != nil {
			return err
		}
		n := &neighbourhood{rels: map[string]argmap.Relation{}, seen: map[string]bool{}}
		if err := n.loadAmong(ctx, t, nodes); err != nil {
			return err
		}
		g, err = assemble(ctx, t, nodes, n.rels)
		return err
	})
	return g, err
}
