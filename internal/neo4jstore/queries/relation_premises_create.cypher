// Links premises to relations: (premise)-[:FROM {position}]->(relation).
// Rows: {relation, node, position}; node is a claim or evidence ID.
// params: $rows
UNWIND $rows AS row
MATCH (r:Relation {id: row.relation})
OPTIONAL MATCH (c:Claim {id: row.node})
OPTIONAL MATCH (e:Evidence {id: row.node})
WITH r, row, coalesce(c, e) AS p
WHERE p IS NOT NULL
CREATE (p)-[:FROM {position: row.position}]->(r)
RETURN count(*) AS linked
