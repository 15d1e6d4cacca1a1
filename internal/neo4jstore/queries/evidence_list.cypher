// Lists evidence IDs matching the filter, ordered by ID.
// params: $after, $source, $limit
MATCH (e:Evidence)
WHERE e.id > $after
  AND ($source = '' OR EXISTS { (e)-[:QUOTED_IN]->(:Source {id: $source}) })
RETURN e.id AS id
ORDER BY id
LIMIT $limit
