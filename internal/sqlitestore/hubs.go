package sqlitestore

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
)

// Hubs returns the graph of the limit claims and evidence with the most
// relations (as a premise or as the target), most first, ties by ID, nodes
// with no relation last. The degrees are counted in SQL over the indexes of
// premises and targets (relations_premise, extra_premises_node, relations_to: IDs only, no
// record is read); only the chosen nodes are read, as Neighbourhood reads
// them.
func (s *Store) Hubs(ctx context.Context, limit int) (*argmap.Graph, error) {
	if limit <= 0 {
		return &argmap.Graph{}, nil
	}
	var g *argmap.Graph
	err := s.read(ctx, "read hubs", func(tx *sql.Tx) error {
		q := prepared{s, tx}
		nodes, err := s.ranked(ctx, q, limit)
		if err != nil {
			return err
		}
		if len(nodes) < limit {
			// then the nodes with no relation, by ID
			rest, err := collect(ctx, q, `SELECT id FROM (SELECT id FROM claims UNION ALL SELECT id FROM evidence) x
				WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.premise_id = x.id)
				AND NOT EXISTS (SELECT 1 FROM extra_premises p WHERE p.node_id = x.id)
				AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.to_id = x.id)
				ORDER BY id LIMIT ?`, limit-len(nodes))
			if err != nil {
				return err
			}
			nodes = append(nodes, rest...)
		}
		g, err = assemble(ctx, tx, nodes)
		return err
	})
	return g, err
}

// hubsCache keeps the last ranking of Hubs with the graph_version it was
// counted at: counting is a pass over every premise and target (seconds at
// millions of relations), and a served store draws its whole map again and
// again between changes of its relations.
type hubsCache struct {
	mu      sync.Mutex
	version int64
	limit   int
	nodes   []string
}

// ranked returns the at most limit claims and evidence with the most
// relations, most first, ties by ID, counted again only when the relations
// changed (graph_version) or more are asked for than were counted.
func (s *Store) ranked(ctx context.Context, q querier, limit int) ([]string, error) {
	var v int64 = -1
	if s.hubs != nil {
		var err error
		if v, err = graphVersion(ctx, q); err != nil {
			return nil, err
		}
		s.hubs.mu.Lock()
		cv, cl, cn := s.hubs.version, s.hubs.limit, s.hubs.nodes
		s.hubs.mu.Unlock()
		if cv == v && (limit <= cl || len(cn) < cl) {
			return slices.Clone(cn[:min(limit, len(cn))]), nil
		}
	}
	// premises are claims or evidence; targets are claims or relations
	// (undercuts), left out by their prefix
	nodes, err := collect(ctx, q, `SELECT id FROM (
			SELECT id, sum(n) AS degree FROM (
				SELECT premise_id AS id, count(*) AS n FROM relations WHERE premise_id IS NOT NULL GROUP BY premise_id
				UNION ALL
				SELECT node_id AS id, count(*) AS n FROM extra_premises GROUP BY node_id
				UNION ALL
				SELECT to_id AS id, count(*) AS n FROM relations WHERE to_id NOT LIKE 'rel\_%' ESCAPE '\' GROUP BY to_id)
			GROUP BY id)
		ORDER BY degree DESC, id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	if s.hubs != nil {
		s.hubs.mu.Lock()
		s.hubs.version, s.hubs.limit, s.hubs.nodes = v, limit, nodes
		s.hubs.mu.Unlock()
	}
	return nodes, nil
}
