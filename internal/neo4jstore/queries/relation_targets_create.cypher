// Links relations to their targets: (relation)-[:TO]->(claim or relation).
// Rows: {relation, node}.
// params: $rows
UNWIND $rows AS row
MATCH (r:Relation {id: row.relation})
OPTIONAL MATCH (c:Claim {id: row.node})
OPTIONAL MATCH (q:Relation {id: row.node})
WITH r, coalesce(c, q) AS t
WHERE t IS NOT NULL
CREATE (r)-[:TO]->(t)
RETURN count(*) AS linked
