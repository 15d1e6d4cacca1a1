// Deletes a source, its spans (edges) and its citations.
// params: $id
MATCH (s:Source {id: $id})
OPTIONAL MATCH (s)-[:HAS_CITATION]->(c:Citation)
WITH s, collect(c) AS citations
FOREACH (c IN citations | DETACH DELETE c)
DETACH DELETE s
