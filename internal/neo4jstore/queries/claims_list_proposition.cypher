// Lists the IDs of the claims that state a proposition (the claim whose ID
// names it, and those that point to it) and match the other filters, ordered
// by ID. It starts from the proposition index: claims_list, which serves the
// other filters, walks every claim in ID order (4.9 s for a proposition on
// 100k claims).
// params: $after, $origin, $actor, $source, $proposition, $limit
CALL () {
  MATCH (c:Claim)
  WHERE c.proposition = $proposition
  RETURN c
  UNION
  MATCH (c:Claim {id: $proposition})
  RETURN c
}
WITH c
WHERE c.id > $after
  AND ($origin = '' OR c.origin = $origin)
  AND ($actor = '' OR EXISTS { (:Actor {id: $actor})-[:ASSERTS|DISPUTES|NAMED_IN]->(c) })
  AND ($source = '' OR EXISTS { (c)-[:STATED_IN]->(:Source {id: $source}) })
RETURN c.id AS id
ORDER BY id
LIMIT $limit
