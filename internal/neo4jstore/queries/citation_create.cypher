// Creates citations: (source)-[:HAS_CITATION]->(citation)-[:CITES]->(cited work).
// Rows: {source_id, cited_id (or null), props}.
// params: $rows
UNWIND $rows AS row
MATCH (s:Source {id: row.source_id})
CREATE (s)-[:HAS_CITATION]->(c:Citation)
SET c = row.props
WITH c, row
WHERE row.cited_id IS NOT NULL
MATCH (t:Source {id: row.cited_id})
CREATE (c)-[:CITES]->(t)
