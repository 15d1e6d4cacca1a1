package sqlitestore

import (
	"context"
	"database/sql"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
)

// maxCachedRelations bounds the adjacency cache: a store with more relations
// walks them in SQL, one query per level. The cache takes about 25 MB at
// 300,000 relations.
const maxCachedRelations = 1_000_000

// adjacency keeps every relation's target, kind and premises in memory for
// Reach, read in one query. It is used only in a read transaction that sees
// the graph_version it was read at, so a write by any connection or process
// makes the walk go back to SQL. A new copy is read in the background once a
// walk sees the same version as the walk before it: a store being written to
// all the time (an ingest) never pays for copies it would not use.
type adjacency struct {
	mu       sync.Mutex
	edges    *adjGraph // nil when none is read
	version  int64     // the graph_version edges were read at
	seen     int64     // the version the last walk saw
	tooBig   int64     // the version at which the store had too many relations, else -1
	building bool
	closed   bool
	ctx      context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

func newAdjacency() *adjacency {
	ctx, cancel := context.WithCancel(context.Background())
	return &adjacency{version: -1, seen: -1, tooBig: -1, ctx: ctx, cancel: cancel}
}

// close stops a copy being read and waits for it.
func (a *adjacency) close() {
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	a.cancel()
	a.wg.Wait()
}

// graphVersion reads the change counter of relations.
func graphVersion(ctx context.Context, q querier) (int64, error) {
	var v int64
	err := q.QueryRowContext(ctx, `SELECT n FROM graph_version WHERE id = 1`).Scan(&v)
	return v, err
}

// at returns the edges if they were read at version v, else nil; it starts
// reading a copy when v is the version the previous call saw too.
func (s *Store) adjacencyAt(v int64) *adjGraph {
	a := s.adj
	if a == nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.edges != nil && a.version == v {
		return a.edges
	}
	if v == a.seen && v != a.tooBig && !a.building && !a.closed {
		a.building = true
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			edges, version, err := s.readAdjacency(a.ctx)
			a.mu.Lock()
			defer a.mu.Unlock()
			a.building = false
			switch {
			case err != nil:
				// the walks go on in SQL; the next stable version tries again
			case edges == nil:
				a.tooBig = version
			default:
				a.edges, a.version = edges, version
			}
		}()
	}
	a.seen = v
	return nil
}

// adjGraph is the relations as flat arrays with no pointers in them, so
// that the garbage collector does not walk them (a map of strings and
// slices of 300,000 relations made every collection slower, and with it the
// slowest answers): every ID read is stored once in arena and named by its
// index, found by an open-addressing hash table over the arena.
type adjGraph struct {
	arena []byte
	off   []uint32 // ID i is arena[off[i]:off[i+1]]
	slots []uint32 // hash table: ID index + 1, 0 when empty
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

func (g *adjGraph) id(i uint32) string { return string(g.arena[g.off[i]:g.off[i+1]]) }

func hashID(s string) uint32 {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// lookup returns the index of ID s.
func (g *adjGraph) lookup(s string) (uint32, bool) {
	mask := uint32(len(g.slots) - 1)
	for h := hashID(s) & mask; g.slots[h] != 0; h = (h + 1) & mask {
		i := g.slots[h] - 1
		if string(g.arena[g.off[i]:g.off[i+1]]) == s {
			return i, true
		}
	}
	return 0, false
}

// to returns the relations targeting id in the form relationsTo gives.
func (g *adjGraph) to(id string) []edge {
	t, ok := g.lookup(id)
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
			from = append(from, g.id(p))
		}
		out = append(out, edge{ID: g.id(ed.rel), Kind: kind, To: id, From: from})
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
		g := &adjGraph{off: []uint32{0}}
		index := map[string]uint32{} // while reading only
		intern := func(s string) uint32 {
			if i, ok := index[s]; ok {
				return i
			}
			i := uint32(len(g.off) - 1)
			g.arena = append(g.arena, s...)
			g.off = append(g.off, uint32(len(g.arena)))
			index[s] = i
			return i
		}
		var targets []uint32 // of each edge
		for rows.Next() {
			var id, kind, to, from string
			if err := rows.Scan(&id, &kind, &to, &from); err != nil {
				return err
			}
			t, r, f := intern(to), intern(id), intern(from)
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
		ids := len(g.off) - 1
		g.start, g.count = make([]uint32, ids), make([]uint32, ids)
		for e, t := range targets { // each target's edges are together
			if g.count[t] == 0 {
				g.start[t] = uint32(e)
			}
			g.count[t]++
		}
		size := 1
		for size < 2*ids+2 {
			size *= 2
		}
		g.slots = make([]uint32, size)
		mask := uint32(size - 1)
		for i := range uint32(ids) {
			h := hashID(g.id(i)) & mask
			for g.slots[h] != 0 {
				h = (h + 1) & mask
			}
			g.slots[h] = i + 1
		}
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
