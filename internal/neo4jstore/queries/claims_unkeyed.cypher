// Lists claims with no link signature key stored (stored before the store
// kept keys, or whose text gave none), ordered by ID, without spans and
// actors.
// params: $after, $limit
MATCH (c:Claim)
WHERE c.id > $after
  AND NOT EXISTS { MATCH (:ClaimKey)-[:KEYS]->(c) }
RETURN c, [] AS spans, [] AS actors
ORDER BY c.id
LIMIT $limit
