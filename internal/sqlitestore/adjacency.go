package sqlitestore

import (
	"context"
	"database/sql"

	"github.com/argmap/argmap/internal/argmap"
)

// maxCachedRelations bounds the adjacency cache: a store with more relations
// walks them in SQL, one query per level. The cache takes about 25 MB at
// 300,000 relations.
const maxCachedRelations = 1_000_000

// graphVersion reads the change counter of relations.
func graphVersion(ctx context.Context, q querier) (int64, error) {
	var v int64
	err := q.QueryRowContext(ctx, `SELECT n FROM graph_version WHERE id = 1`).Scan(&v)
	return v, err
}

// adjGraph is every relation's target, kind and premises in memory for
// Reach, read in one query (a memCopy at graph_version), as flat arrays with
// no pointers in them, so that the garbage collector does not walk them (a
// map of strings and slices of 300,000 relations made every collection
// slower, and with it the slowest answers).
type adjGraph struct {
	ids   *idTable // relation and node IDs
	start []uint32 // target i's edges are edges[start[i] : start[i]+count[i]]
	count []uint32
	edges []adjEdge // by target, each target's by relation ID; one more at the end
	prem  []uint32  // edge e's premises are prem[edges[e].prem : edges[e+1].prem]
}

type adjEdge struct {
	rel      uint32 // the relation's ID
	prem     uint32
	contests bool
}

// to returns the relations targeting id in the form relationsTo gives.
func (g *adjGraph) to(id string) []edge {
	t, ok := g.ids.lookup(id)
	if !ok || g.count[t] == 0 {
		return nil
	}
	out := make([]edge, 0, g.count[t])
	for e := g.start[t]; e < g.start[t]+g.count[t]; e++ {
		ed := g.edges[e]
		kind := argmap.Supports
		if ed.contests {
			kind = argmap.Contests
		}
		from := make([]string, 0, g.edges[e+1].prem-ed.prem)
		for _, p := range g.prem[ed.prem:g.edges[e+1].prem] {
			from = append(from, g.ids.str(p))
		}
		out = append(out, edge{ID: g.ids.str(ed.rel), Kind: kind, To: id, From: from})
	}
	return out
}

// readAdjacency reads every relation's edge in one read transaction, with the
// graph_version it saw; a nil graph when the store holds more than
// maxCachedRelations.
func (s *Store) readAdjacency(ctx context.Context) (*adjGraph, int64, error) {
	var out *adjGraph
	var version int64
	err := s.read(ctx, "read the relations", func(tx *sql.Tx) error {
		var err error
		if version, err = graphVersion(ctx, tx); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM relations`).Scan(&n); err != nil {
			return err
		}
		if n > maxCachedRelations {
			out = nil
			return nil
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT r.id, r.kind, r.to_id, p.node_id FROM relations r
			JOIN relation_premises p ON p.relation_id = r.id
			ORDER BY r.to_id, r.id, p.position`)
		if err != nil {
			return err
		}
		defer rows.Close()
		g := &adjGraph{ids: newIDTable()}
		var targets []uint32 // of each edge
		for rows.Next() {
			var id, kind, to, from string
			if err := rows.Scan(&id, &kind, &to, &from); err != nil {
				return err
			}
			t, r, f := g.ids.add(to), g.ids.add(id), g.ids.add(from)
			if k := len(g.edges) - 1; k >= 0 && g.edges[k].rel == r && targets[k] == t {
				g.prem = append(g.prem, f)
				continue
			}
			g.edges = append(g.edges, adjEdge{rel: r, prem: uint32(len(g.prem)), contests: kind == string(argmap.Contests)})
			targets = append(targets, t)
			g.prem = append(g.prem, f)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		g.edges = append(g.edges, adjEdge{prem: uint32(len(g.prem))})
		ids := g.ids.len()
		g.start, g.count = make([]uint32, ids), make([]uint32, ids)
		for e, t := range targets { // each target's edges are together
			if g.count[t] == 0 {
				g.start[t] = uint32(e)
			}
			g.count[t]++
		}
		g.ids.seal()
		out = g
		return nil
	})
	return out, version, err
}

// edgesTo returns the relations targeting each of the IDs, by target, ordered
// by relation ID, from the adjacency cache when it holds this transaction's
// graph, else from SQL.
func (s *Store) edgesTo(ctx context.Context, q querier, cached *adjGraph, targets []string) (map[string][]edge, error) {
	if cached == nil {
		return relationsTo(ctx, q, targets)
	}
	out := make(map[string][]edge, len(targets))
	for _, t := range targets {
		if es := cached.to(t); len(es) > 0 {
			out[t] = es
		}
	}
	return out, nil
}
