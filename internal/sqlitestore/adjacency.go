package sqlitestore

import (
	"context"
	"database/sql"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
)

// maxCachedRelations bounds the adjacency cache: a store with more relations
// walks them in SQL, one query per level. The cache takes about 25 MB at
// 300,000 relations; the bound lets a store of 1M claims with three
// relations each (the large graph) walk from memory, as its claims
// are read from the content copy (maxCachedNodes).
const maxCachedRelations = 4_000_000

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
	// target[e] is edge e's target; relEdge[i] is the edge of the relation
	// with ID index i (-1 for a node), so that a relation's ends are read
	// by its ID
	target  []uint32
	relEdge []int32

	scratch sync.Pool // of *walkScratch, so that a walk allocates only what it returns
}

// walkScratch is what one walk uses and leaves: a mark per ID of the table
// (mark[i] == gen: seen in the walk under way) and the walk's lists.
type walkScratch struct {
	mark              []uint32
	gen               uint32
	visits            []visit
	reached, frontier []int32
	next              []int32
}

// visit i of a walk reached node from visits[parent]'s node through
// relation rel.
type visit struct {
	node, rel uint32
	parent    int32
	contests  bool
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
		// the view relation_premises, by its parts (migration 0018)
		rows, err := tx.QueryContext(ctx, `
			SELECT r.id, r.kind, r.to_id, 0, r.premise_id FROM relations r WHERE r.premise_id IS NOT NULL
			UNION ALL
			SELECT r.id, r.kind, r.to_id, p.position, p.node_id FROM relations r
				JOIN extra_premises p ON p.relation_id = r.id
			ORDER BY 3, 1, 4`)
		if err != nil {
			return err
		}
		defer rows.Close()
		g := &adjGraph{ids: newIDTable()}
		var targets []uint32 // of each edge
		for rows.Next() {
			var id, kind, to, from string
			var pos int
			if err := rows.Scan(&id, &kind, &to, &pos, &from); err != nil {
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
		g.target = targets
		g.relEdge = make([]int32, ids)
		for i := range g.relEdge {
			g.relEdge[i] = -1
		}
		for e, ed := range g.edges[:len(targets)] {
			g.relEdge[ed.rel] = int32(e)
		}
		g.ids.seal()
		out = g
		return nil
	})
	return out, version, err
}

// ends returns the premises and target of the relation with the ID; false
// when the copy has no such relation.
func (g *adjGraph) ends(id string) ([]string, string, bool) {
	i, ok := g.ids.lookup(id)
	if !ok || g.relEdge[i] < 0 {
		return nil, "", false
	}
	e := g.relEdge[i]
	from := make([]string, 0, g.edges[e+1].prem-g.edges[e].prem)
	for _, p := range g.prem[g.edges[e].prem:g.edges[e+1].prem] {
		from = append(from, g.ids.str(p))
	}
	return from, g.ids.str(g.target[e]), true
}

// walk is Reach's breadth-first walk back from root over the copy, by node
// number: the claims and evidence reached (root first, then level by level,
// each target's relations in ID order, each relation's premises in order;
// relations are walked through, for the undercuts that target them, but not
// listed), at most limit of them, each with its path back to root. It
// stops at depth levels or once limit nodes are reached.
func (g *adjGraph) walk(root string, depth, limit int) ([]string, [][]argmap.Step) {
	r, ok := g.ids.lookup(root)
	if !ok {
		return []string{root}, [][]argmap.Step{{}}
	}
	sc, _ := g.scratch.Get().(*walkScratch)
	if sc == nil {
		sc = &walkScratch{mark: make([]uint32, g.ids.len())}
	}
	defer g.scratch.Put(sc)
	if sc.gen++; sc.gen == 0 {
		clear(sc.mark)
		sc.gen = 1
	}
	gen, mark := sc.gen, sc.mark
	mark[r] = gen
	visits := append(sc.visits[:0], visit{node: r, parent: -1})
	reached := append(sc.reached[:0], 0)
	frontier := append(sc.frontier[:0], 0)
	next := sc.next[:0]
	defer func() { sc.visits, sc.reached, sc.frontier, sc.next = visits, reached, frontier, next }()
	for d := 0; d < depth && len(frontier) > 0 && len(reached) < limit; d++ {
		next = next[:0]
		for _, v := range frontier {
			t := visits[v].node
			for e := g.start[t]; e < g.start[t]+g.count[t]; e++ {
				ed := g.edges[e]
				for _, p := range g.prem[ed.prem:g.edges[e+1].prem] {
					if mark[p] == gen {
						continue
					}
					mark[p] = gen
					next = append(next, int32(len(visits)))
					reached = append(reached, int32(len(visits)))
					visits = append(visits, visit{node: p, rel: ed.rel, parent: v, contests: ed.contests})
				}
				if mark[ed.rel] != gen {
					mark[ed.rel] = gen
					next = append(next, int32(len(visits)))
					visits = append(visits, visit{node: ed.rel, rel: ed.rel, parent: v, contests: ed.contests})
				}
			}
		}
		frontier, next = next, frontier
	}
	n := min(len(reached), limit)
	ids := make([]string, n)
	paths := make([][]argmap.Step, n)
	ids[0], paths[0] = root, []argmap.Step{}
	for i, v := range reached[1:n] {
		ids[i+1] = g.ids.str(visits[v].node)
		steps := 0
		for u := v; visits[u].parent >= 0; u = visits[u].parent {
			steps++
		}
		path := make([]argmap.Step, 0, steps)
		for ; visits[v].parent >= 0; v = visits[v].parent {
			kind := argmap.Supports
			if visits[v].contests {
				kind = argmap.Contests
			}
			path = append(path, argmap.Step{RelationID: g.ids.str(visits[v].rel), Kind: kind,
				From: g.ids.str(visits[v].node), To: g.ids.str(visits[visits[v].parent].node)})
		}
		paths[i+1] = path
	}
	return ids, paths
}
