// Returns every citation, ordered by ID.
// params: none
MATCH (s:Source)-[:HAS_CITATION]->(c:Citation)
OPTIONAL MATCH (c)-[:CITES]->(t:Source)
RETURN c, s.id AS source_id, t.id AS cited_id
ORDER BY c.id
