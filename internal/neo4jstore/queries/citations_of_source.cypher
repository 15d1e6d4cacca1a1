// Returns the citations one source makes, by start then ID.
// params: $source
MATCH (s:Source {id: $source})-[:HAS_CITATION]->(c:Citation)
OPTIONAL MATCH (c)-[:CITES]->(t:Source)
RETURN c, s.id AS source_id, t.id AS cited_id
ORDER BY c.start, c.id
