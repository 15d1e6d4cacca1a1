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

// pathsMaxDepth is the deepest Reach that reach_walk answers in one
// statement; deeper walks run reach_level once per level.
const pathsMaxDepth = 3

// Reach walks relations backwards from the claim, at most depth relations
// deep (0: the claim alone; at most argmap.MaxDepth). ENOTFOUND if the claim
// is unknown. Up to depth 3 (the default) one variable-length statement
// fetches every path with the spans of the nodes on them and Go walks the
// relations on the paths; deeper, one statement runs per level and the
// spans are read after (BenchmarkReachShapes measures both shapes).
func (s *Store) Reach(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	depth = clampDepth(depth)
	if depth <= pathsMaxDepth {
		return s.reachWalk(ctx, claimID, depth)
	}
	return s.reach(ctx, claimID, depth, statementLevels)
}

// levelsFunc calls next with each level's relations, from the claim out,
// until next returns no frontier or depth levels are done.
type levelsFunc func(ctx context.Context, t tx, claimID string, depth int, next func(edges []levelEdge) (claims, relations []string)) error

// statementLevels runs reach_level once per level.
func statementLevels(ctx context.Context, t tx, claimID string, depth int, next func([]levelEdge) ([]string, []string)) error {
	claims, relations := []string{claimID}, []string{}
	for level := 0; level < depth; level++ {
		recs, err := run(ctx, t, qReachLevel, map[string]any{"claims": claims, "relations": relations})
		if err != nil {
			return err
		}
		edges, err := levelEdgesFrom(recs)
		if err != nil {
			return err
		}
		claims, relations = next(edges)
		if len(claims)+len(relations) == 0 {
			return nil
		}
		if claims == nil {
			claims = []string{}
		}
		if relations == nil {
			relations = []string{}
		}
	}
	return nil
}

// reachWalk is Reach up to depth 3 in one statement (reach_walk): the paths
// and the spans of the nodes they reach come back together, and Go hands
// out the relations on the paths level by level, as reach_level would.
func (s *Store) reachWalk(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	var out []argmap.Reach
	err := s.readSingle(ctx, "reach", func(t tx) error {
		recs, err := run(ctx, t, qReachWalk, map[string]any{"id": claimID, "depth": int64(depth)})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return notFound(argmap.KindClaim, claimID)
		}
		into, err := pathEdgesFrom(recs[0])
		if err != nil {
			return err
		}
		spans, err := nodeSpansFrom(recs[0])
		if err != nil {
			return err
		}
		w := newWalk(claimID)
		frontier := []string{claimID}
		for level := 0; level < depth && len(frontier) > 0; level++ {
			var edges []levelEdge
			for _, target := range frontier {
				edges = append(edges, into[target]...)
			}
			sort.Slice(edges, func(i, j int) bool { return edges[i].Relation < edges[j].Relation })
			claims, relations := w.step(edges)
			frontier = append(claims, relations...)
		}
		out = w.reaches(spans)
		return nil
	})
	return out, err
}

// nodeSpansFrom maps reach_walk's nodes ({id, spans} maps) to their spans.
func nodeSpansFrom(rec *neo4j.Record) (map[string][]argmap.Span, error) {
	nodes, err := field[[]any](rec, "nodes")
	if err != nil {
		return nil, err
	}
	out := make(map[string][]argmap.Span, len(nodes))
	for _, n := range nodes {
		p, err := propsOf(n)
		if err != nil {
			return nil, err
		}
		r := reader{p: p}
		id := r.str("id")
		if r.err != nil {
			return nil, r.err
		}
		if out[id], err = spansFrom(p["spans"]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pathEdgesFrom maps reach_walk's paths (the node IDs of each from the claim
// out, and the kinds of its relations) to the relations on them by target,
// each with its premises sorted.
func pathEdgesFrom(rec *neo4j.Record) (map[string][]levelEdge, error) {
	type rel struct {
		target   string
		kind     string
		premises map[string]bool
	}
	rels := map[string]*rel{}
	var order []string
	paths, err := field[[]any](rec, "ids")
	if err != nil {
		return nil, err
	}
	pathKinds, err := field[[]any](rec, "kinds")
	if err != nil {
		return nil, err
	}
	if len(pathKinds) != len(paths) {
		return nil, badRecord("%d paths have %d lists of kinds", len(paths), len(pathKinds))
	}
	str := func(v any) (string, error) {
		s, ok := v.(string)
		if !ok {
			return "", badRecord("a path holds a %T, want a string", v)
		}
		return s, nil
	}
	for pi := range paths {
		ids, ok := paths[pi].([]any)
		if !ok {
			return nil, badRecord("a path is a %T, want a list", paths[pi])
		}
		kinds, ok := pathKinds[pi].([]any)
		if !ok || len(kinds) != len(ids) {
			return nil, badRecord("a path of %d nodes has kinds %v", len(ids), pathKinds[pi])
		}
		for i := 1; i < len(ids); i++ {
			id, err := str(ids[i])
			if err != nil {
				return nil, err
			}
			if argmap.KindOf(id) != argmap.KindRelation {
				continue
			}
			rr, ok := rels[id]
			if !ok {
				target, err := str(ids[i-1])
				if err != nil {
					return nil, err
				}
				kind, err := str(kinds[i])
				if err != nil {
					return nil, err
				}
				rr = &rel{target: target, kind: kind, premises: map[string]bool{}}
				rels[id] = rr
				order = append(order, id)
			}
			if i+1 < len(ids) {
				p, err := str(ids[i+1])
				if err != nil {
					return nil, err
				}
				if argmap.KindOf(p) != argmap.KindRelation {
					rr.premises[p] = true
				}
			}
		}
	}
	into := map[string][]levelEdge{}
	for _, id := range order {
		rr := rels[id]
		e := levelEdge{Target: rr.target, Relation: id, Kind: argmap.RelationKind(rr.kind)}
		for p := range rr.premises {
			e.Premises = append(e.Premises, p)
		}
		sort.Strings(e.Premises)
		into[rr.target] = append(into[rr.target], e)
	}
	return into, nil
}

// reach walks from the claim with levels and reads the spans of what it
// reached, in one read transaction.
func (s *Store) reach(ctx context.Context, claimID string, depth int, levels levelsFunc) ([]argmap.Reach, error) {
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
		if err := levels(ctx, t, claimID, depth, w.step); err != nil {
			return err
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

// NodeTexts returns the short text of each claim (its gist, else its text)
// and piece of evidence among ids, in one statement; other and unknown IDs
// are left out.
func (s *Store) NodeTexts(ctx context.Context, ids []string) (map[string]string, error) {
	ids = uniqueSorted(append([]string(nil), ids...))
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.readSingle(ctx, "read node texts", func(t tx) error {
		recs, err := run(ctx, t, qNodeTexts, map[string]any{"ids": ids})
		if err != nil {
			return err
		}
		clear(out)
		for _, rec := range recs {
			id, err := field[string](rec, "id")
			if err != nil {
				return err
			}
			text, err := field[string](rec, "text")
			if err != nil {
				return err
			}
			out[id] = text
		}
		return nil
	})
	return out, err
}
