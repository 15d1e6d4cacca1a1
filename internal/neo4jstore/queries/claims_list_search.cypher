// Lists claim IDs matching a full-text query and the filter, ordered by ID.
// $query is a Lucene query built and escaped in Go.
// params: $query, $after, $origin, $actor, $source, $proposition, $limit
CALL db.index.fulltext.queryNodes('claim_text', $query) YIELD node
WITH node AS c
WHERE c.id > $after
  AND ($origin = '' OR c.origin = $origin)
  AND ($actor = '' OR EXISTS { (:Actor {id: $actor})-[:ASSERTS|DISPUTES|NAMED_IN]->(c) })
  AND ($source = '' OR EXISTS { (c)-[:STATED_IN]->(:Source {id: $source}) })
  AND ($proposition = '' OR c.proposition = $proposition OR c.id = $proposition)
RETURN c.id AS id
ORDER BY id
LIMIT $limit
