package sqlitestore

import (
	"context"
	"database/sql"
)

// NodeTexts returns the short text of each claim (its gist, else its text)
// and piece of evidence among ids, in one query; other and unknown IDs are
// left out.
func (s *Store) NodeTexts(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, translate(ctx, err, "read node texts")
	}
	if _, c, err := s.copies(ctx); err != nil {
		return nil, translate(ctx, err, "read node texts")
	} else if c != nil {
		for _, id := range ids {
			if n, ok := c.node(id); ok {
				out[id] = c.shortText(n)
			}
		}
		return out, nil
	}
	err := s.read(ctx, "read node texts", func(tx *sql.Tx) error {
		clear(out)
		c, err := s.content(ctx, prepared{s, tx})
		if err != nil {
			return err
		}
		if c != nil {
			for _, id := range ids {
				if n, ok := c.node(id); ok {
					out[id] = c.shortText(n)
				}
			}
			return nil
		}
		list := jsonList(ids)
		rows, err := prepared{s, tx}.QueryContext(ctx, `
			SELECT c.id, CASE WHEN c.gist <> '' THEN c.gist ELSE c.text END FROM claims c WHERE c.id IN (SELECT value FROM json_each(?1))
			UNION ALL
			SELECT e.id, e.text FROM evidence e WHERE e.id IN (SELECT value FROM json_each(?1))`, list)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, text string
			if err := rows.Scan(&id, &text); err != nil {
				return err
			}
			out[id] = text
		}
		return rows.Err()
	})
	return out, err
}
