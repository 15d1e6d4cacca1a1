package neo4jstore

import (
	"context"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// clampDepth bounds a traversal depth to 0..argmap.MaxDepth.
func clampDepth(depth int) int {
	switch {
	case depth < 0:
		return 0
	case depth > argmap.MaxDepth:
		return argmap.MaxDepth
	}
	return depth
}

// levelEdge is one row of reach_level: relation targets target and has
// premises, in order.
type levelEdge struct {
	Target   string
	Relation string
	Kind     argmap.RelationKind
	Premises []string
}

// levelEdgesFrom maps the records of reach_level, sorted by relation ID.
func levelEdgesFrom(recs []*neo4j.Record) ([]levelEdge, error) {
	out := make([]levelEdge, 0, len(recs))
	for _, r := range recs {
		var e levelEdge
		var err error
		if e.Target, err = field[string](r, "target"); err != nil {
			return nil, err
		}
		if e.Relation, err = field[string](r, "relation"); err != nil {
			return nil, err
		}
		kind, err := field[string](r, "kind")
		if err != nil {
			return nil, err
		}
		e.Kind = argmap.RelationKind(kind)
		ps, err := field[[]any](r, "premises")
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			id, ok := p.(string)
			if !ok {
				return nil, badRecord("premise is a %T, want an ID", p)
			}
			e.Premises = append(e.Premises, id)
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Relation < out[j].Relation })
	return out, nil
}

// walk is a breadth-first walk backwards along relations from one claim; it
// keeps the first (shortest) path found to each node and relation.
type walk struct {
	paths    map[string][]argmap.Step // claim or evidence -> steps to the claim
	relPaths map[string][]argmap.Step // relation -> steps from it to the claim
	order    []string                 // claims and evidence in the order reached
}

func newWalk(claimID string) *walk {
	return &walk{
		paths:    map[string][]argmap.Step{claimID: {}},
		relPaths: map[string][]argmap.Step{},
		order:    []string{claimID},
	}
}

// step takes one level of edges and returns the claims and relations that
// the next level starts from. A premise's path is the relation's step from
// it followed by the target's path; a relation's own path (for undercuts of
// it) enters it from its own ID.
func (w *walk) step(edges []levelEdge) (claims, relations []string) {
	for _, e := range edges {
		if _, seen := w.relPaths[e.Relation]; seen {
			continue
		}
		tpath, ok := w.paths[e.Target]
		if !ok {
			if tpath, ok = w.relPaths[e.Target]; !ok {
				continue
			}
		}
		w.relPaths[e.Relation] = prepend(argmap.Step{RelationID: e.Relation, Kind: e.Kind, From: e.Relation, To: e.Target}, tpath)
		relations = append(relations, e.Relation)
		for _, p := range e.Premises {
			if _, seen := w.paths[p]; seen {
				continue
			}
			w.paths[p] = prepend(argmap.Step{RelationID: e.Relation, Kind: e.Kind, From: p, To: e.Target}, tpath)
			w.order = append(w.order, p)
			if argmap.KindOf(p) == argmap.KindClaim {
				claims = append(claims, p)
			}
		}
	}
	return claims, relations
}

func prepend(s argmap.Step, rest []argmap.Step) []argmap.Step {
	out := make([]argmap.Step, 0, 1+len(rest))
	return append(append(out, s), rest...)
}

// reaches returns the walk's nodes with their spans: the claim first, then
// by path length, then by ID.
func (w *walk) reaches(spans map[string][]argmap.Span) []argmap.Reach {
	out := make([]argmap.Reach, 0, len(w.order))
	for _, id := range w.order {
		sp := spans[id]
		if sp == nil {
			sp = []argmap.Span{}
		}
		out = append(out, argmap.Reach{Node: id, Steps: w.paths[id], Spans: sp})
	}
	sort.SliceStable(out[min(1, len(out)):], func(i, j int) bool {
		a, b := out[1+i], out[1+j]
		if len(a.Steps) != len(b.Steps) {
			return len(a.Steps) < len(b.Steps)
		}
		return a.Node < b.Node
	})
	return out
}

// Reach walks relations backwards from the claim, at most depth relations
// deep (0: the claim alone; at most argmap.MaxDepth), one statement per level. ENOTFOUND if the
// claim is unknown.
func (s *Store) Reach(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	depth = clampDepth(depth)
	var out []argmap.Reach
	err := s.read(ctx, "reach", func(t tx) error {
		root, err := claimsByIDs(ctx, t, []string{claimID})
		if err != nil {
			return err
		}
		if len(root) == 0 {
			return notFound(argmap.KindClaim, claimID)
		}
		w := newWalk(claimID)
		claims, relations := []string{claimID}, []string{}
		for level := 0; level < depth && len(claims)+len(relations) > 0; level++ {
			recs, err := run(ctx, t, qReachLevel, map[string]any{"claims": claims, "relations": relations})
			if err != nil {
				return err
			}
			edges, err := levelEdgesFrom(recs)
			if err != nil {
				return err
			}
			claims, relations = w.step(edges)
			if claims == nil {
				claims = []string{}
			}
			if relations == nil {
				relations = []string{}
			}
		}
		sets := splitIDs(w.order[1:])
		spans := map[string][]argmap.Span{claimID: root[0].Spans}
		cs, err := claimsByIDs(ctx, t, sets[argmap.KindClaim])
		if err != nil {
			return err
		}
		for _, c := range cs {
			spans[c.ID] = c.Spans
		}
		es, err := evidenceByIDs(ctx, t, sets[argmap.KindEvidence])
		if err != nil {
			return err
		}
		for _, e := range es {
			spans[e.ID] = e.Spans
		}
		out = w.reaches(spans)
		return nil
	})
	return out, err
}
