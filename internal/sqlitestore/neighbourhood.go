package sqlitestore

import (
	"context"
	"database/sql"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// Neighbourhood returns the claims and evidence within depth relations of
// focus (a claim, evidence or relation ID), the relations among them, the
// actors of the claims, the sources their spans lie in (without text) and the
// citations among those sources. Distance counts the relations crossed in
// either direction; a relation is at the distance of its premises and target,
// so a relation as focus puts its endpoints at distance 0, and an undercut
// brings the relation it targets (and that relation's endpoints) along. With focus "" it returns the whole
// graph without texts (with limit, the first limit claims and evidence by
// ID). At most limit claims and evidence, nearest first (0: no limit).
// ENOTFOUND if focus is unknown.
func (s *Store) Neighbourhood(ctx context.Context, focus string, depth, limit int) (*argmap.Graph, error) {
	if depth < 0 {
		depth = 0
	}
	if depth > argmap.MaxDepth {
		depth = argmap.MaxDepth
	}
	if limit < 0 {
		limit = 0
	}
	var g *argmap.Graph
	err := s.read(ctx, "read neighbourhood", func(tx *sql.Tx) error {
		var err error
		switch {
		case focus == "" && limit == 0:
			g, err = everything(ctx, tx, false)
			return err
		case focus == "":
			nodes, err := collect(ctx, tx, `SELECT id FROM (SELECT id FROM claims UNION ALL SELECT id FROM evidence)
				ORDER BY id LIMIT ?`, limit)
			if err != nil {
				return err
			}
			g, err = assemble(ctx, tx, nodes)
			return err
		}
		switch argmap.KindOf(focus) {
		case argmap.KindClaim, argmap.KindEvidence, argmap.KindRelation:
		default:
			return argmap.Errorf(argmap.ENOTFOUND, "%s is not a claim, evidence or relation ID", focus)
		}
		ok, err := exists(ctx, tx, focus)
		if err != nil {
			return err
		}
		if !ok {
			return argmap.Errorf(argmap.ENOTFOUND, "%s not found", focus)
		}
		nodes, err := explore(ctx, tx, focus, depth, limit)
		if err != nil {
			return err
		}
		g, err = assemble(ctx, tx, nodes)
		return err
	})
	return g, err
}

// explore walks the graph around focus, nearest first, and returns the claims
// and evidence within depth relations. The walk is a 0-1 breadth-first search
// over claims, evidence and relations in which entering a relation costs one.
func explore(ctx context.Context, tx *sql.Tx, focus string, depth, limit int) ([]string, error) {
	// The walk asks the same three questions of many vertices: prepare them.
	var stmts [4]*sql.Stmt
	for i, q := range []string{
		`SELECT kind, to_id FROM relations WHERE id = ?`,
		// the view relation_premises, by its parts (migration 0018)
		`SELECT node_id FROM (SELECT 0 AS position, premise_id AS node_id FROM relations WHERE id = ?1 AND premise_id IS NOT NULL
			UNION ALL SELECT position, node_id FROM extra_premises WHERE relation_id = ?1) ORDER BY position`,
		`SELECT id FROM relations WHERE to_id = ? ORDER BY id`,
		`SELECT id FROM relations WHERE premise_id = ?1 UNION SELECT relation_id FROM extra_premises WHERE node_id = ?1
			UNION SELECT id FROM relations WHERE to_id = ?1 ORDER BY 1`,
	} {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		defer st.Close()
		stmts[i] = st
	}
	list := func(st *sql.Stmt, arg string) ([]string, error) {
		rows, err := st.QueryContext(ctx, arg)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, rows.Err()
	}
	dist := map[string]int{focus: 0}
	levels := make([][]string, depth+2)
	levels[0] = []string{focus}
	push := func(id string, cost int) {
		if d, ok := dist[id]; ok && d <= cost {
			return
		}
		if cost > depth {
			return
		}
		dist[id] = cost
		levels[cost] = append(levels[cost], id)
	}
	var nodes []string
	done := map[string]bool{}
	for d := 0; d <= depth; d++ {
		for i := 0; i < len(levels[d]); i++ {
			v := levels[d][i]
			if dist[v] != d || done[v] {
				continue
			}
			done[v] = true
			if argmap.KindOf(v) == argmap.KindRelation {
				var to, kind string
				if err := stmts[0].QueryRowContext(ctx, v).Scan(&kind, &to); err != nil {
					return nil, err
				}
				from, err := list(stmts[1], v)
				if err != nil {
					return nil, err
				}
				r := edge{ID: v, Kind: argmap.RelationKind(kind), To: to, From: from}
				for _, f := range r.From {
					push(f, d)
				}
				// An undercut brings the relation it targets at the same
				// distance: one cannot be shown without the other.
				push(r.To, d)
				under, err := list(stmts[2], v)
				if err != nil {
					return nil, err
				}
				for _, u := range under {
					push(u, d+1)
				}
				continue
			}
			if limit > 0 && len(nodes) >= limit {
				continue
			}
			nodes = append(nodes, v)
			touching, err := list(stmts[3], v)
			if err != nil {
				return nil, err
			}
			for _, r := range touching {
				push(r, d+1)
			}
		}
	}
	return nodes, nil
}

// assemble builds the graph of the given claims and evidence: the relations
// among them (undercuts included when their target is), the claims' actors,
// the sources their spans and the relations' spans lie in, and the citations
// among those sources.
func assemble(ctx context.Context, q querier, nodes []string) (*argmap.Graph, error) {
	g := &argmap.Graph{}
	list := jsonList(nodes)
	var err error
	if g.Claims, err = scanClaims(ctx, q, `SELECT `+claimCols+` FROM claims c
		WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`, list); err != nil {
		return nil, err
	}
	if g.Evidence, err = scanEvidence(ctx, q, `SELECT `+evidenceCols+` FROM evidence e
		WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id`, list); err != nil {
		return nil, err
	}
	// candidates: relations with a premise among the nodes and none
	// outside them, whose target is one of them or a relation (filtered
	// here, not in Go: the nodes of a map of hubs touch a hundred thousand
	// relations of which a few thousand are kept)
	cands, err := scanRelations(ctx, q, `SELECT `+relationCols+` FROM relations r
		WHERE r.id IN (SELECT id FROM relations WHERE premise_id IN (SELECT value FROM json_each(?1))
			UNION SELECT relation_id FROM extra_premises WHERE node_id IN (SELECT value FROM json_each(?1)))
		AND (r.to_id IN (SELECT value FROM json_each(?1)) OR r.to_id LIKE 'rel\_%' ESCAPE '\')
		AND r.premise_id IN (SELECT value FROM json_each(?1))
		AND NOT EXISTS (SELECT 1 FROM extra_premises p WHERE p.relation_id = r.id
			AND p.node_id NOT IN (SELECT value FROM json_each(?1)))
		ORDER BY r.id`, list)
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, n := range nodes {
		in[n] = true
	}
	// Keep relations whose premises and target are all present; repeat so
	// that an undercut is kept once the relation it targets is.
	kept := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, r := range cands {
			if kept[r.ID] || !(in[r.To] || kept[r.To]) {
				continue
			}
			all := true
			for _, f := range r.From {
				all = all && in[f]
			}
			if all {
				kept[r.ID] = true
				changed = true
			}
		}
	}
	sources := map[string]bool{}
	actors := map[string]bool{}
	for _, r := range cands {
		if kept[r.ID] {
			g.Relations = append(g.Relations, r)
			if r.Span != nil {
				sources[r.Span.SourceID] = true
			}
		}
	}
	for _, c := range g.Claims {
		for _, sp := range c.Spans {
			sources[sp.SourceID] = true
		}
		for _, a := range c.Actors {
			actors[a.ActorID] = true
		}
	}
	for _, e := range g.Evidence {
		for _, sp := range e.Spans {
			sources[sp.SourceID] = true
		}
		for _, a := range e.Actors {
			actors[a.ActorID] = true
		}
	}
	srcs := keys(sources)
	if g.Sources, err = scanSources(ctx, q, false, `SELECT `+sourceCols+` FROM sources s
		WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id`, jsonList(srcs)); err != nil {
		return nil, err
	}
	if g.Actors, err = scanActors(ctx, q, `SELECT `+actorCols+` FROM actors a
		WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id`, jsonList(keys(actors))); err != nil {
		return nil, err
	}
	if g.Citations, err = scanCitations(ctx, q, `SELECT `+citationCols+` FROM citations t
		WHERE t.source_id IN (SELECT value FROM json_each(?1))
		AND (t.cited_id IS NULL OR t.cited_id IN (SELECT value FROM json_each(?1)))
		ORDER BY t.id`, jsonList(srcs)); err != nil {
		return nil, err
	}
	return g, nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
