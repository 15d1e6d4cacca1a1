// Lists claim IDs matching the filter, ordered by ID.
// params: $after, $origin, $actor, $source, $proposition, $limit
MATCH (c:Claim)
WHERE c.id > $after
  AND ($origin = '' OR c.origin = $origin)
  AND ($actor = '' OR EXISTS { (:Actor {id: $actor})-[:ASSERTS|DISPUTES|NAMED_IN]->(c) })
  AND ($source = '' OR EXISTS { (c)-[:STATED_IN]->(:Source {id: $source}) })
  AND ($proposition = '' OR c.proposition = $proposition OR c.id = $proposition)
RETURN c.id AS id
ORDER BY id
LIMIT $limit
