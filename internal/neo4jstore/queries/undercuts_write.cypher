// Creates relations that target a relation (undercuts) with the FROM edges of
// their premises; their TO edges follow through relation_targets_create once
// every relation of the graph exists (an undercut may target another
// undercut of the same graph). Rows as relations_write's, without using
// "to". Returns how many relations were created and premises linked.
// params: $rows
UNWIND $rows AS row
CREATE (r:Relation)
SET r = row.props
WITH r, row
CALL (r, row) {
  UNWIND row.claims AS p
  MATCH (c:Claim {id: p.id})
  CREATE (c)-[:FROM {position: p.position}]->(r)
  RETURN count(*) AS claims
}
CALL (r, row) {
  UNWIND row.evidence AS p
  MATCH (e:Evidence {id: p.id})
  CREATE (e)-[:FROM {position: p.position}]->(r)
  RETURN count(*) AS evidence
}
RETURN count(r) AS created, sum(claims + evidence) AS linked
