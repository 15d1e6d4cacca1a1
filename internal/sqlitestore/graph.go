package sqlitestore

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// maxReach bounds how many claims and evidence one Reach returns, so that a
// query on a hub of a huge graph stays bounded.
const maxReach = 20000

// WriteGraph stores every record of g in one transaction: all or nothing.
// Records may refer to records already stored. Actors are upserted (an
// existing actor gains the new name and aliases as aliases); a source of kind
// "cited" whose ID is already stored is kept as it is; any other existing ID
// or content hash is ECONFLICT. EINVALID if g is invalid (every problem
// reported). Zero CreatedAt times in g are set to argmap.Now(). A graph of
// at least bulkMinRows claims, evidence, relations and spans (a copy, a large
// map import) is written as a bulk load of its own (see Bulk).
func (s *Store) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	if g == nil {
		return argmap.Errorf(argmap.EINVALID, "the graph is missing")
	}
	// Checking the records takes time linear in the size of g: done here,
	// before the write transaction, it holds up no other writer. An invalid
	// graph has its references checked in a read transaction too, so that
	// every problem is reported without taking the write lock at all.
	if err := g.CheckRecords(); err != nil {
		return s.read(ctx, "validate graph", func(tx *sql.Tx) error {
			return g.ValidateContext(ctx, func(ctx context.Context, id string) (bool, error) { return exists(ctx, tx, id) })
		})
	}
	err := s.writeFTS(ctx, "write graph", true, func(tx *sql.Tx) error { return s.writeGraphIn(ctx, tx, g) })
	if s.tx == nil && graphRows(g) >= bulkMinRows {
		s.afterBulk(ctx, err == nil)
	}
	return err
}

// Stats counts the records stored.
func (s *Store) Stats(ctx context.Context) (argmap.Counts, error) {
	var c argmap.Counts
	err := s.read(ctx, "count records", func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM sources), (SELECT count(*) FROM claims), (SELECT count(*) FROM evidence),
			(SELECT count(*) FROM actors), (SELECT count(*) FROM relations), (SELECT count(*) FROM citations)`).
			Scan(&c.Sources, &c.Claims, &c.Evidence, &c.Actors, &c.Relations, &c.Citations)
	})
	return c, err
}

// Dump returns every record, sources with their text, each kind ordered by ID.
func (s *Store) Dump(ctx context.Context) (*argmap.Graph, error) {
	var g *argmap.Graph
	err := s.read(ctx, "dump", func(tx *sql.Tx) error {
		var err error
		g, err = everything(ctx, tx, true)
		return err
	})
	return g, err
}

// everything reads the whole store.
func everything(ctx context.Context, q querier, withText bool) (*argmap.Graph, error) {
	g := &argmap.Graph{}
	var err error
	cols := sourceCols
	if withText {
		cols += `, s.text`
	}
	if g.Sources, err = scanSources(ctx, q, withText, `SELECT `+cols+` FROM sources s ORDER BY s.id`); err != nil {
		return nil, err
	}
	if g.Claims, err = scanClaims(ctx, q, `SELECT `+claimCols+` FROM claims c ORDER BY c.id`); err != nil {
		return nil, err
	}
	if g.Evidence, err = scanEvidence(ctx, q, `SELECT `+evidenceCols+` FROM evidence e ORDER BY e.id`); err != nil {
		return nil, err
	}
	if g.Actors, err = scanActors(ctx, q, `SELECT `+actorCols+` FROM actors a ORDER BY a.id`); err != nil {
		return nil, err
	}
	if g.Relations, err = scanRelations(ctx, q, `SELECT `+relationCols+` FROM relations r ORDER BY r.id`); err != nil {
		return nil, err
	}
	if g.Citations, err = scanCitations(ctx, q, `SELECT `+citationCols+` FROM citations t ORDER BY t.id`); err != nil {
		return nil, err
	}
	return g, nil
}

// Reach walks relations backwards from the claim, at most depth relations
// deep, breadth first, and returns every claim or evidence that bears on it,
// each with the shortest path (ties go to the lower relation ID) and its
// spans: the claim itself first, then by path length and ID. Relations that
// target a relation on a path (undercuts) are followed too. At most 20000
// nodes are returned. ENOTFOUND if the claim is unknown. The relations are
// read from the adjacency cache when it holds the graph this read sees, else
// one query per level.
func (s *Store) Reach(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	if depth < 0 {
		depth = 0
	}
	if depth > argmap.MaxDepth {
		depth = argmap.MaxDepth
	}
	if err := ctx.Err(); err != nil {
		return nil, translate(ctx, err, "reach")
	}
	// both copies current: the walk needs no transaction
	cached, content, err := s.copies(ctx)
	if err != nil {
		return nil, translate(ctx, err, "reach")
	}
	if cached != nil && content != nil {
		var out []argmap.Reach
		if err := s.reach(ctx, nil, cached, content, claimID, depth, &out); err != nil {
			return nil, translate(ctx, err, "reach")
		}
		return out, nil
	}
	var out []argmap.Reach
	err = s.read(ctx, "reach", func(tx *sql.Tx) error {
		pq := prepared{s, tx}
		var cached *adjGraph
		var content *contentCopy
		if s.tx == nil {
			// both change counters in one query
			var v, cv int64
			if err := pq.QueryRowContext(ctx, versionsQuery).Scan(&v, &cv); err != nil {
				return err
			}
			cached, content = s.adj.at(v), s.cc.at(cv)
		}
		return s.reach(ctx, pq, cached, content, claimID, depth, &out)
	})
	return out, err
}

// reach is Reach's walk from the relations copy or in SQL (pq, a querier of
// a read transaction; nil only with both copies), its spans from the content
// copy or in SQL, into *out.
func (s *Store) reach(ctx context.Context, pq querier, cached *adjGraph, content *contentCopy, claimID string, depth int, out *[]argmap.Reach) error {
	var ok bool
	if content != nil {
		n, known := content.node(claimID)
		ok = known && int(n) < content.claims
	} else {
		var err error
		if ok, err = exists(ctx, pq, claimID); err != nil {
			return err
		}
	}
	if !ok || argmap.KindOf(claimID) != argmap.KindClaim {
		return notFound(argmap.KindClaim, claimID)
	}
	// the nodes reached, each with its path back to claimID
	var reached []string
	var steps [][]argmap.Step
	if cached != nil {
		reached, steps = cached.walk(claimID, depth, maxReach)
	} else {
		paths := map[string][]argmap.Step{claimID: {}}
		reached = []string{claimID}
		frontier := []string{claimID}
		for d := 0; d < depth && len(frontier) > 0 && len(reached) < maxReach; d++ {
			rels, err := relationsTo(ctx, pq, frontier)
			if err != nil {
				return err
			}
			var next []string
			for _, t := range frontier {
				for _, r := range rels[t] {
					base := paths[t]
					for _, f := range r.From {
						if _, seen := paths[f]; seen {
							continue
						}
						paths[f] = prepend(argmap.Step{RelationID: r.ID, Kind: r.Kind, From: f, To: t}, base)
						next = append(next, f)
						reached = append(reached, f)
					}
					if _, seen := paths[r.ID]; !seen {
						paths[r.ID] = prepend(argmap.Step{RelationID: r.ID, Kind: r.Kind, From: r.ID, To: t}, base)
						next = append(next, r.ID)
					}
				}
			}
			frontier = next
		}
		if len(reached) > maxReach {
			reached = reached[:maxReach]
		}
		steps = make([][]argmap.Step, len(reached))
		for i, id := range reached {
			steps[i] = paths[id]
		}
	}
	res := make([]argmap.Reach, len(reached))
	*out = res
	if content != nil {
		// every node's spans in one array, each node's a slice of it
		// with no room to append into the next one's
		nodes := make([]uint32, len(reached)) // index + 1, 0 when not a claim or evidence
		total := 0
		for i, id := range reached {
			if n, ok := content.node(id); ok {
				nodes[i] = n + 1
				total += int(content.spanCount[n])
			}
		}
		all := make([]argmap.Span, 0, total)
		for i, id := range reached {
			sp := []argmap.Span{}
			if n := nodes[i]; n > 0 && content.spanCount[n-1] > 0 {
				from := len(all)
				all = content.appendSpans(all, n-1)
				sp = all[from:len(all):len(all)]
			}
			res[i] = argmap.Reach{Node: id, Steps: steps[i], Spans: sp}
		}
	} else {
		spans, err := spansOf(ctx, pq, reached)
		if err != nil {
			return err
		}
		for i, id := range reached {
			sp := spans[id]
			if sp == nil {
				sp = []argmap.Span{}
			}
			res[i] = argmap.Reach{Node: id, Steps: steps[i], Spans: sp}
		}
	}
	slices.SortStableFunc(res[1:], func(a, b argmap.Reach) int {
		if len(a.Steps) != len(b.Steps) {
			return len(a.Steps) - len(b.Steps)
		}
		return strings.Compare(a.Node, b.Node)
	})
	return nil
}

func prepend(s argmap.Step, rest []argmap.Step) []argmap.Step {
	out := make([]argmap.Step, 0, len(rest)+1)
	return append(append(out, s), rest...)
}

// edge is a relation reduced to what traversals need.
type edge struct {
	ID   string
	Kind argmap.RelationKind
	To   string
	From []string
}

// relationsTo returns the relations targeting each of the IDs, by target,
// ordered by relation ID.
func relationsTo(ctx context.Context, q querier, targets []string) (map[string][]edge, error) {
	// the view relation_premises, by its parts (migration 0018)
	rows, err := q.QueryContext(ctx, `
		SELECT r.id, r.kind, r.to_id, 0, r.premise_id FROM relations r
			WHERE r.to_id IN (SELECT value FROM json_each(?1)) AND r.premise_id IS NOT NULL
		UNION ALL
		SELECT r.id, r.kind, r.to_id, p.position, p.node_id FROM relations r
			JOIN extra_premises p ON p.relation_id = r.id
			WHERE r.to_id IN (SELECT value FROM json_each(?1))
		ORDER BY 3, 1, 4`, jsonList(targets))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]edge{}
	for rows.Next() {
		var id, kind, to, from string
		var pos int
		if err := rows.Scan(&id, &kind, &to, &pos, &from); err != nil {
			return nil, err
		}
		list := out[to]
		if n := len(list); n > 0 && list[n-1].ID == id {
			list[n-1].From = append(list[n-1].From, from)
			continue
		}
		out[to] = append(list, edge{ID: id, Kind: argmap.RelationKind(kind), To: to, From: []string{from}})
	}
	return out, rows.Err()
}
