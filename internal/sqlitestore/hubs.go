package sqlitestore

import (
	"context"
	"database/sql"

	"github.com/argmap/argmap/internal/argmap"
)

// Hubs returns the graph of the limit claims and evidence with the most
// relations (as a premise or as the target), most first, ties by ID, nodes
// with no relation last. The degrees are counted in SQL over the indexes of
// premises and targets (relation_premises_node, relations_to: IDs only, no
// record is read); only the chosen nodes are read, as Neighbourhood reads
// them.
func (s *Store) Hubs(ctx context.Context, limit int) (*argmap.Graph, error) {
	if limit <= 0 {
		return &argmap.Graph{}, nil
	}
	var g *argmap.Graph
	err := s.read(ctx, "read hubs", func(tx *sql.Tx) error {
		q := prepared{s, tx}
		// premises are claims or evidence; targets are claims or
		// relations (undercuts), left out by their prefix
		nodes, err := collect(ctx, q, `SELECT id FROM (
				SELECT id, sum(n) AS degree FROM (
					SELECT node_id AS id, count(*) AS n FROM relation_premises GROUP BY node_id
					UNION ALL
					SELECT to_id AS id, count(*) AS n FROM relations WHERE to_id NOT LIKE 'rel\_%' ESCAPE '\' GROUP BY to_id)
				GROUP BY id)
			ORDER BY degree DESC, id LIMIT ?`, limit)
		if err != nil {
			return err
		}
		if len(nodes) < limit {
			// then the nodes with no relation, by ID
			rest, err := collect(ctx, q, `SELECT id FROM (SELECT id FROM claims UNION ALL SELECT id FROM evidence) x
				WHERE NOT EXISTS (SELECT 1 FROM relation_premises p WHERE p.node_id = x.id)
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
